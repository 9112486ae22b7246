import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildLunrIndex } from '../../src/search/build-index.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
import { lunr } from '../../src/search/lunr-setup.ts';
import { parseQuery } from '../../src/search/tokenizer.ts';
import { likelyFirst, type Hit, type SearchEngine } from '../../src/search/engine.ts';
import type { SearchDoc } from '../../src/types.ts';
import { doc, memoryEngine } from './support/memory-engine.ts';
import { referenceEngine } from './support/reference-engine.ts';
import { docText, sampleQueries, substringMatches } from './support/substring-scan.ts';

describe('recall against a plain substring scan of the fixture articles', () => {
  let docs: SearchDoc[];
  let engine: SearchEngine;
  beforeAll(async () => {
    docs = await collectDocs('tests/fixtures/search-content');
    engine = memoryEngine(docs);
  });

  const named = ['华为', '华', 'IPv6', 'ipv6', 'IPV6', '5G基站', '5g基站', 'AI芯片', 'ai', '中国移动', '<script>', '运营商 部署', '老年人 智能'];

  it.each(named)('finds exactly the articles containing %s', async (query) => {
    const found = (await engine.search(query)).map((h) => h.doc).sort((a, b) => a - b);
    const expected = docs.flatMap((d, n) => (substringMatches(docText(d), query) ? [n] : []));
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(expected));
  });

  it('misses no article for 1-, 2-, 3-, 5- and 12-character queries cut from the articles', async () => {
    const queries = sampleQueries(docs, [1, 2, 3, 5, 12], 40);
    for (const query of queries) {
      const found = new Set((await engine.search(query)).map((h) => h.doc));
      const missed = docs.filter((d, n) => substringMatches(docText(d), query) && !found.has(n));
      expect(missed.map((d) => d.id), `query ${query}`).toEqual([]);
    }
  });
});

describe('scores', () => {
  it('are the scores a full Lunr index of every article gives the same query', async () => {
    const docs = await collectDocs('tests/fixtures/search-content');
    const engine = memoryEngine(docs);
    const full = buildLunrIndex(docs);
    for (const query of ['华为', '5G基站', '运营商 部署', '中国移动', '华']) {
      const terms = [...new Set(parseQuery(query).flatMap((w) => w.parts.flatMap((p) => p.terms.map((t) => t.term))))];
      const expected = new Map(
        full
          .query((q) => terms.forEach((term) => q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false })))
          .map((r) => [Number(r.ref), r.score]),
      );
      const hits = await engine.search(query);
      expect(hits.length, query).toBe(expected.size);
      for (const hit of hits) expect(hit.score, `${query} doc ${hit.doc}`).toBeCloseTo(expected.get(hit.doc)!, 9);
    }
  });
});

describe('intersecting postings before Lunr scores them', () => {
  let docs: SearchDoc[];
  beforeAll(async () => {
    docs = await collectDocs('tests/fixtures/search-content');
  });

  /** One- to twelve-character queries cut from the articles, and pairs of them as two words. */
  function queries(): string[] {
    const single = sampleQueries(docs, [1, 2, 3, 4, 6, 12], 25);
    const pairs = single.slice(0, 60).map((q, i) => `${q} ${single[(i * 7 + 3) % single.length]}`);
    return [...single, ...pairs, '华为', '中国移动', '5G基站', '运营商 部署', 'AI芯片', '<script>'];
  }

  it('gives exactly the hits, tiers, scores and order of a Lunr index over every posting of the query terms', async () => {
    const engine = memoryEngine(docs);
    const reference = referenceEngine(docs);
    let narrowed = 0;
    for (const query of queries()) {
      const expected = reference.search(query);
      expect(await engine.search(query), query).toEqual(expected);
      if (expected.length > 0) narrowed++;
    }
    expect(narrowed).toBeGreaterThan(100);
  });

  it('drops the documents that lack one of the terms, even where another term is in the title', async () => {
    const titleOnly = doc({ title: '华为发布', body: '其他。' });
    const both = doc({ body: '华为芯片出货。' });
    const chipsOnly = doc({ title: '芯片', body: '芯片产业。' });
    const engine = memoryEngine([titleOnly, both, chipsOnly]);
    expect((await engine.search('华为 芯片')).map((h) => h.doc)).toEqual([1]);
    expect(await engine.search('华为 芯片')).toEqual(referenceEngine([titleOnly, both, chipsOnly]).search('华为 芯片'));
  });
});

