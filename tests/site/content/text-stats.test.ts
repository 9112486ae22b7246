import { describe, expect, it } from 'vitest';
import { countCharacters, excerpt, plainText, readingMinutes, subheadings } from '../../../src/site/content/text-stats.ts';

const body = '## 小标题\n\n第一段正文，共有十几个字。\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n## 第二节\n\n最后一段。';

describe('text statistics', () => {
  it('count characters without whitespace or Markdown markup', () => {
    expect(countCharacters(plainText('## 标题\n\n正文 abc'))).toBe('标题正文abc'.length);
  });

  it('drop the backslash of Markdown escapes, keeping the escaped character', () => {
    expect(plainText('估值在70亿\\~500亿元，www\\.qq.com')).toBe('估值在70亿~500亿元，www.qq.com');
  });

  it('ignore table rule lines when counting', () => {
    expect(plainText('| 甲 |\n| --- |\n| 1 |')).not.toContain('---');
  });

  it('read about 400 Chinese characters a minute, never less than one minute', () => {
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(4000)).toBe(10);
  });

  it('take the excerpt from the first prose paragraph, skipping headings', () => {
    expect(excerpt(body)).toBe('第一段正文，共有十几个字。');
  });

  it('cut a long excerpt and mark the cut with an ellipsis', () => {
    const text = '长'.repeat(200);
    expect(excerpt(text, 80)).toBe(`${'长'.repeat(80)}…`);
  });

  it('list ## subheadings in order', () => {
    expect(subheadings(body)).toEqual(['小标题', '第二节']);
  });
});
