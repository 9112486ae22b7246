import { fold } from '../../search/fold.ts';

const HANZI_RUN = /[\p{Script=Han}]+/gu;
const LATIN_WORD = /[a-z0-9][a-z0-9.+-]*[a-z0-9]|[a-z0-9]/g;

/** Folded text: the search's own folding, so a topic is found where search finds it. */
export const foldText = fold;

/** How often `term` occurs in folded text; a Latin term must not sit inside a longer Latin word. */
const foldedTerms = new Map<string, string>();

/** A term folded as the text is (once per term: every term is counted in every article). */
export function foldedTerm(term: string): string {
  let needle = foldedTerms.get(term);
  if (needle === undefined) foldedTerms.set(term, (needle = fold(term)));
  return needle;
}

export function countTerm(folded: string, term: string): number {
  const needle = foldedTerm(term);
  if (!needle) return 0;
  const latinEdges = /^[a-z0-9]/.test(needle) || /[a-z0-9]$/.test(needle);
  let count = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    if (latinEdges) {
      const before = folded[at - 1] ?? '';
      const after = folded[at + needle.length] ?? '';
      if ((/^[a-z0-9]/.test(needle) && /[a-z0-9]/.test(before)) || (/[a-z0-9]$/.test(needle) && /[a-z0-9]/.test(after))) continue;
    }
    count++;
  }
  return count;
}

/**
 * Per code point: 0 not yet met, -1 not Han (Unicode's Script=Han, as HANZI_RUN), else a small
 * number of its own (1, 2, …, in the order met), so that a bigram's key fits a small integer.
 */
const hanIds = new Int32Array(0x110000);
let hanIdsGiven = 0;
/** Bigram keys are first × BIGRAM_BASE + second, below 2^30: a small integer a Map hashes fast. */
const BIGRAM_BASE = 1 << 15;

function hanId(codePoint: number): number {
  let id = hanIds[codePoint]!;
  if (id === 0) hanIds[codePoint] = id = /\p{Script=Han}/u.test(String.fromCodePoint(codePoint)) ? ++hanIdsGiven : -1;
  return id;
}

/**
 * Features for content similarity, with their counts in the order first met: every pair of
 * neighbouring hanzi, then every Latin word of two or more characters. A hanzi bigram is keyed
 * by a number, not a two-character string (a string only past the 32,767th distinct hanzi):
 * building 7 million bigram strings and hashing them was most of the time of related articles
 * at 120 issues.
 * Which number a bigram gets is of no meaning outside one process.
 */
export function featureCounts(folded: string): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  let previous = -1;
  let previousAt = 0;
  for (let at = 0; at < folded.length; ) {
    const codePoint = folded.codePointAt(at)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const id = hanId(codePoint);
    if (id > 0 && previous > 0) {
      const key = previous < BIGRAM_BASE && id < BIGRAM_BASE ? previous * BIGRAM_BASE + id : folded.slice(previousAt, at + width);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    previous = id;
    previousAt = at;
    at += width;
  }
  for (const [word] of folded.matchAll(LATIN_WORD)) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Runs of hanzi, for finding terms that recur. */
export function hanziRuns(folded: string): string[] {
  return [...folded.matchAll(HANZI_RUN)].map(([run]) => run);
}
