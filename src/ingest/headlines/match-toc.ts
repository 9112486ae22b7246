import type { Paragraph, TocEntry } from '../../types.ts';
import { compact } from '../rules/text.ts';

/** Character-bigram overlap (Dice): tolerant of a word added or dropped between TOC and page. */
export function headlineSimilarity(a: string, b: string): number {
  const x = compact(a);
  const y = compact(b);
  if (x === y) return 1;
  const grams = (s: string) => {
    const chars = [...s];
    const out = new Map<string, number>();
    for (let i = 0; i < chars.length - 1; i++) {
      const g = chars[i] + chars[i + 1];
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const gx = grams(x);
  const gy = grams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  const total = [...gx.values()].reduce((s, n) => s + n, 0) + [...gy.values()].reduce((s, n) => s + n, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

export const TOC_MATCH_THRESHOLD = 0.6;

/**
 * Finds the printed headline of each table-of-contents entry, in order: the entries are printed
 * in the same order as the articles, so each is the first close match after the previous one.
 * Returns the paragraph index for each entry, or null when the headline was not found.
 */
export function matchTocEntries(toc: TocEntry[], paragraphs: Paragraph[], isCandidate: (i: number) => boolean): (number | null)[] {
  let from = 0;
  return toc.map((entry) => {
    for (let i = from; i < paragraphs.length; i++) {
      if (isCandidate(i) && headlineSimilarity(entry.title, paragraphs[i].text) >= TOC_MATCH_THRESHOLD) {
        from = i + 1;
        return i;
      }
    }
    return null;
  });
}
