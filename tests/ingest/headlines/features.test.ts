import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, headlineFeatures } from '../../../src/ingest/headlines/features.ts';
import { measureCohesion } from '../../../src/ingest/headlines/cohesion.ts';
import { lineKind } from '../../../src/ingest/rules/line-kinds.ts';

const SAME_SHAPE = FEATURE_NAMES.indexOf('sameShapeAsNeighbourHeading');
const SHARES_WORDS = FEATURE_NAMES.indexOf('sharesWordsWithLead');
const body = '会上，专家们围绕媒体融合发展的现状与趋势展开了深入讨论，并提出了具体建议。';

function sameShape(first: string, second: string): number {
  const paragraphs = [first, body, body, second, body].map((text, i) => ({ text, line: i + 1 }));
  const kinds = paragraphs.map(lineKind);
  return headlineFeatures(paragraphs, kinds, 3, measureCohesion(paragraphs, kinds))[SAME_SHAPE];
}

describe('headlineFeatures', () => {
  it('sees two short headings of two phrases parted by one comma as siblings', () => {
    expect(sameShape('应对变局下的挑战，主流媒体积极应答显担当', '推动5G媒体应用，企业界勇立潮头有作为')).toBe(1);
  });

  it('does not see a one-comma heading and a plain one as siblings', () => {
    expect(sameShape('媒体融合变革变局正当时', '推动5G媒体应用，企业界勇立潮头有作为')).toBe(0);
  });

  it('compares a heading with the first sentence of its lead only', () => {
    const heading = '量子通信城域网建成';
    const sharesWords = (lead: string) => {
      const paragraphs = [body, heading, lead].map((text, i) => ({ text, line: i + 1 }));
      const kinds = paragraphs.map(lineKind);
      return headlineFeatures(paragraphs, kinds, 1, measureCohesion(paragraphs, kinds))[SHARES_WORDS];
    };
    expect(sharesWords(`近日，${heading}并投入使用。${body}`)).toBe(1);
    expect(sharesWords(`${body}近日，${heading}并投入使用。`)).toBe(0);
  });
});

describe('headlineFeatures, where a story ends and what follows', () => {
  const feature = (name: (typeof FEATURE_NAMES)[number], texts: string[], i: number) => {
    const paragraphs = texts.map((text, k) => ({ text, line: k + 1 }));
    const kinds = paragraphs.map(lineKind);
    return headlineFeatures(paragraphs, kinds, i, measureCohesion(paragraphs, kinds))[FEATURE_NAMES.indexOf(name)];
  };

  it('measures the prose since the heading before, up to a long story', () => {
    expect(feature('proseSincePreviousHeading', ['甲地建成新港口', body, '乙厂发布新机型', body], 2)).toBeCloseTo(body.length / 2000, 6);
    expect(feature('proseSincePreviousHeading', ['甲地建成新港口', ...new Array(60).fill(body), '乙厂发布新机型', body], 61)).toBe(1);
  });

  it('sees numbered parts a few paragraphs below a heading', () => {
    expect(feature('numberedSoonAfter', ['乙厂发布新机型', body, '（一）加快新机型量产', body], 0)).toBe(1);
    expect(feature('numberedSoonAfter', ['乙厂发布新机型', ...new Array(9).fill(body), '（一）加快新机型量产'], 0)).toBe(0);
  });
});

describe('headlineFeatures, what a heading shares with the headings above it', () => {
  const feature = (name: (typeof FEATURE_NAMES)[number], texts: string[], i: number) => {
    const paragraphs = texts.map((text, k) => ({ text, line: k + 1 }));
    const kinds = paragraphs.map(lineKind);
    return headlineFeatures(paragraphs, kinds, i, measureCohesion(paragraphs, kinds))[FEATURE_NAMES.indexOf(name)];
  };

  it('measures how much of a heading repeats the words of a heading above it', () => {
    expect(feature('echoesHeadingsBefore', ['甲港吞吐量创新高　航运枢纽加速成形', body, '航运枢纽加速成形', body], 2)).toBe(1);
    expect(feature('echoesHeadingsBefore', ['甲港吞吐量创新高　航运枢纽加速成形', body, '乙厂发布新机型', body], 2)).toBe(0);
  });

  it('sees a lead that opens by pointing back at the text above', () => {
    expect(feature('leadContinuesBefore', [body, '产能依旧紧缺', '与此同时，产能不足的问题将继续影响行业。', body], 1)).toBe(1);
    expect(feature('leadContinuesBefore', [body, '产能依旧紧缺', '近日，产能不足的问题引起行业关注。', body], 1)).toBe(0);
  });

  it('does not take a two-phrase headline for a sibling of one-phrase "某地：…" items', () => {
    const shape = (second: string) => feature('sameShapeAsNeighbourHeading', ['甲市：建设十个智慧园区', body, body, second, body], 3);
    expect(shape('乙市：推动港口数字化升级')).toBe(1);
    expect(shape('某部：新一代网络加速部署　年内连接数翻番')).toBe(0);
  });
});

describe('headlineFeatures, round-ups of "某地：…" items', () => {
  it('counts as fellow items only colon headings of as many phrases', () => {
    const item = (k: number) => `${'甲乙丙丁'[k]}市：建设十个智慧园区`;
    const roundup = (last: string) => {
      const paragraphs = [item(0), body, item(1), body, item(2), body, last, body].map((text, k) => ({ text, line: k + 1 }));
      const kinds = paragraphs.map(lineKind);
      return headlineFeatures(paragraphs, kinds, 6, measureCohesion(paragraphs, kinds))[FEATURE_NAMES.indexOf('inRoundupOfColonHeadings')];
    };
    expect(roundup('戊市：推动港口数字化升级')).toBe(1);
    expect(roundup('某部：新一代网络加速部署　年内连接数翻番')).toBe(0);
  });
});
