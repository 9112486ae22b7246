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

/** A word's terms, split once per query rather than once per document and field. */
interface WordTerms {
  bigrams: { term: string; offset: number }[];
  unigrams: string[];
}
const termsOfWord = new WeakMap<QueryWord, WordTerms>();

function wordTerms(word: QueryWord): WordTerms {
  let terms = termsOfWord.get(word);
  if (!terms) {
    terms = {
      bigrams: word.parts.filter((p) => p.terms.length > 0 && Array.from(p.text).length > 1).flatMap((p) => p.terms),
      unigrams: word.parts.filter((p) => Array.from(p.text).length === 1).flatMap((p) => p.terms.map((t) => t.term)),
    };
    termsOfWord.set(word, terms);
  }
  return terms;
}

/** Positions are stored ascending, so membership is a binary search, with no Set per document. */
function includes(sorted: number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * Whether one query word occurs verbatim in one field, from the bigram positions alone:
 * some start p must have every bigram of the word at p + its offset in the word.
 * Punctuation between a word's runs is not compared (it is not indexed).
 */
function wordInField(word: QueryWord, postings: TermPostings, field: number, doc: number): boolean {
  const { bigrams, unigrams } = wordTerms(word);
  for (const term of unigrams) if (positionsOf(postings, term, field, doc) === null) return false;
  if (bigrams.length === 0) return true;
  const [first, ...rest] = bigrams;
  const starts = positionsOf(postings, first!.term, field, doc);
  if (!starts) return false;
  // A single bigram that occurs at all occurs verbatim.
  if (rest.length === 0) return true;
  const others: { offset: number; at: number[] }[] = [];
  for (const t of rest) {
    const at = positionsOf(postings, t.term, field, doc);
    if (!at) return false;
    others.push({ offset: t.offset, at });
  }
  for (const p of starts) {
    const start = p - first!.offset;
    if (others.every(({ offset, at }) => includes(at, start + offset))) return true;
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
