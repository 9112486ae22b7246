import { collectionStats, lunr, lunrFieldWeight, lunrIndexFromParts, lunrTermIdf, type CollectionStats } from './lunr-setup.ts';
import { decodeLazyPostings, decodeNumbers, FIELDS, findPosting, readPositions, shardOf, type LazyPostings, type SearchMeta, type Shard } from './shard-format.ts';
import { isUnigram } from './tokenizer.ts';
import { parseQuery, type QueryWord } from './tokenizer.ts';
import { classifyTier, inTitle, type Tier, type TermLocator } from './tiers.ts';

export interface Filters {
  section?: string;
  issue?: string;
}

export interface Hit {
  doc: number;
  score: number;
  tier: Tier;
}

export type ShardLoader = (shard: number) => Promise<Shard>;

/**
 * Hits in rank order (tier, then Lunr's score, then document), scored only as far as they are
 * read: the count is known at once, and `slice` scores one tier after another until it holds the
 * hits asked for. A page of results that the title matches fill never pays for scoring the
 * hundreds of articles that only mention the query. A Hit[] is RankedHits too.
 */
export interface RankedHits {
  readonly length: number;
  slice(start?: number, end?: number): Hit[];
}

/**
 * The document that will almost surely be the first hit, told before Lunr scores anything: the
 * best upper bound of the first tier that has documents. A bound is the score but for rounding
 * (see TieredRanking), so only a near tie can make it another document. A page starts loading
 * this document's text with it, so that round trip overlaps the scoring instead of following it.
 */
export function likelyFirst(hits: RankedHits): number | undefined {
  return hits instanceof TieredRanking ? hits.likelyFirst() : hits.slice(0, 1)[0]?.doc;
}

/** A term as the engine keeps it between queries: postings without positions, and Lunr's idf. */
interface TermData {
  postings: LazyPostings;
  idf: number;
}

/**
 * Runs a query against the shards it needs. Lunr does the matching and BM25 scoring on a
 * throw-away index holding only the query's terms, and only the documents that contain every
 * one of them: Lunr's score is the dot product of the query vector with each document's field
 * vectors, divided by the query vector's length, so neither the entries of other terms nor the
 * documents a required term rules out change a score. The result is the score the full index
 * would give, for the documents the full index would return.
 */
export class SearchEngine {
  private readonly shards = new Map<number, Promise<Map<string, string>>>();
  private readonly terms = new Map<string, TermData>();
  private readonly stats: CollectionStats;
  /** Per document: the last term (by a running stamp) found in it, for intersecting postings without sets. */
  private readonly seenBy: Int32Array;
  private stamp = 0;

  constructor(
    readonly meta: SearchMeta,
    private readonly loadShard: ShardLoader,
  ) {
    this.stats = collectionStats(decodeNumbers(meta.fieldLengths));
    this.seenBy = new Int32Array(this.stats.documentCount);
  }

  /** Shard numbers a query needs: what a client fetches before it can answer. */
  shardsFor(words: QueryWord[]): number[] {
    return [...new Set(queryTerms(words).map((t) => shardOf(t, this.meta.shardCount)))];
  }

  private shard(k: number): Promise<Map<string, string>> {
    let shard = this.shards.get(k);
    if (!shard) {
      shard = this.loadShard(k).then((entries) => new Map(entries));
      // A failed load (offline, say) is forgotten, so the next query tries again.
      shard.catch(() => this.shards.delete(k));
      this.shards.set(k, shard);
    }
    return shard;
  }

  /** A term's postings and idf, decoded once, when a query first asks for the term; null when it is not indexed. */
  private async term(term: string): Promise<TermData | null> {
    const known = this.terms.get(term);
    if (known) return known;
    const encoded = (await this.shard(shardOf(term, this.meta.shardCount))).get(term);
    if (encoded === undefined) return null;
    const postings = decodeLazyPostings(encoded, FIELDS.length, !isUnigram(term));
    const data = { postings, idf: lunrTermIdf(postings.fields.map((f) => f.docs.length), this.stats.documentCount) };
    this.terms.set(term, data);
    return data;
  }

  /**
   * The documents that contain every term in some field, ascending: the only documents Lunr
   * can return when every term is required. Starts from the rarest term.
   */
  private intersect(terms: TermData[]): number[] {
    const size = (t: TermData) => t.postings.fields.reduce((sum, f) => sum + f.docs.length, 0);
    const [rarest, ...others] = [...terms].sort((a, b) => size(a) - size(b));
    let candidates = this.docsOf(rarest!);
    for (const term of others) {
      if (candidates.length === 0) break;
      const stamp = this.mark(term);
      candidates = candidates.filter((doc) => this.seenBy[doc] === stamp);
    }
    return candidates;
  }

  /** Stamps every document the term occurs in; returns the stamp. */
  private mark(term: TermData): number {
    const stamp = ++this.stamp;
    for (const { docs } of term.postings.fields) for (let k = 0; k < docs.length; k++) this.seenBy[docs[k]!] = stamp;
    return stamp;
  }

