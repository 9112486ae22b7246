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

/**
 * A gram found in more articles than this (5%, at least 50) adds almost nothing to a cosine (its idf is small) but
 * pairs almost every article with every other: comparing through such grams made the step
 * quadratic (twelve minutes at 120 issues). They still count in each article's norm.
 */
function commonGramLimit(articleCount: number): number {
  return Math.max(50, Math.ceil(articleCount * 0.05));
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
  // Cosines accumulated through an inverted index: only articles that share a gram are touched.
  const limit = commonGramLimit(total);
  const postings = new Map<string, { docs: number[]; weights: number[] }>();
  vectors.forEach((vector, i) => {
    if (!norms[i]) return;
    for (const [key, weight] of vector) {
      if (documentFrequency.get(key)! > limit) continue;
      let posting = postings.get(key);
      if (!posting) postings.set(key, (posting = { docs: [], weights: [] }));
      posting.docs.push(i);
      posting.weights.push(weight / norms[i]!);
    }
  });
  const scores = new Float64Array(total);
  return articles.map((article, i) => {
    const touched: number[] = [];
    for (const [key, weight] of vectors[i]!) {
      const posting = postings.get(key);
      if (!posting) continue;
      const own = weight / norms[i]!;
      for (let k = 0; k < posting.docs.length; k++) {
        const j = posting.docs[k]!;
        if (scores[j] === 0) touched.push(j);
        scores[j] += own * posting.weights[k]!;
      }
    }
    const scored = touched
      .filter((j) => articles[j]!.issue !== article.issue && scores[j]! > 0)
      .map((j) => ({ index: j, score: scores[j]! }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    for (const j of touched) scores[j] = 0;
    return scored.filter((candidate, rank) => rank < MIN_RELATED || (rank < MAX_RELATED && candidate.score >= WORTH_SHOWING));
  });
}
