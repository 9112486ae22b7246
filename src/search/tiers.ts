import type { Posting } from './shard-format.ts';
import type { QueryWord } from './tokenizer.ts';

/** 0: the query is in the title; 1: every word occurs as an exact phrase; 2: only its parts occur. */
export type Tier = 0 | 1 | 2;

/** term → per field (FIELDS order) → postings. */
export type TermPostings = Map<string, Posting[][]>;

const TITLE = 0;

const byDoc = new WeakMap<Posting[], Map<number, number[]>>();

function positionsOf(postings: TermPostings, term: string, field: number, doc: number): number[] | null {
  const list = postings.get(term)?.[field];
  if (!list) return null;
  let map = byDoc.get(list);
  if (!map) byDoc.set(list, (map = new Map(list.map((p) => [p.doc, p.positions]))));
  return map.get(doc) ?? null;
}

/**
 * Whether one query word occurs verbatim in one field, from the bigram positions alone:
 * some start p must have every bigram of the word at p + its offset in the word.
 * Punctuation between a word's runs is not compared (it is not indexed).
 */
function wordInField(word: QueryWord, postings: TermPostings, field: number, doc: number): boolean {
  const bigrams = word.parts.filter((p) => p.terms.length > 0 && Array.from(p.text).length > 1).flatMap((p) => p.terms);
  const unigrams = word.parts.filter((p) => Array.from(p.text).length === 1).flatMap((p) => p.terms);
  const unigramsPresent = unigrams.every((t) => positionsOf(postings, t.term, field, doc) !== null);
  if (bigrams.length === 0) return unigramsPresent;
  if (!unigramsPresent) return false;
  const [first, ...rest] = bigrams;
  const restSets = rest.map((t) => ({ offset: t.offset, at: new Set(positionsOf(postings, t.term, field, doc) ?? []) }));
  for (const p of positionsOf(postings, first!.term, field, doc) ?? []) {
    const start = p - first!.offset;
    if (restSets.every(({ offset, at }) => at.has(start + offset))) return true;
  }
  return false;
}

export function classifyTier(doc: number, words: QueryWord[], postings: TermPostings): Tier {
  const fieldCount = postings.values().next().value?.length ?? 0;
  if (words.every((w) => wordInField(w, postings, TITLE, doc))) return 0;
  const fields = Array.from({ length: fieldCount }, (_, f) => f);
  if (words.every((w) => fields.some((f) => wordInField(w, postings, f, doc)))) return 1;
  return 2;
}
