import { fold } from './fold.ts';

/**
 * THE tokenizer: the Node index build and the browser query both import this module, so the
 * terms they produce can never disagree.
 *
 * Design (measured in scripts/bench.ts and tests/search/tokenizer.test.ts): text is folded,
 * then cut into runs of letters and digits of any script ("5g基站", "ipv6"); punctuation and
 * spaces end a run; punctuation is also indexed alone. Every run is indexed as its overlapping
 * character bigrams and its single
 * characters (unigrams).
 *  - A query run of two or more characters becomes its bigrams, all required: any text that
 *    contains the run verbatim contains all of them, so recall against a substring scan is 100%.
 *  - A one-character query run becomes that unigram.
 * Unigrams cost index size but keep every query an exact term lookup, so the index can be
 * sharded by term hash (a prefix query "华*" would force all 华… terms into one shard, and the
 * shard of a common character grows with the whole archive).
 * Word segmenters (jieba, Intl.Segmenter) were rejected: they cut index and query differently.
 */

export interface Term {
  term: string;
  /** Offset of the term in the folded text (index side) or in the folded query word. */
  offset: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Runs of word characters in already-folded text, with their offsets. */
export function runs(folded: string): Term[] {
  const found: Term[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const isWord = i < folded.length && WORD_CHAR.test(folded[i]!);
    if (isWord && start < 0) start = i;
    if (!isWord && start >= 0) {
      found.push({ term: folded.slice(start, i), offset: start });
      start = -1;
    }
  }
  return found;
}

/** Punctuation and symbols ("《", "%", "<"), one by one: indexed as unigrams, so that even a
 * query made only of them finds what a substring scan finds. */
export function symbols(folded: string): Term[] {
  const found: Term[] = [];
  let offset = 0;
  for (const char of folded) {
    if (!WORD_CHAR.test(char) && !/\s/u.test(char)) found.push({ term: char, offset });
    offset += char.length;
  }
  return found;
}

/** Splits a run into code points (not code units), so astral characters stay whole. */
function chars(run: string): string[] {
  return Array.from(run);
}

/** Index terms of already-folded text: every character and every pair of neighbours in a run. */
export function indexTermsOfFolded(folded: string): Term[] {
  const terms: Term[] = [];
  for (const run of runs(folded)) {
    const cs = chars(run.term);
    let offset = run.offset;
    for (let i = 0; i < cs.length; i++) {
      terms.push({ term: cs[i]!, offset });
      if (i + 1 < cs.length) terms.push({ term: cs[i]! + cs[i + 1]!, offset });
      offset += cs[i]!.length;
    }
  }
  terms.push(...symbols(folded));
  return terms;
}

/** Unigrams only serve one-character queries, which never need a phrase check. */
export function isUnigram(term: string): boolean {
  return Array.from(term).length === 1;
}

export function indexTerms(text: string): Term[] {
  return indexTermsOfFolded(fold(text));
}

export interface QueryPart {
  /** Folded run as typed, e.g. "5g基站". */
  text: string;
  /** Bigrams with their offsets in `text`, or the one unigram of a one-character run. */
  terms: Term[];
}

export interface QueryWord {
  /** The folded word as typed between spaces, e.g. "ai-芯片". */
  text: string;
  parts: QueryPart[];
}

/** Parses a query: whitespace separates words (all required); each word is split like the index. */
export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  // Split before folding: a space the reader types separates words even beside hanzi
  // ("华为 芯片" is two words), although folding ignores such spaces in the text.
  for (const word of query.split(/\s+/u).map(fold)) {
    const parts: QueryPart[] = runs(word).map((run) => {
      const cs = chars(run.term);
      if (cs.length === 1) return { text: run.term, terms: [{ term: run.term, offset: run.offset }] };
      const terms: Term[] = [];
      let offset = run.offset;
      for (let i = 0; i + 1 < cs.length; i++) {
        terms.push({ term: cs[i]! + cs[i + 1]!, offset });
        offset += cs[i]!.length;
      }
      return { text: run.term, terms };
    });
    parts.push(...symbols(word).map((symbol) => ({ text: symbol.term, terms: [symbol] })));
    if (parts.length > 0) words.push({ text: word, parts });
  }
  return words;
}
