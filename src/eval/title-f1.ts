import { headlineSimilarity } from '../ingest/headlines/match-toc.ts';

export interface F1 {
  precision: number;
  recall: number;
  f1: number;
  missed: string[];
  extra: string[];
}

/** A found title counts when it is close to a labelled one (a word's difference is allowed). */
const SAME_TITLE = 0.8;

/** Precision, recall and F1 of article titles against reference titles, one-to-one. */
export function titleF1(found: string[], expected: string[]): F1 {
  const unmatched = new Set(expected.map((_, i) => i));
  const extra: string[] = [];
  for (const title of found) {
    let best = -1;
    let bestScore = SAME_TITLE;
    for (const j of unmatched) {
      const score = headlineSimilarity(title, expected[j]);
      if (score >= bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) extra.push(title);
    else unmatched.delete(best);
  }
  const truePositives = found.length - extra.length;
  const precision = found.length === 0 ? 0 : truePositives / found.length;
  const recall = expected.length === 0 ? 1 : truePositives / expected.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, missed: [...unmatched].map((j) => expected[j]), extra };
}
