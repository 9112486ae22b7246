import { describe, expect, it } from 'vitest';
import { decodeNumbers, decodePostings, encodeNumbers, encodePostings, shardOf } from '../../src/search/shard-format.ts';

describe('the shard format', () => {
  it('round-trips numbers of any size through the number strings', () => {
    const numbers = [0, 1, 31, 32, 33, 1023, 1024, 65_535, 1_000_000, 2 ** 40];
    const text = encodeNumbers(numbers);
    expect(decodeNumbers(text)).toEqual(numbers);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('spends one character on a number below 32', () => {
    expect(encodeNumbers([0, 5, 31])).toHaveLength(3);
    expect(encodeNumbers([32])).toHaveLength(2);
  });

  it('refuses negative and fractional numbers', () => {
    expect(() => encodeNumbers([-1])).toThrow(/non-negative/);
    expect(() => encodeNumbers([1.5])).toThrow(/non-negative/);
  });

  it('round-trips postings per field, with positions for bigrams only', () => {
    const perField = [[{ doc: 3, tf: 2, positions: [4, 200] }], [], [], [{ doc: 3, tf: 1, positions: [7] }, { doc: 40, tf: 3, positions: [1, 2, 900] }]];
    expect(decodePostings(encodePostings(perField, true), 4, true)).toEqual(perField);
    const unigrams = [[{ doc: 0, tf: 5, positions: [] }], [], [{ doc: 9, tf: 1, positions: [] }], []];
    expect(decodePostings(encodePostings(unigrams, false), 4, false)).toEqual(unigrams);
  });

  it('rejects a bigram posting whose positions do not match its frequency', () => {
    expect(() => encodePostings([[{ doc: 1, tf: 2, positions: [3] }]], true)).toThrow(/one position per occurrence/);
  });

  it('spreads neighbouring characters over the shards', () => {
    const used = new Set(Array.from('中国移动通信集团公司华为技术有限公司').map((c) => shardOf(c, 16)));
    expect(used.size).toBeGreaterThan(8);
  });
});
