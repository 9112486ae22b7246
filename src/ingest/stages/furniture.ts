import type { SourceLine } from '../../types.ts';
import { isSourceCredit } from '../rules/line-kinds.ts';
import { endsSentence } from '../rules/text.ts';

/**
 * A line that is nothing but a page number, in the forms extractors and publishers print:
 * "Page 12", "P. 12", "Page 12 of 40", "— 12 —", "- 12 -", "第 12 页", "第 12 页 共 40 页",
 * "12/40", "12 / 40". A bare "12" is a page number only as one of a rising series (see below).
 */
const PAGE_NUMBER = /^(?:(?:page|p\.?)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[-—–－―~～·•]{1,3}\s*\d{1,4}\s*[-—–－―~～·•]{1,3}|第\s*\d{1,4}\s*页(?:\s*[,，/／、]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|[（(]\s*\d{1,4}\s*[）)])$/i;
const BARE_NUMBER = /^\d{1,4}$/;
const COPYRIGHT = /^(©|copyright\b)/i;
/** A running head or footer is a short line: a name, a date, a notice. */
const MAX_FURNITURE_LENGTH = 80;
/** Pages of the bulletins an extractor prints hold this many printed lines, give or take. */
const PAGE_LINES = { min: 20, max: 130 };

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Digits vary from page to page (page numbers, dates); the furniture's wording does not. */
function shape(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#');
}

/**
 * Removes page furniture: running heads, footers and page numbers that extraction leaves between
 * pages, often in the middle of a sentence. Furniture is known by its layout, not its words:
 * - a line that is only a page number ("Page 12", "— 12 —", "第 12 页 共 40 页", "12/40"…),
 *   printed more than once, or a bare number in a rising series at page intervals;
 * - a short line that recurs, the same but for its digits, at page intervals through the whole
 *   text (a running head or footer, whatever it says);
 * - any line of the block around a page number that repeats page after page (a copyright
 *   footer with its date).
 * Lines that repeat at no regular interval are content: a magazine prints "来源：…" under
 * every story.
 */
export function stripFurniture(lines: SourceLine[]): { lines: SourceLine[]; furniture: string[] } {
  const printed = lines.map((l, i) => ({ ...l, i })).filter((l) => l.text.trim() !== '');
  const byShape = new Map<string, number[]>();
  printed.forEach((l, k) => {
    const s = shape(l.text);
    byShape.set(s, [...(byShape.get(s) ?? []), k]);
  });
  const count = (text: string) => byShape.get(shape(text))?.length ?? 0;
  const short = (text: string) => text.trim().length <= MAX_FURNITURE_LENGTH && !endsSentence(text);
  const repeated = (text: string) => short(text) && count(text) >= 3;

  const furniture = new Set<number>();
  // Page numbers in an explicit form.
  for (const l of printed) if (isPageNumberLine(l.text) && count(l.text) >= 2) furniture.add(l.i);
  // Bare page numbers: a series that rises by one or two at page intervals.
  for (const k of risingNumberSeries(printed)) furniture.add(printed[k].i);
  // Running heads and footers: a short line recurring at page intervals through the text.
  for (const positions of byShape.values()) {
    const text = printed[positions[0]].text;
    if (!short(text) || isSourceCredit(text.trim()) || !recursAtPageIntervals(positions, printed.length)) continue;
    for (const k of positions) furniture.add(printed[k].i);
  }
  // A block around a page number or copyright line, of lines that repeat, is furniture whole.
  const anchors = (entry: (typeof printed)[number]) => furniture.has(entry.i) || (COPYRIGHT.test(entry.text.trim()) && repeated(entry.text));
  let run: typeof printed = [];
  const closeRun = () => {
    if (run.some(anchors)) for (const entry of run) furniture.add(entry.i);
    run = [];
  };
  for (const entry of printed) {
    if (anchors(entry) || repeated(entry.text)) run.push(entry);
    else closeRun();
  }
  closeRun();
  return {
    lines: lines.filter((_, i) => !furniture.has(i)),
    furniture: [...furniture].sort((a, b) => a - b).map((i) => lines[i].text.trim()),
  };
}

/**
 * A running head comes back on every page (or every other page, when odd and even pages carry
 * different heads): at least three times, at gaps most of which are near their median, a
 * median a page long, and from near the start of the text to near its end.
 */
function recursAtPageIntervals(positions: number[], printedLines: number): boolean {
  if (positions.length < 3) return false;
  const gaps = positions.slice(1).map((p, k) => p - positions[k]);
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  if (median < PAGE_LINES.min || median > PAGE_LINES.max) return false;
  const regular = gaps.filter((g) => g >= median * 0.6 && g <= median * 1.5).length;
  const covered = positions[positions.length - 1] - positions[0] + 2 * median;
  return regular >= gaps.length * 0.75 && covered >= printedLines * 0.8;
}

/** Indices (into printed) of bare numbers that count pages: each one or two more than the last, a page apart. */
function risingNumberSeries(printed: SourceLine[]): number[] {
  const numbers = printed.flatMap((l, k) => (BARE_NUMBER.test(l.text.trim()) ? [{ k, n: Number(l.text.trim()) }] : []));
  let best: number[] = [];
  for (let s = 0; s < numbers.length; s++) {
    const chain = [s];
    for (let t = s + 1; t < numbers.length; t++) {
      const last = numbers[chain[chain.length - 1]];
      const step = numbers[t].n - last.n;
      const gap = numbers[t].k - last.k;
      if (step >= 1 && step <= 2 && gap >= PAGE_LINES.min && gap <= PAGE_LINES.max * 2) chain.push(t);
    }
    if (chain.length > best.length) best = chain;
  }
  return best.length >= 3 ? best.map((c) => numbers[c].k) : [];
}
