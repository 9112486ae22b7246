import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, shardOf } from '../../src/search/shard-format.ts';

describe('the shard format', () => {
  it('round-trips postings through the delta encoding, weights to a thousandth', () => {
    const postings = [
      { doc: 3, weight: 1.23456, positions: [4, 10, 200] },
      { doc: 17, weight: 0.5, positions: [] },
    ];
    expect(decodePostings(encodePostings(postings))).toEqual([
      { doc: 3, weight: 1.235, positions: [4, 10, 200] },
      { doc: 17, weight: 0.5, positions: [] },
    ]);
  });

  it('encodes no postings as 0', () => {
    expect(encodePostings([])).toBe(0);
    expect(decodePostings(0)).toEqual([]);
  });

  it('spreads neighbouring characters over the shards', () => {
    const used = new Set(Array.from('中国移动通信集团公司华为技术有限公司').map((c) => shardOf(c, 16)));
    expect(used.size).toBeGreaterThan(8);
  });
});