  private docsOf(term: TermData): number[] {
    const stamp = this.mark(term);
    const docs: number[] = [];
    for (let doc = 0; doc < this.seenBy.length; doc++) if (this.seenBy[doc] === stamp) docs.push(doc);
    return docs;
  }

  /** Every hit of a query, ranked; see rank() for reading only the first ones. */
  async search(query: string, filters: Filters = {}): Promise<Hit[]> {
    const hits = await this.rank(query, filters);
    return hits.slice(0, hits.length);
  }

  /** The hits of a query, counted at once and scored as they are read (RankedHits). */
  async rank(query: string, filters: Filters = {}): Promise<RankedHits> {
    const words = parseQuery(query);
    if (words.length === 0) return [];
    await Promise.all(this.shardsFor(words).map((k) => this.shard(k)));
    const terms = new Map<string, TermData>();
    for (const name of queryTerms(words)) {
      const data = await this.term(name);
      if (!data) return []; // every term is required: one missing term, no result
      terms.set(name, data);
    }
    const { sections, issues, docs } = this.meta;
    const found = this.intersect([...terms.values()]).filter((doc) => {
      const [section, issue] = docs[doc]!;
      return (!filters.section || sections[section] === filters.section) && (!filters.issue || issues[issue]!.id === filters.issue);
    });
    return new TieredRanking(found, words, terms, this.stats);
  }
}

/** The fewest documents Lunr scores at a time: one index per handful of documents would cost more than it saves. */
const MIN_BATCH = 32;

/** One tier's documents, best bound first, and how many of them Lunr has scored. */
interface TierQueue {
  tier: Tier;
  docs: number[];
  scored: number;
}

/**
 * The hits of one query, ranked as they are read. The title matches (tier 0) are told apart at
 * once, from the small title postings; the other hits are split into phrases (tier 1) and parts
 * (tier 2), which reads their positions, only when a slice reaches past the title matches.
 * Within a tier, Lunr scores the documents in batches, best first by an upper bound of their
 * score: the sum of their weights (the numerator of Lunr's score) over the query vector's
 * length, raised by a margin for rounding. A scored hit is placed once no unscored document of
 * its tier could reach its score. A document's score does not depend on which other documents
 * the query index holds (see SearchEngine), so every score is the one an index of all hits
 * gives, and the order is the order of sorting them all.
 */
class TieredRanking implements RankedHits {
  readonly length: number;
  private readonly ranked: Hit[] = [];
  /** Scored hits of the current tier not yet placed, best first. */
  private pending: Hit[] = [];
  private readonly queues: TierQueue[] = [];
  private current = 0;
  /** The hits not in tier 0, until they are given their tiers; then null. */
  private untiered: number[] | null;
  private readonly locator: TermLocator;
  /** Per document: its upper bound, once its tier is queued. */
  private readonly bound: Float64Array;

  constructor(
    docs: number[],
    private readonly words: QueryWord[],
    private readonly terms: Map<string, TermData>,
    private readonly stats: CollectionStats,
  ) {
    this.length = docs.length;
    this.bound = new Float64Array(stats.documentCount);
    this.locator = termLocator(terms);
    const title: number[] = [];
    this.untiered = [];
    for (const doc of docs) (inTitle(doc, words, this.locator) ? title : this.untiered).push(doc);
    this.queue(0, title);
  }

  /** Queues one tier's documents, best bound first. */
  private queue(tier: Tier, docs: number[]): void {
    this.bounds(docs);
    this.queues.push({ tier, docs: docs.sort((a, b) => this.bound[b]! - this.bound[a]! || a - b), scored: 0 });
  }

  /** Tiers 1 and 2, from positions: only once tier 0 is placed. False when done already. */
  private queueOtherTiers(): boolean {
    if (!this.untiered) return false;
    const byTier: number[][] = [[], []];
    for (const doc of this.untiered) byTier[classifyTier(doc, this.words, FIELDS.length, this.locator) === 1 ? 0 : 1]!.push(doc);
    this.untiered = null;
    this.queue(1, byTier[0]!);
    this.queue(2, byTier[1]!);
    return true;
  }

  /** The documents' upper bounds: the sum of their query terms' weights over sqrt(terms), a little raised. */
  private bounds(docs: number[]): void {
    if (docs.length === 0) return;
    const wanted = new Uint8Array(this.stats.documentCount);
    for (const doc of docs) wanted[doc] = 1;
    const sums = new Float64Array(this.stats.documentCount);
    for (const { postings, idf } of this.terms.values()) {
      postings.fields.forEach(({ docs: fieldDocs, tfs }, f) => {
        for (let k = 0; k < fieldDocs.length; k++) {
          const doc = fieldDocs[k]!;
          if (wanted[doc]) sums[doc] += lunrFieldWeight(idf, f, doc, tfs[k]!, this.stats);
        }
      });
    }
    // Lunr's query vector holds each term once per field with boost 1: its length is sqrt(terms).
    // Lunr adds the same products in another order; the margin covers the rounding of that.
    const length = Math.sqrt(this.terms.size);
    for (const doc of docs) this.bound[doc] = (sums[doc]! / length) * (1 + 1e-9) + 1e-12;
  }