describe('ranking only as far as the hits are read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads every slice of the ranked hits exactly as the same slice of all hits', async () => {
    const docs = await collectDocs('tests/fixtures/search-content');
    const engine = memoryEngine(docs);
    for (const query of ['华为', '中国移动', '5G基站', '运营商 部署', '华', '发展']) {
      const all = await engine.search(query);
      expect(all.length, query).toBeGreaterThan(0);
      for (const [start, end] of [[0, 1], [0, 5], [3, 20], [0, all.length], [-2, undefined]] as const) {
        const ranked = await engine.rank(query);
        expect(ranked.length).toBe(all.length);
        expect(ranked.slice(start, end), `${query} ${start}..${end}`).toEqual(all.slice(start, end));
      }
    }
  });

  it('places hits exactly as scoring them all would, when a tier is scored in several batches, ties included', async () => {
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const filler = '行业动态持续更新报告指出市场规模扩大';
    const many = Array.from({ length: 150 }, (_, i) => {
      // Every fifth article repeats the one before it: equal scores, told apart by document order.
      if (i % 5 === 4) return { body: 'same', i };
      const mentions = Array.from({ length: 1 + next(4) }, () => '云计算').join(filler.slice(0, next(8)));
      return { body: filler.repeat(1 + next(6)) + mentions + filler.slice(0, next(10)), headings: next(3) === 0 ? '云计算平台' : '', i };
    });
    const docs = many.map((d, i) => (d.body === 'same' ? doc({ body: many[i - 1]!.body, headings: (many[i - 1] as { headings?: string }).headings ?? '' }) : doc({ body: d.body, headings: (d as { headings?: string }).headings ?? '' })));
    const expected = referenceEngine(docs).search('云计算');
    expect(expected.length).toBe(150);
    const engine = memoryEngine(docs);
    const ranked = await engine.rank('云计算');
    for (const end of [1, 2, 20, 33, 70, 150]) expect(ranked.slice(0, end), `first ${end}`).toEqual(expected.slice(0, end));
    expect(new Set(expected.map((h) => h.score)).size).toBeLessThan(expected.length);
  });

  it('scores only the title matches while they fill the slice, and the other tiers when it reaches them', async () => {
    const engine = memoryEngine([
      doc({ title: '华为芯片发布', body: '正文。' }),
      doc({ title: '华为芯片量产', body: '正文。' }),
      doc({ body: '报道称华为芯片出货量增长。' }),
      // Every pair of 华为芯片 (华为, 为芯, 芯片), but never the four together.
      doc({ body: '一款华为芯，与其他芯片不同。' }),
    ]);
    const scoring = vi.spyOn(lunr.Index.prototype, 'query');
    const ranked = await engine.rank('华为芯片');
    expect(ranked.length).toBe(4);
    expect(ranked.slice(0, 2).map((h) => h.tier)).toEqual([0, 0]);
    expect(scoring).toHaveBeenCalledTimes(1);
    expect(ranked.slice(0, 4).map((h) => h.tier)).toEqual([0, 0, 1, 2]);
    expect(ranked.slice(2, 4).map((h) => h.doc)).toEqual([2, 3]);
    expect(scoring).toHaveBeenCalledTimes(3);
  });
});

describe('the likely first hit, told before Lunr scores anything', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the first hit of title matches, phrases and parts alike, and scores nothing', async () => {
    const docs = await collectDocs('tests/fixtures/search-content');
    const engine = memoryEngine(docs);
    const single = sampleQueries(docs, [1, 2, 3, 4, 6], 25);
    const queries = [...single, ...single.slice(0, 40).map((q, i) => `${q} ${single[(i * 5 + 2) % single.length]}`)];
    const tiersLed = new Set<number>();
    for (const query of queries) {
      const scoring = vi.spyOn(lunr.Index.prototype, 'query');
      const ranked = await engine.rank(query);
      const lead = likelyFirst(ranked);
      expect(scoring, query).not.toHaveBeenCalled();
      scoring.mockRestore();
      const [first] = ranked.slice(0, 1);
      expect(lead, query).toBe(first?.doc);
      if (first) tiersLed.add(first.tier);
    }
    // Title matches lead some of the sample and phrases others: both ways of telling the leader are checked.
    expect([...tiersLed].sort()).toEqual([0, 1]);
  });

  it('is the best of the parts when no article holds the phrase, and stays the first hit once slices are read', async () => {
    // Every bigram of 华为芯片 (华为, 为芯, 芯片), never the four characters together.
    const engine = memoryEngine([
      doc({ body: '华为与为芯公司合作研发芯片。' }),
      doc({ body: '华为，为芯，芯片；华为再谈为芯与芯片。' }),
      doc({ body: '华为为芯片定价。' }),
    ]);
    const ranked = await engine.rank('华为芯片');
    const lead = likelyFirst(ranked);
    const [first] = ranked.slice(0, 1);
    expect(first!.tier).toBe(2);
    expect(lead).toBe(first!.doc);
    expect(likelyFirst(ranked)).toBe(first!.doc);
  });

  it('is nothing when nothing is found', async () => {
    expect(likelyFirst(await memoryEngine([doc({ body: '华为芯片。' })]).rank('量子纠缠'))).toBeUndefined();
  });

  it('is the first element of hits already in order', () => {
    const inOrder: Hit[] = [{ doc: 7, score: 1, tier: 2 }, { doc: 3, score: 2, tier: 0 }];
    expect(likelyFirst(inOrder)).toBe(7);
    expect(likelyFirst([])).toBeUndefined();
  });
});

