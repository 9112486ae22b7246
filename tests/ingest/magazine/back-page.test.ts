import { describe, expect, it } from 'vitest';
import { markBackPage } from '../../../src/ingest/magazine/back-page.ts';
import type { LineKind } from '../../../src/types.ts';

const mark = (rows: [string, LineKind][]) => markBackPage(rows.map(([text], i) => ({ text, line: i + 1 })), rows.map(([, kind]) => kind));
const story: [string, LineKind][] = [['数字经济发展提速', 'heading'], ['全省数字经济规模持续扩大，增速位居全国前列。', 'prose']];

describe('markBackPage', () => {
  it('makes every line of the publisher\'s notice at the end a note, its name and slogans too', () => {
    const notice: [string, LineKind][] = [['某省互联网协会', 'heading'], ['欢迎投稿', 'note'], ['电话：0371-0000000', 'note'], ['为政府决策服务　为行业发展服务', 'heading'], ['Serve the industry', 'prose']];
    expect(mark([...story, ...notice])).toEqual(['heading', 'prose', 'note', 'note', 'note', 'note', 'note']);
  });

  it('leaves the text alone when the contact lines are followed by more of the story', () => {
    const rows: [string, LineKind][] = [...story, ['电话：0371-0000000', 'note'], ['记者随后采访了多位业内专家，他们表示前景可期。', 'prose']];
    expect(mark(rows)).toEqual(rows.map(([, kind]) => kind));
  });

  it('leaves a bulletin without a notice alone', () => {
    expect(mark(story)).toEqual(['heading', 'prose']);
  });
});

describe('the back page of a magazine bulletin', () => {
  it('is set aside as the issue\'s colophon, in no article', async () => {
    const { ingestBulletin } = await import('../../../src/ingest/pipeline.ts');
    const story = (title: string) => [title, `${title}的消息今天正式发布，有关部门表示将继续推进相关工作。`, '来源：某某日报'];
    const text = [...story('甲地建成新港口'), ...story('乙厂发布新机型'), ...story('丙市推进数字乡村'), '某省某某协会', '欢迎投稿', '电话：0000-1234567', '为行业发展服务　为会员单位服务'].join('\n\n');
    const bulletin = ingestBulletin('x.txt', Buffer.from(text));
    expect(bulletin.articles.map((a) => a.title)).toEqual(['甲地建成新港口', '乙厂发布新机型', '丙市推进数字乡村']);
    expect(bulletin.articles.at(-1)!.blocks.map((b) => ('text' in b ? b.text : ''))).not.toContain('欢迎投稿');
    expect(bulletin.colophon).toEqual(['某省某某协会', '欢迎投稿', '电话：0000-1234567', '为行业发展服务　为会员单位服务']);
  });
});