  /** See likelyFirst(); tiers 1 and 2 are told apart here when there are no title matches, as the first slice would. */
  likelyFirst(): number | undefined {
    if (this.ranked.length > 0) return this.ranked[0]!.doc;
    do {
      const first = this.queues.find((queue) => queue.docs.length > 0);
      if (first) return first.docs[0];
    } while (this.queueOtherTiers());
    return undefined;
  }

  slice(start = 0, end = this.length): Hit[] {
    // Counted from the end, a slice needs every hit, as it would of an array.
    const needed = start < 0 || end < 0 ? this.length : Math.min(end, this.length);
    while (this.ranked.length < needed && this.placeMore(needed - this.ranked.length));
    return this.ranked.slice(start, end);
  }

  /** Places at least one more hit, scoring as little as it can; false when all are placed. */
  private placeMore(wanted: number): boolean {
    while (this.current < this.queues.length || this.queueOtherTiers()) {
      const queue = this.queues[this.current]!;
      const nextBound = () => (queue.scored < queue.docs.length ? this.bound[queue.docs[queue.scored]!]! : -Infinity);
      // Score on while an unscored document could beat or tie the best scored one.
      while (queue.scored < queue.docs.length && (this.pending.length === 0 || nextBound() >= this.pending[0]!.score)) {
        const batch = queue.docs.slice(queue.scored, queue.scored + Math.max(MIN_BATCH, wanted));
        queue.scored += batch.length;
        this.pending.push(...this.score(batch, queue.tier));
        this.pending.sort((a, b) => b.score - a.score || a.doc - b.doc);
      }
      const limit = nextBound();
      let placed = 0;
      while (placed < this.pending.length && this.pending[placed]!.score > limit) this.ranked.push(this.pending[placed++]!);
      this.pending = this.pending.slice(placed);
      if (placed > 0) return true;
      if (this.pending.length === 0 && queue.scored === queue.docs.length) this.current++;
    }
    return false;
  }

  private score(docs: number[], tier: Tier): Hit[] {
    const results = queryIndex(this.terms, docs, this.stats).query((q) => {
      for (const term of this.terms.keys()) q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
    });
    if (results.length !== docs.length) throw new Error(`Lunr returned ${results.length} of the ${docs.length} documents that hold every query term`);
    return results.map((r) => ({ doc: Number(r.ref), score: r.score, tier }));
  }
}

/** Every term of a query, once each, in the order typed. */
function queryTerms(words: QueryWord[]): string[] {
  return [...new Set(words.flatMap((w) => w.parts.flatMap((p) => p.terms.map((t) => t.term))))];
}

/** Reads the query's positions straight from the encoded postings, for the tier of each hit. */
function termLocator(terms: Map<string, TermData>): TermLocator {
  return {
    occurs: (term, field, doc) => findPosting(terms.get(term)!.postings.fields[field]!, doc) >= 0,
    positions: (term, field, doc) => {
      const { postings } = terms.get(term)!;
      return readPositions(postings, field, findPosting(postings.fields[field]!, doc));
    },
  };
}

/**
 * A Lunr index holding exactly the query's terms and the documents that contain all of them,
 * with the weights Lunr's builder would give them (lunrFieldWeight).
 */
function queryIndex(terms: Map<string, TermData>, docs: number[], stats: CollectionStats): lunr.Index {
  // Which of `docs` a document is (-1: ruled out), so a posting is kept or dropped in one look-up.
  const slot = new Int32Array(stats.documentCount).fill(-1);
  docs.forEach((doc, i) => (slot[doc] = i));
  const invertedIndex: Record<string, Record<string, unknown>> = {};
  /** Per field, per slot: the [termIndex, weight, …] elements of that document's field vector. */
  const vectorElements = FIELDS.map(() => new Array<number[] | undefined>(docs.length));
  [...terms.keys()].sort().forEach((name, termIndex) => {
    const { postings, idf } = terms.get(name)!;
    const entry: Record<string, unknown> = { _index: termIndex };
    FIELDS.forEach((field, f) => {
      const refs: Record<string, object> = {};
      const { docs: fieldDocs, tfs } = postings.fields[f]!;
      for (let k = 0; k < fieldDocs.length; k++) {
        const doc = fieldDocs[k]!;
        const i = slot[doc]!;
        if (i < 0) continue;
        refs[doc] = {};
        // Terms are visited in index order, as a Lunr vector keeps its elements.
        (vectorElements[f]![i] ??= []).push(termIndex, lunrFieldWeight(idf, f, doc, tfs[k]!, stats));
      }
      entry[field] = refs;
    });
    invertedIndex[name] = entry;
  });
  const fieldVectors: Record<string, lunr.Vector> = {};
  FIELDS.forEach((field, f) =>
    vectorElements[f]!.forEach((elements, i) => {
      if (elements) fieldVectors[`${field}/${docs[i]}`] = new lunr.Vector(elements);
    }),
  );
  return lunrIndexFromParts(invertedIndex, fieldVectors);
}
