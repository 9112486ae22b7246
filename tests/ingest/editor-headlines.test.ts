import { describe, expect, it } from 'vitest';
import { applyEditorHeadlines } from '../../src/ingest/editor-headlines.ts';
import { lineKind } from '../../src/ingest/rules/line-kinds.ts';
import { ingestBulletin } from '../../src/ingest/pipeline.ts';

const texts = ['产业环境', '工信部发布新一代信息技术助力中小企业发展', '近日，工信部发布通知。', '构建工业数据治理体系', '通知强调，要加快工业数据分类分级。', '上海市将建数据交易重点监管名单', '上海市将对数据交易突出问题开展专项整治。'];
const paragraphs = texts.map((text, i) => ({ text, line: i + 1 }));

describe('applyEditorHeadlines', () => {
  it('opens an article at a line named by its opening words, and keeps a named line inside its article', () => {
    const kinds = paragraphs.map(lineKind);
    const result = applyEditorHeadlines('a.txt', { headlines: ['上海市将建数据交易'], notHeadlines: ['构建工业数据治理体系'] }, paragraphs, kinds, [1, 3]);
    expect(result.headlines).toEqual([1, 5]);
    expect(result.warnings).toEqual([]);

  });

  it('makes a named prose line a heading in the kinds it returns, leaving the kinds it was given alone', () => {
    const kinds = paragraphs.map(lineKind);
    expect(kinds[2]).toBe('prose');
    const result = applyEditorHeadlines('a.txt', { headlines: ['近日，工信部发布通知'] }, paragraphs, kinds, [1]);
    expect(result.headlines).toEqual([1, 2]);
    expect(result.kinds[2]).toBe('heading');
    expect(kinds[2]).toBe('prose');
  });

  it('reports an entry that names no line, several lines, or too little to tell, and changes nothing for it', () => {
    const kinds = paragraphs.map(lineKind);
    const result = applyEditorHeadlines('a.txt', { headlines: ['量子通信网络正式开通', '上海市将'], notHeadlines: ['构建'] }, paragraphs, kinds, [1, 3]);
    expect(result.headlines).toEqual([1, 3]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('"量子通信网络正式开通" matches no line'),
      expect.stringContaining('"上海市将" matches 2 lines (6, 7)'),
      expect.stringContaining('"构建" is too short to tell (2 characters; give at least 4)'),
    ]);
    expect(result.warnings.every((w) => w.file === 'a.txt')).toBe(true);
  });
});

describe('front matter headlines in a dropped-in bulletin', () => {
  const body = texts.join('\n\n');
  const named = ['构建工业数据治理体系', '上海市将建数据交易重点监管名单'];
  const titles = (frontMatter: string) => ingestBulletin('a.txt', new TextEncoder().encode(`---\n${frontMatter}\n---\n${body}`)).articles.map((a) => a.title);

  it('split the bulletin at every line the editor lists as a headline', () => {
    expect(titles(`headlines:\n${named.map((t) => `  - ${t}`).join('\n')}`)).toEqual(expect.arrayContaining(named));
  });

  it('keep inside their article the lines the editor lists as not headlines', () => {
    const found = titles(`not-headlines:\n${named.map((t) => `  - ${t}`).join('\n')}`);
    expect(found.filter((t) => named.includes(t))).toEqual([]);
    expect(found).toContain(texts[1]);
  });
});
