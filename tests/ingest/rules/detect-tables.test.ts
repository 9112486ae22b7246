import { describe, expect, it } from 'vitest';
import { detectTables } from '../../../src/ingest/rules/detect-tables.ts';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';

const paragraphs = (texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('detectTables', () => {
  it('rebuilds header and rows from one line per cell and one line per row', () => {
    const p = paragraphs(['收入构成如下：', '收入类别', '1-6月收入', '（亿元）', '同比 占比', '平台业务 45.5 12.5% 65.1%', '信息服务 15.0 11.1% 21.4%', '正文继续。']);
    const [table] = detectTables(p, p.map(lineKind));
    expect(table.rows).toEqual([
      ['收入类别', '1-6月收入（亿元）', '同比', '占比'],
      ['平台业务', '45.5', '12.5%', '65.1%'],
      ['信息服务', '15.0', '11.1%', '21.4%'],
    ]);
    expect([table.start, table.end]).toEqual([1, 7]);
  });

  it('splits a header line at the gaps its phrases kept, and joins a header word wrapped in a narrow column', () => {
    const p = paragraphs(['排名\u3000网站名称\u3000网址', '访问量', '（亿次）', '排名较上', '月变化', '1 腾讯 www.qq.com 3301.7 -', '2 百度 www.baidu.com 2938.0 -']);
    const [table] = detectTables(p, p.map(lineKind));
    expect(table.rows[0]).toEqual(['排名', '网站名称', '网址', '访问量（亿次）', '排名较上月变化']);
  });

  it('does not take a single line of figures, or prose with numbers, for a table', () => {
    const p = paragraphs(['全省收入 69.9 17.5% 100%', '10 月 12 日至 14 日，峰会在福州举办。']);
    expect(detectTables(p, p.map(lineKind))).toEqual([]);
  });
});
