import { describe, expect, it } from 'vitest';
import { assembleArticles, titleFromFirstWords } from '../../../src/ingest/stages/assemble-articles.ts';
import type { Block, LineKind } from '../../../src/types.ts';

/** A plan from [text, kind] pairs; paragraph i sits on source line i + 1. */
function plan(rows: [string, LineKind][], headlines: number[], storyStarts = new Map<number, number>(), untitledStarts: number[] = []) {
  return { paragraphs: rows.map(([text], i) => ({ text, line: i + 1 })), kinds: rows.map(([, kind]) => kind), headlines, storyStarts, untitledStarts, tables: new Map(), file: 'a.txt' };
}
const texts = (blocks: Block[]) => blocks.map((b) => ('text' in b ? b.text : ''));

describe('assembleArticles', () => {
  const rows: [string, LineKind][] = [
    ['数字乡村建设全面提速', 'heading'],
    ['数字乡村正文。', 'prose'],
    ['来源：人民邮电报', 'source'],
    ['智能制造正文的前半，', 'prose'],
    ['省工信厅副厅长张明：智能制造成为转型主引擎', 'heading'],
    ['全省智能制造现场会召开', 'subtitle'],
    ['智能制造正文的后半。', 'prose'],
  ];

  it('starts a story whose headline came later right after the credit, keeping its text in order', () => {
    const { articles } = assembleArticles(plan(rows, [0, 4], new Map([[4, 3]])));
    expect(articles.map((a) => a.title)).toEqual(['数字乡村建设全面提速', '省工信厅副厅长张明：智能制造成为转型主引擎']);
    expect(texts(articles[0].blocks)).toEqual(['数字乡村正文。', '来源：人民邮电报']);
    expect(articles[1].subtitle).toBe('全省智能制造现场会召开');
    expect(texts(articles[1].blocks)).toEqual(['智能制造正文的前半，', '智能制造正文的后半。']);
  });

  it('keeps text printed before the first credit when the first headline is lifted, with a warning', () => {
    const { articles, warnings } = assembleArticles(plan(rows.slice(1), [3], new Map([[3, 2]])));
    expect(texts(articles[0].blocks)).toEqual(['数字乡村正文。', '来源：人民邮电报', '智能制造正文的前半，', '智能制造正文的后半。']);
    expect(warnings).toHaveLength(1);
  });

  it('loses nothing when a story start has no headline after it', () => {
    const { articles } = assembleArticles(plan(rows.slice(0, 4), [0], new Map([[9, 3]])));
    expect(texts(articles[0].blocks)).toEqual(['数字乡村正文。', '来源：人民邮电报', '智能制造正文的前半，']);
  });

  it('keeps the text before an untitled story that opens the bulletin, with a warning', () => {
    const { articles, warnings } = assembleArticles(plan(rows.slice(1, 4), [], new Map(), [2]));
    expect(articles).toHaveLength(1);
    expect(texts(articles[0].blocks)).toEqual(['数字乡村正文。', '来源：人民邮电报', '智能制造正文的前半，']);
    expect(warnings).toHaveLength(1);
  });

  it('publishes a story with no headline as its own article, titled by its first words', () => {
    const { articles } = assembleArticles(plan(rows.slice(0, 4), [0], new Map(), [3]));
    expect(articles.map((a) => a.title)).toEqual(['数字乡村建设全面提速', '智能制造正文的前半']);
    expect(articles[1].titleInferred).toBe(true);
    expect(texts(articles[0].blocks)).toEqual(['数字乡村正文。', '来源：人民邮电报']);
    expect(texts(articles[1].blocks)).toEqual(['智能制造正文的前半，']);
  });
});

describe('titleFromFirstWords', () => {
  it('takes the first clause of the opening sentence', () => {
    expect(titleFromFirstWords('为真实反映全省互联网发展状况，推动行业高质量发展。')).toBe('为真实反映全省互联网发展状况');
  });

  it('passes over an opener like a date to the first clause that says something', () => {
    expect(titleFromFirstWords('9月27日，全省互联网发展报告正式发布，数据翔实。')).toBe('全省互联网发展报告正式发布');
  });

  it('cuts a long clause to a headline\'s length and marks the cut', () => {
    expect(titleFromFirstWords('这是一句非常非常长而且中间没有任何标点符号所以无法在逗号处截断的开头句子。')).toBe('这是一句非常非常长而且中间没有任何标点符号所以无…');
  });
});
