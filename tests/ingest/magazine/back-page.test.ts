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
