import { buildSearchData } from '../../../src/search/build-index.ts';
import type { Hit } from '../../../src/search/engine.ts';
import { collectionStats, lunr, lunrIndexFromParts, lunrWeights } from '../../../src/search/lunr-setup.ts';
import { decodeNumbers, decodePostings, FIELDS, type Posting } from '../../../src/search/shard-format.ts';
import { isUnigram, parseQuery, type QueryWord } from '../../../src/search/tokenizer.ts';
import type { Tier } from '../../../src/search/tiers.ts';
import type { SearchDoc } from '../../../src/types.ts';

/**
 * The engine as it was before it intersected postings first and read positions lazily, kept
 * to check that those changes give the same hits: every posting of every query term decoded
 * with its positions, a Lunr index over all of them, and the tier of each hit from maps of
 * positions. Slow on purpose; nothing here is shared with src/search/engine.ts but the shard
 * format and Lunr's weights.
 */
export function referenceEngine(docs: SearchDoc[]): { search(query: string): Hit[] } {
  const data = buildSearchData(docs, 'reference');
  const stats = collectionStats(decodeNumbers(data.meta.fieldLengths));
  const encoded = new Map(data.shards.flat());
  return {
    search(query) {
      const words = parseQuery(query);
      if (words.length === 0) return [];
      const postings = new Map<string, Posting[][]>();
      for (const word of words) {
        for (const part of word.parts) {
          for (const { term } of part.terms) {
            const stored = encoded.get(term);
            if (stored === undefined) return [];
            postings.set(term, lunrWeights(decodePostings(stored, FIELDS.length, !isUnigram(term)), stats));
          }
        }
      }
      const results = fullQueryIndex(postings).query((q) => {
        for (const term of postings.keys()) q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      });
      return results
        .map((r) => ({ doc: Number(r.ref), score: r.score, tier: tierOf(Number(r.ref), words, postings) }))
        .sort((a, b) => a.tier - b.tier || b.score - a.score || a.doc - b.doc);
    },
  };
}

function fullQueryIndex(postings: Map<string, Posting[][]>): lunr.Index {
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
        vectorEntries.get(key)!.push(termIndex, weight);
      }
      entry[field] = refs;
    });
    invertedIndex[term] = entry;
  });
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [key, elements] of vectorEntries) fieldVectors[key] = new lunr.Vector(elements);
  return lunrIndexFromParts(invertedIndex, fieldVectors);
}

function positionsOf(postings: Map<string, Posting[][]>, term: string, field: number, doc: number): number[] | null {
  return postings.get(term)?.[field]?.find((p) => p.doc === doc)?.positions ?? null;
}

/** Whether the word occurs verbatim in the field: some start has every bigram at its offset. */
function wordInField(word: QueryWord, postings: Map<string, Posting[][]>, field: number, doc: number): boolean {
  for (const part of word.parts) {
    if (Array.from(part.text).length === 1 && positionsOf(postings, part.terms[0]!.term, field, doc) === null) return false;
  }
  const bigrams = word.parts.filter((p) => Array.from(p.text).length > 1).flatMap((p) => p.terms);
  if (bigrams.length === 0) return true;
  const located = bigrams.map((t) => ({ offset: t.offset, at: positionsOf(postings, t.term, field, doc) }));
  if (located.some((l) => l.at === null)) return false;
  const [first, ...rest] = located;
  return first!.at!.some((p) => rest.every(({ offset, at }) => at!.includes(p - first!.offset + offset)));
}

function tierOf(doc: number, words: QueryWord[], postings: Map<string, Posting[][]>): Tier {
  if (words.every((w) => wordInField(w, postings, 0, doc))) return 0;
  if (words.every((w) => FIELDS.some((_, f) => wordInField(w, postings, f, doc)))) return 1;
  return 2;
}
