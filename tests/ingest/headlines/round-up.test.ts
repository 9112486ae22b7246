import { describe, expect, it } from 'vitest';
import { enumeratedTerms, roundupParts } from '../../../src/ingest/headlines/round-up.ts';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';

const body = (topic: string) => `${topic}在过去一年里取得了长足进步，多家企业加快布局，相关应用不断落地，业内人士对其前景普遍看好。`;
const introduction = '这一年，新技术层出不穷。边缘计算、卫星通信、无人配送……诸多领域都在加速前行。让我们一起回顾这一年的亮点。';

/** A round-up: its headline, an introduction listing fields, then one part per heading given. */
function roundup(headings: string[], before: string[] = []): string[] {
  return [...before, '年终盘点：新技术的高光时刻', introduction, ...headings.flatMap((h) => [h, body(h.slice(0, 4))])];
}

function parts(texts: string[]): string[] {
  const paragraphs = texts.map((text, i) => ({ text, line: i + 1 }));
  return [...roundupParts(paragraphs, paragraphs.map(lineKind)).keys()].map((i) => texts[i]);
}

describe('enumeratedTerms', () => {
  it('reads the terms of a list of three or more parted by 、, in order', () => {
    expect(enumeratedTerms(introduction)).toEqual(['边缘计算', '卫星通信', '无人配送']);
  });

  it('reads no list of only two terms, nor a list whose terms are long phrases', () => {
    expect(enumeratedTerms('会议围绕“边缘计算、卫星通信”展开讨论。')).toEqual([]);
    expect(enumeratedTerms('要加快推进新型基础设施建设、全面提升产业链供应链水平、扩大开放。')).toEqual([]);
  });
});

describe('roundupParts', () => {
  it('reads the headings that take up the listed fields, in the listed order, as the round-up\'s parts', () => {
    const texts = roundup(['边缘计算走向规模商用', '卫星通信迎来发展窗口', '无人配送跑出加速度']);
    expect(parts(texts)).toEqual(['边缘计算走向规模商用', '卫星通信迎来发展窗口', '无人配送跑出加速度']);
    const paragraphs = texts.map((text, i) => ({ text, line: i + 1 }));
    expect([...roundupParts(paragraphs, paragraphs.map(lineKind)).values()]).toEqual([1, 1, 1]);
  });

  it('takes a heading naming another kind of a listed compound (its last two characters) for the part on it', () => {
    expect(parts(roundup(['边缘计算走向规模商用', '卫星通信迎来发展窗口', '智能配送：谈普及为时尚早']))).toContain('智能配送：谈普及为时尚早');
  });

  it('leaves headings between the named parts alone: they are parts or not as the classifier says', () => {
    const texts = roundup(['边缘计算走向规模商用', '网络安全面临新考验', '卫星通信迎来发展窗口', '无人配送跑出加速度']);
    expect(parts(texts)).not.toContain('网络安全面临新考验');
  });

  it('reads no round-up when only two headings take up the listed fields', () => {
    expect(parts(roundup(['边缘计算走向规模商用', '卫星通信迎来发展窗口', '量子通信实现新突破']))).toEqual([]);
  });

  it('reads no round-up when the headings name the fields out of the listed order', () => {
    expect(parts(roundup(['无人配送跑出加速度', '卫星通信迎来发展窗口', '边缘计算走向规模商用']))).toEqual([]);
  });

  it('ends a round-up at a section heading', () => {
    const texts = roundup(['边缘计算走向规模商用', '卫星通信迎来发展窗口']);
    texts.push('技术情报', '无人配送跑出加速度', body('无人配送'));
    expect(parts(texts)).toEqual([]);
  });
});
