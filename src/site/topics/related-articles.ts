import { features, foldText } from './text-features.ts';

export interface SimilaritySource {
  issue: string;
  title: string;
  text: string;
}

/** At most this many related articles, and at least the few best even when they are weakly related. */
export const MAX_RELATED = 5;
export const MIN_RELATED = 3;
/** Above this cosine an article beyond the first MIN_RELATED is still worth showing. */
const WORTH_SHOWING = 0.12;

type Vector = Map<string, number>;

function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  if (!normA || !normB) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [key, value] of small) dot += value * (large.get(key) ?? 0);
  return dot / (normA * normB);
}

/**
 * Related articles from OTHER issues, by content: TF-IDF over hanzi bigrams and Latin words
 * (the same character grams the search indexes), cosine similarity. The headline counts
 * three times: it says what the article is about. Returns, per article, indexes of related
 * articles with their scores, best first.
 */
export function relatedArticles(articles: SimilaritySource[]): { index: number; score: number }[][] {
  const counts = articles.map((article) => {
    const folded = foldText(`${article.title}\n${article.title}\n${article.title}\n${article.text}`);
    return features(folded);
  });
  const documentFrequency = new Map<string, number>();
  for (const vector of counts) for (const key of vector.keys()) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
  const total = articles.length;
  const vectors = counts.map((vector) => {
    const weighted: Vector = new Map();
    for (const [key, count] of vector) {
      const df = documentFrequency.get(key)!;
      if (df < 2) continue; // a gram in one article links it to nothing
      weighted.set(key, (1 + Math.log(count)) * Math.log(total / df));
    }
    return weighted;
  });
  const norms = vectors.map(norm);
  return articles.map((article, i) => {
    const scored = articles
      .map((other, j) => ({ index: j, score: other.issue === article.issue ? -1 : cosine(vectors[i]!, vectors[j]!, norms[i]!, norms[j]!) }))
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    return scored.filter((candidate, rank) => rank < MIN_RELATED || (rank < MAX_RELATED && candidate.score >= WORTH_SHOWING));
  });
}
