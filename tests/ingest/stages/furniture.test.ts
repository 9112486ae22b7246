import { describe, expect, it } from 'vitest';
import { stripFurniture } from '../../../src/ingest/stages/furniture.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ text: t, line: i + 1 }));

function page(n: number, before: string, after: string): string {
  return `${before}\n\n信息产业监测 \n\n©2020 未经同意，不得转载。  2020.11.26 \n\n \n\nPage ${n} \n\n${after}`;
}

describe('stripFurniture', () => {
  it('removes running heads, footers and page numbers that repeat page after page', () => {
    const text = [page(1, '正文一', '正文二'), page(2, '正文三', '正文四'), page(3, '正文五', '应用场景。')].join('\n');
    const { lines: kept, furniture } = stripFurniture(lines(text));
    expect(kept.map((l) => l.text.trim()).filter(Boolean)).toEqual(['正文一', '正文二', '正文三', '正文四', '正文五', '应用场景。']);
    expect(furniture).toContain('Page 2');
    expect(furniture.some((f) => f.includes('2020.11.26'))).toBe(true);
  });

  it('keeps lines that repeat without any page number beside them, such as source credits', () => {
    const text = ['正文。', '来源：人民邮电报', '正文。', '来源：人民邮电报', '正文。', '来源：人民邮电报'].join('\n');
    expect(stripFurniture(lines(text)).lines).toHaveLength(6);
  });
});

/** Pages of body text, each `pageLines` long, with what the layout prints between two pages. */
function pages(count: number, pageLines: number, between: (n: number) => string[]): string {
  const out: string[] = [];
  const words = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
  const word = (i: number) => words[i % words.length] + words[Math.floor(i / words.length) % words.length];
  for (let n = 1; n <= count; n++) {
    for (let k = 0; k < pageLines; k++) out.push(`正文${word(n * 100 + k)}讲的是${word(k * 7 + n)}的事，句子没有说完`);
    out.push(...between(n));
  }
  return out.join('\n');
}

describe('stripFurniture, by layout', () => {
  it.each([
    ['Page 12', (n: number) => `Page ${n}`],
    ['— 12 —', (n: number) => `— ${n} —`],
    ['- 12 -', (n: number) => `- ${n} -`],
    ['第 12 页', (n: number) => `第 ${n} 页`],
    ['第 12 页 共 40 页', (n: number) => `第 ${n} 页 共 5 页`],
    ['12/40', (n: number) => `${n}/5`],
    ['a bare 12', (n: number) => `${n + 11}`],
  ])('removes page numbers printed as %s', (_form, number) => {
    const { lines: kept, furniture } = stripFurniture(lines(pages(5, 45, (n) => [number(n)])));
    expect(furniture).toEqual([1, 2, 3, 4, 5].map(number));
    expect(kept).toHaveLength(5 * 45);
  });

  it('removes a running head that recurs every page, whatever it says, and no body line', () => {
    const { lines: kept, furniture } = stripFurniture(lines(pages(6, 52, () => ['某某行业动态参考'])));
    expect(furniture).toEqual(new Array(6).fill('某某行业动态参考'));
    expect(kept).toHaveLength(6 * 52);
  });

  it('keeps a short line that recurs at no page interval', () => {
    const text = ['甲。', '乙。', '小结', ...new Array(10).fill('丙。'), '小结', ...new Array(90).fill('丁。'), '小结', '戊。'].join('\n');
    expect(stripFurniture(lines(text)).furniture).toEqual([]);
  });

  it('keeps a lone number that counts nothing, such as a table cell', () => {
    const text = ['表头', '35', '甲', '17', '乙', '42', '丙。'].join('\n');
    expect(stripFurniture(lines(text)).furniture).toEqual([]);
  });
});