describe('spacing between Latin and Chinese', () => {
  const spaced = doc({ body: '今年新建 5G 基站超过十万个。' });
  const joined = doc({ body: '今年新建5G基站超过十万个。' });
  const apart = doc({ body: '5G 手机销量增长，基站建设放缓。' });
  const engine = memoryEngine([spaced, joined, apart]);

  it.each(['5G基站', '5G 基站', '5g 基站'])('%s finds the article that prints "5G 基站" and the one that prints "5G基站"', async (query) => {
    const found = (await engine.search(query)).map((h) => h.doc);
    expect(found).toEqual(expect.arrayContaining([0, 1]));
  });

  it('keeps the words of a spaced query apart: "5G 基站" also finds them apart, "5G基站" does not', async () => {
    expect((await engine.search('5G 基站')).map((h) => h.doc)).toContain(2);
    expect((await engine.search('5G基站')).map((h) => h.doc)).not.toContain(2);
  });
});

describe('ranking', () => {
  const inTitle = doc({ title: '华为芯片新品发布', body: '正文。' });
  const phrase = doc({ body: '报道称华为芯片出货量增长。' });
  const apart = doc({ body: '华为公司表示，作为芯片行业的一员，将继续投入。' });
  const unrelated = doc({ body: '中国移动发布年报。' });
  const indexed = [apart, unrelated, phrase, inTitle];
  const engine = memoryEngine(indexed);
  const slug = (d: SearchDoc) => d.id.split('/')[1];
  const titles = async (query: string, filters = {}) => (await engine.search(query, filters)).map((h) => slug(indexed[h.doc]!));

  it('puts the title match first, then the exact phrase, then parts that occur apart', async () => {
    expect(await titles('华为芯片')).toEqual([slug(inTitle), slug(phrase), slug(apart)]);
  });

  it('requires every space-separated word', async () => {
    expect(await titles('华为 年报')).toEqual([]);
    expect(await titles('中国移动 年报')).toEqual([slug(unrelated)]);
  });

  it('weighs subheadings above body text', async () => {
    const inHeading = doc({ headings: '云计算', body: '其他内容。' });
    const inBody = doc({ body: '云计算其他内容。' });
    const cloud = memoryEngine([inBody, inHeading]);
    const hits = await cloud.search('云计算');
    expect(hits.map((h) => slug([inBody, inHeading][h.doc]!))).toEqual([slug(inHeading), slug(inBody)]);
  });

  it('narrows results to a section and an issue', async () => {
    const a = doc({ body: '数据中心', section: '技术情报', issue: '2020-12-x', date: '2020-12-01' });
    const b = doc({ body: '数据中心', section: '企业情报' });
    const filtered = memoryEngine([a, b]);
    const only = async (filters: object) => (await filtered.search('数据中心', filters)).map((h) => h.doc);
    expect(await only({ section: '技术情报' })).toEqual([0]);
    expect(await only({ issue: '2020-11-x' })).toEqual([1]);
    expect(await only({ section: '技术情报', issue: '2020-11-x' })).toEqual([]);
  });

  it('answers a query whose terms are not indexed with nothing', async () => {
    expect(await titles('量子纠缠')).toEqual([]);
    expect(await titles('   ')).toEqual([]);
  });
});
