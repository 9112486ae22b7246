import { foldWithOrigin } from './fold.ts';
import type { QueryWord } from './tokenizer.ts';

/** [start, end) in the ORIGINAL text. */
export type Range = [number, number];

function occurrences(haystack: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    found.push([at, at + needle.length]);
  }
  return found;
}

/**
 * What to highlight for a query: each word where it occurs verbatim; failing that, each of
 * its runs; failing that, the run's bigrams (the "parts occur apart" results).
 * Matching is done on folded text, so "ipv6" marks "IPv6" and "ＩＰｖ６".
 */
export function matchRanges(original: string, words: QueryWord[]): Range[] {
  return toOriginalRanges(original, (text) => {
    const folded: [number, number][] = [];
    for (const word of words) {
      const whole = occurrences(text, word.text);
      if (whole.length > 0) {
        folded.push(...whole);
        continue;
      }
      for (const part of word.parts) {
        const run = occurrences(text, part.text);
        folded.push(...(run.length > 0 ? run : part.terms.flatMap((t) => occurrences(text, t.term))));
      }
    }
    return folded;
  });
}

/**
 * Only where a query word occurs whole: what an article marks, so that 5G基站 never marks a
 * lone "5G" and 中芯国际 never a lone "国际". (Spaces beside Chinese still do not matter.)
 */
export function wholeMatchRanges(original: string, words: QueryWord[]): Range[] {
  return toOriginalRanges(original, (text) => words.flatMap((word) => occurrences(text, word.text)));
}

function toOriginalRanges(original: string, find: (folded: string) => [number, number][]): Range[] {
  const { text, origin } = foldWithOrigin(original);
  const folded = find(text);
  // The end is just past the original character of the match's last folded unit: folding
  // drops spaces, so the next folded unit's origin may lie past a space the match excludes.
  const toOriginalEnd = (end: number) => {
    const last = origin[end - 1]!;
    return last + ((original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
  };
  const ranges = folded
    .map(([s, e]): Range => [origin[s]!, toOriginalEnd(e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** Cuts text into plain and marked segments; the renderer sets them as text, never as HTML. */
export function segments(text: string, ranges: Range[], from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, Math.min(e, to)), marked: true });
    at = Math.min(e, to);
  }
  if (at < to) out.push({ text: text.slice(at, to), marked: false });
  return out;
}

/** A window of text around the first match, with the matches in it marked. */
export function snippet(text: string, words: QueryWord[], before = 30, length = 110): Segment[] {
  const ranges = matchRanges(text, words);
  const first = ranges[0]?.[0] ?? 0;
  const from = Math.max(0, first - before);
  const to = Math.min(text.length, from + length);
  const cut = segments(text, ranges, from, to);
  if (from > 0) cut.unshift({ text: '…', marked: false });
  if (to < text.length) cut.push({ text: '…', marked: false });
  return cut;
}
