import { describe, expect, it } from 'vitest';
import { extractToc } from '../../../src/ingest/stages/toc.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));

describe('extractToc', () => {
  it('reads entries with tabs and dot leaders, files them under their sections, and keeps the cover', () => {
    const text = '某某简报\n\n目录\n\n快速进入点击页码\n\n产业环境\t3\n甲新闻标题.....\t3\n乙新闻标题\t5\n运营竞争\t7\n丙新闻标题.....\t7\n\n产业环境\n\n甲新闻标题\n';
    const { toc, cover, rest } = extractToc(lines(text));
    expect(cover).toEqual(['某某简报']);
    expect(toc.map((e) => [e.title, e.section, e.page])).toEqual([
      ['甲新闻标题', '产业环境', 3],
      ['乙新闻标题', '产业环境', 5],
      ['丙新闻标题', '运营竞争', 7],
    ]);
    expect(rest.map((l) => l.text).filter(Boolean)).toEqual(['产业环境', '甲新闻标题']);
  });

  it('finds nothing in a bulletin without a table of contents', () => {
    const { toc, rest } = extractToc(lines('产业环境\n标题\n正文。'));
    expect(toc).toEqual([]);
    expect(rest).toHaveLength(3);
  });
});
