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

/** Features for content similarity: hanzi bigrams and Latin words, with their counts. */
export function features(folded: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const [run] of folded.matchAll(HANZI_RUN)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
  }
  for (const [word] of folded.matchAll(LATIN_WORD)) if (word.length > 1) add(word);
  return counts;
}

/** Runs of hanzi, for finding terms that recur. */
export function hanziRuns(folded: string): string[] {
  return [...folded.matchAll(HANZI_RUN)].map(([run]) => run);
}
