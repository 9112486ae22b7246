import { indexOfSorted } from './shard-format.ts';
import type { QueryWord } from './tokenizer.ts';

/** 0: the query is in the title; 1: every word occurs as an exact phrase; 2: only its parts occur. */
export type Tier = 0 | 1 | 2;

/** Where the query's terms occur, asked document by document. */
export interface TermLocator {
  /** Whether the term occurs in that field of that document. */
  occurs(term: string, field: number, doc: number): boolean;
  /** A bigram's positions there, ascending (only asked where it occurs). */
  positions(term: string, field: number, doc: number): number[];
}

const TITLE = 0;

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


/**
 * Whether one query word occurs verbatim in one field, from the bigram positions alone:
 * some start p must have every bigram of the word at p + its offset in the word.
 * Punctuation between a word's runs is not compared (it is not indexed). Positions are only
 * read once every term is known to be there, and never for a word of one bigram.
 */
function wordInField(word: QueryWord, locator: TermLocator, field: number, doc: number): boolean {
  const { bigrams, unigrams } = wordTerms(word);
  for (const term of unigrams) if (!locator.occurs(term, field, doc)) return false;
  for (const { term } of bigrams) if (!locator.occurs(term, field, doc)) return false;
  // A single bigram that occurs at all occurs verbatim.
  if (bigrams.length <= 1) return true;
  const [first, ...rest] = bigrams;
  const others = rest.map((t) => ({ offset: t.offset, at: locator.positions(t.term, field, doc) }));
  for (const p of locator.positions(first!.term, field, doc)) {
    const start = p - first!.offset;
    if (others.every(({ offset, at }) => indexOfSorted(at, start + offset) >= 0)) return true;
  }
  return false;
}

/** Whether every word occurs verbatim in the title: tier 0, told apart from the title postings alone. */
export function inTitle(doc: number, words: QueryWord[], locator: TermLocator): boolean {
  return words.every((w) => wordInField(w, locator, TITLE, doc));
}

export function classifyTier(doc: number, words: QueryWord[], fieldCount: number, locator: TermLocator): Tier {
  if (inTitle(doc, words, locator)) return 0;
  for (const word of words) {
    let found = false;
    for (let f = 0; f < fieldCount && !found; f++) found = wordInField(word, locator, f, doc);
    if (!found) return 2;
  }
  return 1;
}
