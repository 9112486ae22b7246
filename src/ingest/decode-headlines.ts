/** One heading-shaped paragraph, in reading order, as the headline decoder sees it. */
export interface HeadingCandidate {
  /** The classifier's probability that the heading opens a story. */
  score: number;
  /** Opens a story whatever the score: first after a section heading or a "来源：" credit. */
  forced: boolean;
  /** A section heading stands between this heading and the one before, closing that article. */
  afterSectionBreak: boolean;
  /** Numbered subheadings ("一、…") between this heading and the one before. */
  numberedBefore: number;
}

/**
 * What it costs, in log-odds, to leave an article with exactly one subheading. Across the
 * labelled bulletins with sections, 1 article in 117 has one; a writer who divides a story divides it in two
 * or more. Mean leave-one-out F1 is the same (0.971) for any cost from 1 to 8, and 0.968 at 0.5.
 */
export const LONE_SUBHEADING_COST = 2;

/** Subheadings seen since the article's headline: none, one, or two and more; -1 before any headline. */
type Count = -1 | 0 | 1 | 2;
const COUNTS: Count[] = [-1, 0, 1, 2];
const slot = (c: Count) => c + 1;

/**
 * Decides which candidates are headlines as a whole, not one at a time: the most likely split
 * (by the classifier's odds against its cut) among those that seldom leave an article with a
 * single subheading. One candidate judged alone cannot tell a story's only subheading from the
 * next story's headline; the article it would leave behind can. The decoder only ever gives up
 * a headline the classifier took: raising a heading it rejected, to spare an article its lone
 * subheading, split stories in two on the labelled bulletins. Viterbi over the subheading count.
 */
export function decodeHeadlines(candidates: HeadingCandidate[], threshold: number, loneCost = LONE_SUBHEADING_COST): boolean[] {
  const closing = (c: Count) => (c === 1 ? loneCost : 0);
  const odds = (p: number) => logit(p) - logit(threshold);
  let best = [0, -Infinity, -Infinity, -Infinity];
  const back: { from: Count; headline: boolean }[][] = [];
  for (const candidate of candidates) {
    const next = [-Infinity, -Infinity, -Infinity, -Infinity];
    const step: { from: Count; headline: boolean }[] = [];
    const offer = (to: Count, value: number, from: Count, headline: boolean) => {
      if (value > next[slot(to)]) {
        next[slot(to)] = value;
        step[slot(to)] = { from, headline };
      }
    };
    for (const from of COUNTS) {
      let value = best[slot(from)];
      if (value === -Infinity) continue;
      let count = from;
      if (candidate.afterSectionBreak) {
        value -= closing(count);
        count = -1;
      }
      count = addSubheadings(count, candidate.numberedBefore);
      if (candidate.forced || candidate.score >= threshold) offer(0, value - closing(count) + (candidate.forced ? 0 : odds(candidate.score)), from, true);
      if (!candidate.forced) offer(addSubheadings(count, 1), value, from, false);
    }
    back.push(step);
    best = next;
  }
  let last: Count = 0;
  for (const c of COUNTS) if (best[slot(c)] - closing(c) > best[slot(last)] - closing(last)) last = c;
  const headlines = new Array<boolean>(candidates.length);
  for (let k = candidates.length - 1; k >= 0; k--) {
    const { from, headline } = back[k][slot(last)];
    headlines[k] = headline;
    last = from;
  }
  return headlines;
}

function addSubheadings(count: Count, n: number): Count {
  return count === -1 ? -1 : (Math.min(count + n, 2) as Count);
}

function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
}
