import { beforeAll, describe, expect, it } from 'vitest';
import { buildLunrIndex, buildSearchData, shardCountFor, type BuiltSearchData } from '../../src/search/build-index.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
import { collectionStats, lunrWeights } from '../../src/search/lunr-setup.ts';
import { decodeNumbers, decodePostings, FIELDS } from '../../src/search/shard-format.ts';
import { isUnigram } from '../../src/search/tokenizer.ts';
import type { SearchDoc } from '../../src/types.ts';
import { doc } from './support/memory-engine.ts';

type LunrInternals = {
  fieldVectors: Record<string, { elements: number[] }>;
  invertedIndex: Record<string, Record<string, Record<string, { position?: number[] }>> & { _index: number }>;
};

/** Every (term, field, doc) → [weight, positions] of a real Lunr index. */
function lunrPostings(docs: SearchDoc[]): Map<string, [number, number[]]> {
  const index = buildLunrIndex(docs) as unknown as LunrInternals;
  const weightOf = new Map<string, number>();
  for (const [fieldRef, vector] of Object.entries(index.fieldVectors)) {
    for (let i = 0; i < vector.elements.length; i += 2) weightOf.set(`${fieldRef}#${vector.elements[i]}`, vector.elements[i + 1]!);
  }
  const found = new Map<string, [number, number[]]>();
  for (const [term, posting] of Object.entries(index.invertedIndex)) {
    for (const field of FIELDS) {
      for (const [ref, meta] of Object.entries(posting[field] ?? {})) {
        found.set(`${term}|${field}|${ref}`, [weightOf.get(`${field}/${ref}#${posting._index}`)!, [...(meta.position ?? [])].sort((a, b) => a - b)]);
      }
    }
  }
  return found;
}

function ourPostings(data: BuiltSearchData): Map<string, [number, number[]]> {
  const stats = collectionStats(decodeNumbers(data.meta.fieldLengths));
  const found = new Map<string, [number, number[]]>();
  for (const shard of data.shards) {
    for (const [term, encoded] of shard) {
      lunrWeights(decodePostings(encoded, FIELDS.length, !isUnigram(term)), stats).forEach((postings, f) => {
        for (const { doc, weight, positions } of postings) found.set(`${term}|${FIELDS[f]}|${doc}`, [weight, positions]);
      });
    }
  }
  return found;
}

describe('the search build without a Lunr index in memory', () => {
  let docs: SearchDoc[];
  beforeAll(async () => {
    docs = await collectDocs('tests/fixtures/search-content');
  });

  it('gives every term, field and document exactly the weight a full Lunr index gives', () => {
    const lunrSide = lunrPostings(docs);
    const ours = ourPostings(buildSearchData(docs, 'test'));
    expect(ours.size).toBe(lunrSide.size);
    for (const [key, [weight, positions]] of lunrSide) {
      const mine = ours.get(key);
      expect(mine, key).toBeDefined();
      expect(mine![0], key).toBe(weight);
      // Unigram positions are dropped on purpose; bigram positions are kept whole.
      if (!isUnigram(key.split('|')[0]!)) expect(mine![1], key).toEqual(positions);
    }
  });

  it('matches Lunr on documents with empty fields, repeated terms and symbols', () => {
    const small = [
      doc({ title: '云云云计算', subtitle: '副标题', body: '“云计算”，云计算！' }),
      doc({ title: 'IPv6 部署', headings: '一\n二', body: '' }),
      doc({ title: '空', body: '计算计算计算计算 <b>' }),
    ];
    const lunrSide = lunrPostings(small);
    const ours = ourPostings(buildSearchData(small, 'test'));
    expect([...ours].map(([k, [w]]) => [k, w]).sort()).toEqual([...lunrSide].map(([k, [w]]) => [k, w]).sort());
  });

  it("keeps the articles' URL slugs out of the meta file every first query loads, each in its article's own text file", () => {
    const data = buildSearchData(docs, 'test');
    for (const entry of data.meta.docs) expect(entry.every((n) => Number.isInteger(n))).toBe(true);
    docs.forEach((d, n) => {
      expect(`${data.meta.issues[data.meta.docs[n]![1]]!.id}/${data.texts[n]![0]}/`).toBe(d.id);
      expect(data.meta.sections[data.meta.docs[n]![0]]).toBe(d.section);
    });
  });

  it('is deterministic: the same documents give the same files', () => {
    expect(JSON.stringify(buildSearchData(docs, 'x'))).toBe(JSON.stringify(buildSearchData([...docs], 'x')));
  });
});

describe('the number of shards', () => {
  const TARGET = 3_000;
  const sizes = Array.from({ length: 4_000 }, (_, i) => Math.round(1.003 ** i * 2_000));

  it('gives shards of about the target size: never larger, and at most an eighth smaller', () => {
    for (const bytes of sizes) {
      const exact = Math.ceil(bytes / TARGET);
      const count = shardCountFor(bytes);
      expect(count, String(bytes)).toBeGreaterThanOrEqual(exact);
      expect(count, String(bytes)).toBeLessThanOrEqual(Math.max(exact, Math.ceil(exact * 1.125)));
    }
  });

  it('never falls as the archive grows, and takes at most eight values while it doubles', () => {
    for (let i = 1; i < sizes.length; i++) expect(shardCountFor(sizes[i]!)).toBeGreaterThanOrEqual(shardCountFor(sizes[i - 1]!));
    for (const from of [3_000_000, 24_000_000, 100_000_000]) {
      const counts = new Set(Array.from({ length: 2_001 }, (_, i) => shardCountFor(from + (from * i) / 2_000)));
      expect(counts.size, String(from)).toBeLessThanOrEqual(9);
    }
  });

  it('stays the same when one more issue adds a hundredth to a large archive', () => {
    // 8,000 shards' worth, grown 1% at a time: most steps keep the count.
    let kept = 0;
    for (let bytes = 8_000 * TARGET, k = 0; k < 50; k++, bytes *= 1.01) if (shardCountFor(bytes) === shardCountFor(bytes * 1.01)) kept++;
    expect(kept).toBeGreaterThanOrEqual(45);
  });
});
