import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_OUT_LAYOUTS, encodeGb18030, heldOutBulletin, printInLayout, type HeldOutLayout } from '../../src/eval/held-out.ts';
import { decodeBulletin } from '../../src/ingest/decode.ts';
import { inventBulletin } from '../publish/invent-bulletin.ts';

const paragraphs = Array.from({ length: 80 }, (_, i) => `${'甲乙丙丁'[i % 4]}段的文字讲一件事情，内容足够长，长到一行放不下，因此要折成好几行来印出来。`);
const layout = (overrides: Partial<HeldOutLayout>): HeldOutLayout => ({ name: 'test', width: 20, blanks: 'none', encoding: 'utf-8', lineEnd: '\n', ...overrides });

describe('held-out layouts', () => {
  it('wrap every line at the layout width', () => {
    const { text } = printInLayout(paragraphs, layout({ width: 20 }));
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBe(20);
  });

  it('print the running head and the page number of every page of 40 to 60 lines', () => {
    const { text, furniture } = printInLayout(paragraphs, layout({ runningHead: '某某产业周刊', pageNumber: (n, t) => `第 ${n} 页 共 ${t} 页` }));
    const lines = text.split('\n');
    const heads = lines.flatMap((l, i) => (l === '某某产业周刊' ? [i] : []));
    expect(heads.length).toBeGreaterThan(2);
    for (let k = 1; k < heads.length; k++) expect(heads[k] - heads[k - 1]).toBeGreaterThanOrEqual(41);
    for (let k = 1; k < heads.length; k++) expect(heads[k] - heads[k - 1]).toBeLessThanOrEqual(62);
    const pages = heads.length;
    expect(lines).toContain(`第 1 页 共 ${pages} 页`);
    expect(furniture).toContain(`第 2 页 共 ${pages} 页`);
  });

  it('leave no blank line at all when the layout has none', () => {
    expect(printInLayout(paragraphs, layout({ blanks: 'none' })).text.split('\n')).not.toContain('');
  });

  it('put a blank line after every line when the layout does', () => {
    const lines = printInLayout(paragraphs, layout({ blanks: 'line' })).text.split('\n');
    expect(lines.filter((_, i) => i % 2 === 1).every((l) => l === '')).toBe(true);
  });

  it('encode GB18030 that the ingest decodes back to the same text', () => {
    const text = '“数字中国”建设——５Ｇ基站、千兆光网（２０２０年）。';
    const decoded = decodeBulletin('x.txt', encodeGb18030(`${text}\r\n第二行`));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(`${text}\n第二行`);
  });

  it('are all different from each other', () => {
    expect(new Set(HELD_OUT_LAYOUTS.map((l) => l.name)).size).toBe(HELD_OUT_LAYOUTS.length);
  });

  describe('reprinting a bulletin with a table of contents', () => {
    const cover = '星河电子产业观察';
    const source = inventBulletin({
      publication: cover,
      articles: ['甲', '乙', '丙'].map((tag) => ({ section: '产业环境', title: `${tag}地发布新型显示产业行动计划`, body: [`${tag}地的行动计划提出，到明年底建成三个产业园区，带动上下游企业集聚发展。`] })),
    });
    const lines = source.split('\n');
    const titleLines = ['甲', '乙', '丙'].map((tag) => lines.lastIndexOf(`${tag}地发布新型显示产业行动计划`) + 1);
    const labelDir = mkdtempSync(join(tmpdir(), 'held-out-labels-'));
    writeFileSync(join(labelDir, 'invented.json'), JSON.stringify({
      articles: titleLines.map((line, k) => ({ title: lines[line - 1], section: '产业环境', line, spans: [[line, (titleLines[k + 1] ?? lines.length + 1) - 1]] })),
    }));
    const reprint = (overrides: Partial<HeldOutLayout>) => heldOutBulletin('invented.txt', new TextEncoder().encode(source), labelDir, layout({ width: 16, ...overrides }))!;

    it('drops the cover with the table of contents, so without a running head nothing names the publication', () => {
      const held = reprint({ pageNumber: (n) => `- ${n} -` });
      expect(held.publication).toBeNull();
      expect(decodeBulletin(held.file, held.bytes).text.replace(/\s/g, '')).not.toContain(cover);
      expect(held.key.map((k) => k.title)).toHaveLength(3);
    });

    it('names the publication by the running head it prints', () => {
      expect(reprint({ runningHead: '某某产业周刊' }).publication).toBe('某某产业周刊');
    });
  });
});
