/** One heading-shaped paragraph, in reading order, as the headline decoder sees it. */
export interface HeadingCandidate {
  /** The classifier's probability that the heading opens a story. */
  score: number;
  /** Opens a story whatever the score: the first paragraph, or first after a section heading or a "来源：" credit. */
  forced: boolean;
  /** Numbered subheadings ("一、…") between this heading and the one before. */
  numberedBefore: number;
  /** Characters of prose between this heading and the one before; unknown (no stub cost) if left out. */
  proseBefore?: number;
}

/**
 * What it costs, in log-odds, to leave an article with exactly one subheading. Across the
 * labelled bulletins with sections, 1 article in 117 has one: a writer who divides a story
 * divides it in two or more parts. Mean leave-one-out F1 is 0.980 at a cost of 2, 0.978 at 3,
 * 0.974 to 0.975 at 1 and 5, and 0.969 with no cost (when 004 falls to 0.926).
 */
export const LONE_SUBHEADING_COST = 2;

/**
 * What it costs, in log-odds, to close an article that is only a headline over a few words of
 * prose and no subheading: such a "story" is most often a story's headline over its opening
 * paragraph, with its first subheading taken for the next story's headline. Mean leave-one-out F1 is 0.986 with any cost from 1 to 3 and any length from 150 to
 * 400 characters, 0.984 at 100 (under the shortest such opening) or with no cost.
 */
export const STUB_ARTICLE_COST = 2;
/** Fewer characters of prose than this under a headline make a stub. */
export const STUB_ARTICLE_CHARACTERS = 200;

/** Subheadings seen since the article's headline: none, one, or two and more; -1 before the first headline. */
type Count = -1 | 0 | 1 | 2;
const COUNTS: Count[] = [-1, 0, 1, 2];
const slot = (c: Count) => c + 1;

/**
 * Decides which candidates are headlines as a whole, not one at a time: the most likely split by
 * the classifier's odds against its cut, where each article left with a single subheading costs
 * `loneCost`. One candidate judged alone cannot tell a story's only subheading from the next
 * story's headline; the article it would leave behind can. The decoder only ever gives up a
 * headline the classifier took: letting it also raise rejected headings gave the same
 * leave-one-out F1 and one more false split in-sample (001). Viterbi over the subheading count.
 * An article closed with no subheading and fewer than `STUB_ARTICLE_CHARACTERS` of prose costs
 * `STUB_ARTICLE_COST` too, when candidates say how much prose precedes them.
 * `numberedAtEnd` counts the numbered subheadings after the last candidate.
 */
export function decodeHeadlines(candidates: HeadingCandidate[], threshold: number, numberedAtEnd = 0, loneCost = LONE_SUBHEADING_COST): boolean[] {
  if (!Number.isFinite(loneCost) || loneCost < 0) throw new RangeError(`loneCost must be a finite cost of 0 or more, not ${loneCost}`);
  const closing = (c: Count, prose = Infinity) => (c === 1 ? loneCost : c === 0 && prose < STUB_ARTICLE_CHARACTERS ? STUB_ARTICLE_COST : 0);
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
      const value = best[slot(from)];
      if (value === -Infinity) continue;
      const count = addSubheadings(from, candidate.numberedBefore);
      const prose = candidate.proseBefore ?? Infinity;
      if (candidate.forced) offer(0, value - closing(count, prose), from, true);
      else {
        if (candidate.score >= threshold) offer(0, value - closing(count, prose) + odds(candidate.score), from, true);
        offer(addSubheadings(count, 1), value, from, false);
      }
    }
    back.push(step);
    best = next;
  }
  const final = (c: Count) => best[slot(c)] - closing(addSubheadings(c, numberedAtEnd));
  let last: Count = COUNTS.reduce((a, c) => (final(c) > final(a) ? c : a));
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
