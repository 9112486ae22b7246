import type { Filters, Hit, RankedHits, SearchEngine } from './engine.ts';
import { fold } from './fold.ts';

/**
 * What to do with a query beyond running it as typed, using only SearchEngine's public API:
 *  - A run-together phrase ("华为芯片") that finds nothing or little is retried as its words
 *    ("华为" "芯片"), cut at terms the site knows (topics and their aliases), else in pairs.
 *  - A query that still finds nothing gets a suggestion: a known term one character away
 *    ("工业互连网" → "工业互联网") that does find articles.
 */

/** Fewer exact hits than this, and the phrase is also tried as its words. */
export const FEW_HITS = 3;

/** An exact plan's hits are ranked as they are read (RankedHits); the others are few or none. */
export type QueryPlan =
  | { kind: 'exact'; query: string; hits: RankedHits }
  | { kind: 'split'; query: string; words: string[]; exactCount: number; hits: Hit[] }
  | { kind: 'none'; query: string; hits: []; suggestion: string | null };

/**
 * Cuts a run-together word into known terms, longest first; what no term covers is cut in
 * pairs of characters (a lone last character joins the piece before it).
 */
export function splitWord(word: string, vocabulary: readonly string[]): string[] {
  const chars = Array.from(word);
  const known = new Set(vocabulary.map(fold));
  const longest = Math.max(2, ...[...known].map((term) => Array.from(term).length));
  const pieces: string[] = [];
  let loose = '';
  const flushLoose = (): void => {
    const looseChars = Array.from(loose);
    for (let i = 0; i < looseChars.length; i += 2) pieces.push(looseChars.slice(i, i + 2).join(''));
    loose = '';
  };
  for (let i = 0; i < chars.length; ) {
    let match = '';
    for (let n = Math.min(longest, chars.length - i); n >= 2; n--) {
      const candidate = chars.slice(i, i + n).join('');
      if (known.has(fold(candidate))) {
        match = candidate;
        break;
      }
    }
    if (match) {
      flushLoose();
      pieces.push(match);
      i += Array.from(match).length;
    } else {
      loose += chars[i];
      i++;
    }
  }
  flushLoose();
  // A lone character is a poor word: it finds nearly everything. Join it to its neighbour.
  for (let i = 0; i < pieces.length; i++) {
    if (Array.from(pieces[i]!).length === 1 && pieces.length > 1) {
      const target = i > 0 ? i - 1 : i + 1;
      pieces[target] = i > 0 ? pieces[target] + pieces[i]! : pieces[i]! + pieces[target];
      pieces.splice(i, 1);
      i--;
    }
  }
  return pieces;
}

/** Edit distance of at most one (one character replaced, added or dropped), on code points. */
export function withinOneEdit(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return x.length - i - j <= 1 && y.length - i - j <= 1;
}

/** The words of a query that could be split: runs of three or more characters. */
function splittable(query: string): boolean {
  return query.trim().split(/\s+/u).some((word) => Array.from(word).length >= 3);
}

async function suggest(engine: SearchEngine, query: string, vocabulary: readonly string[], filters: Filters): Promise<string | null> {
  const words = query.trim().split(/\s+/u);
  let best: { query: string; hits: number } | null = null;
  for (let w = 0; w < words.length; w++) {
    const word = fold(words[w]!);
    if (Array.from(word).length < 2) continue;
    for (const term of vocabulary) {
      const folded = fold(term);
      if (folded === word || !withinOneEdit(folded, word)) continue;
      const candidate = words.map((other, k) => (k === w ? term : other)).join(' ');
      const hits = (await engine.rank(candidate, filters)).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { query: candidate, hits };
    }
  }
  return best?.query ?? null;
}

export async function planQuery(engine: SearchEngine, query: string, vocabulary: readonly string[], filters: Filters = {}): Promise<QueryPlan> {
  const trimmed = query.trim();
  const exact = await engine.rank(trimmed, filters);
  if (exact.length >= FEW_HITS || !splittable(trimmed)) {
    if (exact.length > 0) return { kind: 'exact', query: trimmed, hits: exact };
  } else {
    const words = trimmed.split(/\s+/u).flatMap((word) => (Array.from(word).length >= 3 ? splitWord(word, vocabulary) : [word]));
    if (words.length > trimmed.split(/\s+/u).length) {
      const split = await engine.search(words.join(' '), filters);
      const exactHits = exact.slice(0, exact.length); // fewer than FEW_HITS here
      const seen = new Set(exactHits.map((hit) => hit.doc));
      const more = split.filter((hit) => !seen.has(hit.doc));
      if (more.length > 0) return { kind: 'split', query: trimmed, words, exactCount: exact.length, hits: [...exactHits, ...more] };
    }
    if (exact.length > 0) return { kind: 'exact', query: trimmed, hits: exact };
  }
  return { kind: 'none', query: trimmed, hits: [], suggestion: await suggest(engine, trimmed, vocabulary, filters) };
}

/** The sentence the page shows above a split result. */
export function splitMessage(plan: Extract<QueryPlan, { kind: 'split' }>): string {
  const words = plan.words.map((word) => `“${word}”`);
  const joined = words.length === 2 ? words.join('和') : `${words.slice(0, -1).join('、')}和${words[words.length - 1]}`;
  return plan.exactCount === 0
    ? `没有找到完整的“${plan.query}”，以下是同时包含${joined}的文章`
    : `完整的“${plan.query}”只找到 ${plan.exactCount} 篇（列在最前），其后是同时包含${joined}的文章`;
}
