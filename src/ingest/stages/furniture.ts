import type { SourceLine } from '../../types.ts';
import { endsSentence } from '../rules/text.ts';

const PAGE_NUMBER = /^(page\s*\d+|第\s*\d+\s*页|-\s*\d+\s*-)$/i;
const COPYRIGHT = /^(©|copyright\b)/i;

/** Digits vary from page to page (page numbers, dates); the furniture's wording does not. */
function shape(text: string): string {
  return text.trim().replace(/\d+/g, '#');
}

/**
 * Removes page furniture: running heads, copyright footers and page numbers that PDF extraction
 * leaves between pages, often in the middle of a sentence. A line counts as furniture when its
 * wording repeats page after page and it is a
 * page number or copyright line, or sits in one block with such a line; repeated lines alone
 * are not enough (a magazine repeats "来源：…" under every article, and that is content).
 */
export function stripFurniture(lines: SourceLine[]): { lines: SourceLine[]; furniture: string[] } {
  const counts = new Map<string, number>();
  const shapes = new Map<string, string>();
  const shapeOf = (text: string) => {
    let s = shapes.get(text);
    if (s === undefined) shapes.set(text, (s = shape(text)));
    return s;
  };
  for (const { text } of lines) {
    if (text.trim()) counts.set(shapeOf(text), (counts.get(shapeOf(text)) ?? 0) + 1);
  }
  const repeated = (text: string) => text.trim().length <= 80 && (counts.get(shapeOf(text)) ?? 0) >= 3 && !endsSentence(text);
  const marker = (text: string) => {
    const t = text.trim();
    return (PAGE_NUMBER.test(t) && repeated(t)) || (COPYRIGHT.test(t) && repeated(t));
  };

  // Furniture comes in blocks (running head, footer, page number); a block is furniture only
  // when it holds a page number or copyright line, so a repeated table header is not.
  const nonBlank = lines.map((l, i) => ({ ...l, i })).filter((l) => l.text.trim() !== '');
  const drop = new Set<number>();
  let run: typeof nonBlank = [];
  const closeRun = () => {
    if (run.some((entry) => marker(entry.text))) for (const entry of run) drop.add(entry.i);
    run = [];
  };
  for (const entry of nonBlank) {
    if (marker(entry.text) || repeated(entry.text)) run.push(entry);
    else closeRun();
  }
  closeRun();
  return {
    lines: lines.filter((_, i) => !drop.has(i)),
    furniture: [...drop].sort((a, b) => a - b).map((i) => lines[i].text.trim()),
  };
}
