import { featureCounts, foldText } from './text-features.ts';

export interface SimilaritySource {
  issue: string;
  /** The issue's date, "YYYY-MM-DD": with the issue id, what orders issues in time. */
  date: string;
  title: string;
  text: string;
}

/** At most this many related articles, and at least the few best even when they are weakly related. */
export const MAX_RELATED = 5;
export const MIN_RELATED = 3;
/** Above this cosine an article beyond the first MIN_RELATED is still worth showing. */
const WORTH_SHOWING = 0.12;

/**
 * A gram found in more articles than this (5%, at least 50) adds almost nothing to a cosine (its idf is small) but
 * pairs almost every article with every other: comparing through such grams made the step
 * quadratic (twelve minutes at 120 issues). They still count in each article's norm.
 */
function commonGramLimit(articleCount: number): number {
  return Math.max(50, Math.ceil(articleCount * 0.05));
}

/**
 * Related articles from EARLIER issues, by content: TF-IDF over hanzi bigrams and Latin words
 * (the same character grams the search indexes), cosine similarity. The headline counts
 * three times: it says what the article is about. Returns, per article, indexes of related
 * articles with their scores, best first.
 *
 * Earlier only, as a newspaper's "previous coverage": an article's page then changes only when
 * its own issue is published, not with every later issue (with later articles as candidates, each
 * new issue changed the related articles, hence the pages, of a thousand older ones, and most of
 * the one-more-issue rebuild was re-rendering them). What came after is on the topic pages. The
 * weights still come from the whole archive, so an older page can change when a new issue moves
 * two near-equal candidates past each other; that is rare, and costs one page each time.
 *
 * Grams are numbered and the inverted index is kept in typed arrays, and only the best
 * MAX_RELATED candidates are kept while scanning (sorting every touched article, up to the
 * whole archive per article, took most of the time at 120 issues). The arithmetic is the
 * same sums in the same order, so the scores are bit for bit those of the plain definition.
 */
export function relatedArticles(articles: SimilaritySource[]): { index: number; score: number }[][] {
  return relatedByFeatures(articles, articles.map((article) => articleFeatures(article.title, article.text)));
}

/** An article's features for similarity (featureCounts), in the order first met, with their counts. */
export interface ArticleFeatures {
  keys: (number | string)[];
  counts: Int32Array;
}

/** The features of an article: its headline three times, then its text. Their numbers are of one thread (featureCounts). */
export function articleFeatures(title: string, text: string): ArticleFeatures {
  const found = featureCounts(foldText(`${title}\n${title}\n${title}\n${text}`));
  return { keys: [...found.keys()], counts: Int32Array.from(found.values()) };
}

/** relatedArticles, given each article's features (articleFeatures, made in this thread). */
export function relatedByFeatures(articles: Pick<SimilaritySource, 'issue' | 'date'>[], features: ArticleFeatures[]): { index: number; score: number }[][] {
  const gramIds = new Map<number | string, number>();
  /** Per article: gram ids and counts, in the order the grams were first met in its text. */
  const counts = features.map(({ keys, counts: values }) => {
    const ids = new Int32Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      let id = gramIds.get(keys[k]!);
      if (id === undefined) gramIds.set(keys[k]!, (id = gramIds.size));
      ids[k] = id;
    }
    return { ids, values };
  });
  const documentFrequency = new Int32Array(gramIds.size);
  for (const { ids } of counts) for (const id of ids) documentFrequency[id]!++;
  const total = articles.length;
  const vectors = counts.map(({ ids, values }) => {
    const kept: number[] = [];
    const weights: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const df = documentFrequency[ids[k]!]!;
      if (df < 2) continue; // a gram in one article links it to nothing
      kept.push(ids[k]!);
      weights.push((1 + Math.log(values[k]!)) * Math.log(total / df));
    }
    return { ids: Int32Array.from(kept), weights: Float64Array.from(weights) };
  });
  const norms = vectors.map(({ weights }) => {
    let sum = 0;
    for (const value of weights) sum += value * value;
    return Math.sqrt(sum);
  });
  // Each issue's place in time (by date, then id, as compareContent orders issues).
  const issueKey = (article: Pick<SimilaritySource, 'issue' | 'date'>) => `${article.date}\u0000${article.issue}`;
  const issueRank = new Map([...new Set(articles.map(issueKey))].sort().map((key, rank) => [key, rank]));
  const issueOf = Int32Array.from(articles, (article) => issueRank.get(issueKey(article))!);
  // Cosines accumulated through an inverted index: only articles that share a gram are touched.
  // Each gram's postings run from the oldest issue on, so an article reads only the prefix of
  // earlier issues' articles (the candidates): reading the later ones too, only to drop them,
  // made the whole step 2.0 s instead of 1.6 s at 121 issues. Each candidate's score is still
  // the same sums in the same order.
  const limit = commonGramLimit(total);
  const postingStart = new Int32Array(gramIds.size + 1);
  vectors.forEach(({ ids }, i) => {
    if (!norms[i]) return;
    for (const id of ids) if (documentFrequency[id]! <= limit) postingStart[id + 1]!++;
  });
  for (let id = 0; id < gramIds.size; id++) postingStart[id + 1]! += postingStart[id]!;
  const postingDocs = new Int32Array(postingStart[gramIds.size]!);
  const postingWeights = new Float64Array(postingStart[gramIds.size]!);
  const filled = postingStart.slice(0, gramIds.size);
  const oldestFirst = Array.from(articles.keys()).sort((a, b) => issueOf[a]! - issueOf[b]! || a - b);
  for (const i of oldestFirst) {
    if (!norms[i]) continue;
    const { ids, weights } = vectors[i]!;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (documentFrequency[id]! > limit) continue;
      postingDocs[filled[id]!] = i;
      postingWeights[filled[id]!++] = weights[k]! / norms[i]!;
    }
  }
  const scores = new Float64Array(total);
  const touched = new Int32Array(total);
  return articles.map((_, i) => {
    const { ids, weights } = vectors[i]!;
    let touchedCount = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const own = weights[k]! / norms[i]!;
      for (let p = postingStart[id]!, end = postingStart[id + 1]!; p < end; p++) {
        const j = postingDocs[p]!;
        if (issueOf[j]! >= issueOf[i]!) break;
        if (scores[j] === 0) touched[touchedCount++] = j;
        scores[j] += own * postingWeights[p]!;
      }
    }
    // The best MAX_RELATED, best score first and the lower index first on a tie.
    const best: { index: number; score: number }[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      const score = scores[j]!;
      scores[j] = 0;
      if (!(score > 0)) continue;
      if (best.length === MAX_RELATED) {
        if (!ranksBefore(score, j, best[MAX_RELATED - 1]!)) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && ranksBefore(score, j, best[at - 1]!)) at--;
      best.splice(at, 0, { index: j, score });
    }
    return best.filter((candidate, rank) => rank < MIN_RELATED || (rank < MAX_RELATED && candidate.score >= WORTH_SHOWING));
  });
}

function ranksBefore(score: number, index: number, other: { index: number; score: number }): boolean {
  return score > other.score || (score === other.score && index < other.index);
}
