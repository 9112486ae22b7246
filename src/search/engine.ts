import { collectionStats, lunr, lunrWeights, type CollectionStats } from './lunr-setup.ts';
import { decodeNumbers, decodePostings, FIELDS, shardOf, type Posting, type SearchMeta, type Shard } from './shard-format.ts';
import { isUnigram } from './tokenizer.ts';
import { parseQuery, type QueryWord } from './tokenizer.ts';
import { classifyTier, type Tier, type TermPostings } from './tiers.ts';

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
 * Runs a query against the shards it needs. Lunr does the matching and BM25 scoring on a
 * throw-away index holding only the query's terms: Lunr's score is the dot product of the
 * query vector with each document's field vectors, so the entries of terms outside the
 * query never change a score, and the result is the score the full index would give.
 */
export class SearchEngine {
  private readonly shards = new Map<number, Promise<Map<string, string>>>();
  private readonly decoded = new Map<string, Posting[][]>();
  private readonly stats: CollectionStats;

  constructor(
    readonly meta: SearchMeta,
    private readonly loadShard: ShardLoader,
  ) {
    this.stats = collectionStats(decodeNumbers(meta.fieldLengths));
  }

  /** Shard numbers a query needs: what a client fetches before it can answer. */
  shardsFor(words: QueryWord[]): number[] {
    const terms = words.flatMap((w) => w.parts.flatMap((p) => p.terms.map((t) => t.term)));
    return [...new Set(terms.map((t) => shardOf(t, this.meta.shardCount)))];
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

  /** A term's postings with Lunr's weights; terms are decoded only when a query asks for them. */
  private termPostings(term: string, encoded: string): Posting[][] {
    let postings = this.decoded.get(term);
    if (!postings) {
      const stored = decodePostings(encoded, FIELDS.length, !isUnigram(term));
      postings = lunrWeights(stored, this.stats);
      this.decoded.set(term, postings);
    }
    return postings;
  }

  private async postings(words: QueryWord[]): Promise<TermPostings | null> {
    const found: TermPostings = new Map();
    for (const word of words) {
      for (const part of word.parts) {
        for (const { term } of part.terms) {
          const encoded = (await this.shard(shardOf(term, this.meta.shardCount))).get(term);
          if (encoded === undefined) return null; // every term is required: one missing term, no result
          found.set(term, this.termPostings(term, encoded));
        }
      }
    }
    return found;
  }

  async search(query: string, filters: Filters = {}): Promise<Hit[]> {
    const words = parseQuery(query);
    if (words.length === 0) return [];
    await Promise.all(this.shardsFor(words).map((k) => this.shard(k)));
    const postings = await this.postings(words);
    if (!postings) return [];
    const index = queryIndex(postings);
    const results = index.query((q) => {
      for (const term of postings.keys()) {
        q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      }
    });
    const { sections, issues, docs } = this.meta;
    return results
      .map((r) => ({ doc: Number(r.ref), score: r.score, tier: classifyTier(Number(r.ref), words, postings) }))
      .filter(({ doc }) => {
        const [, section, issue] = docs[doc]!;
        return (
          (!filters.section || sections[section] === filters.section) &&
          (!filters.issue || issues[issue]!.id === filters.issue)
        );
      })
      .sort((a, b) => a.tier - b.tier || b.score - a.score || a.doc - b.doc);
  }
}

/** A Lunr index holding exactly the query's terms, rebuilt from the shards' postings. */
function queryIndex(postings: TermPostings): lunr.Index {
  const invertedIndex: Record<string, Record<string, unknown>> = {};
  const vectorEntries = new Map<string, number[]>();
  [...postings.keys()].sort().forEach((term, termIndex) => {
    const entry: Record<string, unknown> = { _index: termIndex };
    FIELDS.forEach((field, f) => {
      const refs: Record<string, object> = {};
      for (const { doc, weight } of postings.get(term)![f]!) {
        refs[doc] = {};
        const key = `${field}/${doc}`;
        if (!vectorEntries.has(key)) vectorEntries.set(key, []);
        vectorEntries.get(key)!.push(termIndex, weight); // terms are visited in index order
      }
      entry[field] = refs;
    });
    invertedIndex[term] = entry;
  });
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [key, elements] of vectorEntries) fieldVectors[key] = new lunr.Vector(elements);
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    // fromArray exists in Lunr 2.3 but is missing from @types/lunr.
    tokenSet: (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(Object.keys(invertedIndex).sort()),
    fields: [...FIELDS],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
}
