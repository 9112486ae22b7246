import { describe, expect, it } from 'vitest';
import { decodeHeadlines, type HeadingCandidate } from '../../../src/ingest/headlines/decoder.ts';

const heading = (score: number, rest: Partial<HeadingCandidate> = {}): HeadingCandidate => ({ score, forced: false, numberedBefore: 0, ...rest });
const opener = heading(1, { forced: true });

describe('decodeHeadlines', () => {
  it('agrees with the cut, one candidate at a time, when no article is left with a single subheading', () => {
    expect(decodeHeadlines([opener, heading(0.9), heading(0.1), heading(0.2), heading(0.8)], 0.5)).toEqual([true, true, false, false, true]);
  });

  it('agrees with the cut when there is no cost for a lone subheading', () => {
    expect(decodeHeadlines([opener, heading(0.1), heading(0.55), heading(0.2)], 0.5, 0, 0)).toEqual([true, false, true, false]);
  });

  it('turns a weak headline into a subheading when it would leave the article before with a single one', () => {
    expect(decodeHeadlines([opener, heading(0.1), heading(0.55), heading(0.2)], 0.5)).toEqual([true, false, false, false]);
  });

  it('keeps a confident headline even when the article before keeps a single subheading', () => {
    expect(decodeHeadlines([opener, heading(0.1), heading(0.99), heading(0.3)], 0.5)).toEqual([true, false, true, false]);
  });

  it('never raises a heading the classifier rejected, even to spare an article its lone subheading', () => {
    expect(decodeHeadlines([opener, heading(0.05), heading(0.05), heading(0.99), heading(0.45)], 0.5)).toEqual([true, false, false, true, false]);
  });

  it('does not close an article that is only a headline over a few words, when its next heading can be a subheading', () => {
    const part = heading(0.1, { proseBefore: 900 });
    const candidates = [opener, heading(0.6, { proseBefore: 2000 }), heading(0.7, { proseBefore: 80 }), part, part, { ...opener, proseBefore: 900 }];
    expect(decodeHeadlines(candidates, 0.5)).toEqual([true, true, false, false, false, true]);
    const longOpening = candidates.map((c, k) => (k === 2 ? { ...c, proseBefore: 900 } : c));
    expect(decodeHeadlines(longOpening, 0.5)).toEqual([true, true, true, false, false, true]);
  });

  it('never overrules a forced headline', () => {
    expect(decodeHeadlines([opener, heading(0.1), heading(0, { forced: true })], 0.5)).toEqual([true, false, true]);
  });

  it('counts numbered subheadings, so a heading after one is not a lone subheading', () => {
    const candidates = [opener, heading(0.1, { numberedBefore: 1 }), heading(0.55)];
    expect(decodeHeadlines(candidates, 0.5)).toEqual([true, false, true]);
    expect(decodeHeadlines(candidates.map((c) => ({ ...c, numberedBefore: 0 })), 0.5)).toEqual([true, false, false]);
  });

  it('counts the numbered subheadings after the last heading in the last article', () => {
    const candidates = [opener, heading(0.1), heading(0.1), heading(0.6)];
    expect(decodeHeadlines(candidates, 0.5, 0)).toEqual([true, false, false, true]);
    expect(decodeHeadlines(candidates, 0.5, 1)).toEqual([true, false, false, false]);
    expect(decodeHeadlines(candidates, 0.5, 2)).toEqual([true, false, false, true]);
  });

  it('refuses a cost that is not a finite number', () => {
    expect(() => decodeHeadlines([opener], 0.5, 0, Infinity)).toThrow(RangeError);
  });

  it('decides nothing for no candidates', () => {
    expect(decodeHeadlines([], 0.5)).toEqual([]);
  });
});
