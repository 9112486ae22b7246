import { describe, expect, it } from 'vitest';
import { untangleColumns } from '../../../src/ingest/magazine/untangle-columns.ts';
import type { LineKind, Paragraph } from '../../../src/types.ts';

type Row = [string, LineKind, Partial<Paragraph>?];
const untangle = (rows: Row[]) => {
  const paragraphs = rows.map(([text, , extra], i) => ({ text, line: (i + 1) * 2, ...extra }));
  return untangleColumns('x.txt', paragraphs, rows.map(([, kind]) => kind));
};
const texts = (r: ReturnType<typeof untangle>) => r.paragraphs.map((p) => p.text);

describe('untangleColumns', () => {
  it('puts a story opened in the middle of another back after the other story\'s credit, when its enumeration goes on there', () => {
    const result = untangle([
      ['甲市建成智慧港口', 'heading'],
      ['甲市港口今年完成智能化改造，吞吐量大幅提高。', 'prose'],
      ['2021 年某某论坛在乙市举行，某某部门负责人介绍了三方面情况。', 'prose', { dropCap: true }],
      ['一是网络建设加快推进。', 'prose'],
      ['二是应用不断丰富。', 'prose'],
      ['某某负责人：网络建设成效显著', 'heading', { display: 'start' }],
      ['港口还将建设更多自动化码头。', 'prose'],
      ['来源：某某日报', 'source'],
      ['三是产业生态持续完善。', 'prose'],
      ['来源：某某网', 'source'],
    ]);
    expect(texts(result)).toEqual([
      '甲市建成智慧港口',
      '甲市港口今年完成智能化改造，吞吐量大幅提高。',
      '港口还将建设更多自动化码头。',
      '来源：某某日报',
      '某某负责人：网络建设成效显著',
      '2021 年某某论坛在乙市举行，某某部门负责人介绍了三方面情况。',
      '一是网络建设加快推进。',
      '二是应用不断丰富。',
      '三是产业生态持续完善。',
      '来源：某某网',
    ]);
    expect(result.kinds[4]).toBe('heading');
    expect(result.warnings.map((w) => w.kind)).toEqual(['woven-columns']);
  });

  it('mends the sentence a column end cut, when the text after the credit finishes it', () => {
    const result = untangle([
      ['丙厂发布新产品', 'heading'],
      ['丙厂今天发布了新一代产品。', 'prose'],
      ['某协会昨天召开年会，会长指出，要充分发挥', 'prose', { dropCap: true }],
      ['会长：推动行业创新发展', 'heading', { display: 'start' }],
      ['新产品将于下月上市。', 'prose'],
      ['来源：某某报', 'source'],
      ['协会的平台作用，服务会员单位。', 'prose'],
      ['来源：某协会', 'source'],
    ]);
    expect(texts(result)).toEqual(['丙厂发布新产品', '丙厂今天发布了新一代产品。', '新产品将于下月上市。', '来源：某某报', '会长：推动行业创新发展', '某协会昨天召开年会，会长指出，要充分发挥协会的平台作用，服务会员单位。', '来源：某协会']);
  });

  it('says the opening could not be placed exactly when no drop cap marks it', () => {
    const result = untangle([
      ['丙厂发布新产品', 'heading'],
      ['丙厂今天发布了新一代产品。', 'prose'],
      ['会长指出，要充分发挥', 'prose'],
      ['会长：推动行业创新发展', 'heading', { display: 'start' }],
      ['新产品将于下月上市。', 'prose'],
      ['来源：某某报', 'source'],
      ['协会的平台作用。', 'prose'],
    ]);
    expect(result.warnings.map((w) => w.kind)).toEqual(['woven-columns-unplaced']);
    expect(result.paragraphs).toHaveLength(6);
  });

  it('leaves stories that follow one another alone', () => {
    const rows: Row[] = [
      ['丁地推进数字乡村', 'heading'],
      ['丁地今年建成数字乡村示范点二十个。', 'prose'],
      ['来源：某某报', 'source'],
      ['戊企业发布年度报告', 'heading'],
      ['一是营收增长。', 'prose'],
      ['二是利润增长。', 'prose'],
      ['来源：某某网', 'source'],
    ];
    const result = untangle(rows);
    expect(texts(result)).toEqual(rows.map(([text]) => text));
    expect(result.warnings).toEqual([]);
  });
});
