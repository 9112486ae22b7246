import { describe, expect, it } from 'vitest';
import { joinHeadingRuns } from '../../../src/ingest/magazine/join-heading-runs.ts';
import type { LineKind } from '../../../src/types.ts';

const join = (rows: [string, LineKind][]) => {
  const { paragraphs, kinds } = joinHeadingRuns(rows.map(([text], i) => ({ text, line: i + 1 })), rows.map(([, kind]) => kind));
  return paragraphs.map((p, i) => [p.text, kinds[i]]);
};
const prose: [string, LineKind] = ['正文的一段话。', 'prose'];

describe('joinHeadingRuns', () => {
  it('makes one heading of a heading printed over two short lines inside a story, with a phrase gap', () => {
    expect(join([prose, ['从“互联网 +”到“智能 ×”', 'heading'], ['为经济复苏注入新动能', 'heading'], prose])).toEqual([
      prose,
      ['从“互联网 +”到“智能 ×”\u3000为经济复苏注入新动能', 'heading'],
      prose,
    ]);
  });

  it('runs a speaker\'s colon and a line that filled its width straight on', () => {
    const full = '“智能城市　共享未来”二〇二〇世界人工智能';
    expect(join([prose, ['某公司董事长某某：', 'prose'], [full, 'heading'], ['大会峰会隆重举办！', 'heading'], prose])[1]).toEqual([`某公司董事长某某：${full}大会峰会隆重举办！`, 'heading']);
  });

  it('leaves alone a heading followed by another heading and then the next heading, or one where a story opens', () => {
    const rows: [string, LineKind][] = [prose, ['数字经济发展提速', 'heading'], ['产业规模持续扩大', 'heading'], ['新的小标题', 'heading'], ['再一个标题行', 'heading'], prose];
    expect(join(rows)).toHaveLength(rows.length);
    const opening: [string, LineKind][] = [['来源：人民邮电报', 'source'], ['数字经济发展提速', 'heading'], ['产业规模持续扩大', 'heading'], prose];
    expect(join(opening)).toHaveLength(opening.length);
  });

  it('leaves a single heading, and a speaker line with no heading under it, as they are', () => {
    expect(join([prose, ['数字经济发展提速', 'heading'], prose])).toHaveLength(3);
    expect(join([prose, ['协会将重点做好以下工作：', 'prose'], prose])).toHaveLength(3);
    expect(join([prose, ['主要措施如下：', 'prose'], ['加快网络建设', 'heading'], ['推进数据中心布局', 'heading'], prose])).toHaveLength(5);
  });
});
