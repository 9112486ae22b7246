import { isHeadingKind, type LineKind, type Paragraph } from '../../types.ts';

const NUMBER = /^[-+]?\d[\d,.]*%?$|^[-+]?\d+(\.\d+)?(亿|万)?(元|个|次|户)?$/;
/** A rank change column: "-", "↑5", "↓2", "新进". */
const CHANGE = /^([-—–]|[↑↓]\d+|新进|持平)$/;

/** A data row as extraction leaves it: a label, then figures, separated by spaces. */
export function tableRowCells(text: string): string[] | null {
  if (text.length > 60 || /[，。；！？]/.test(text)) return null;
  // A spaced date ("9 月 27 日") is prose set with loose figures, not cells.
  if (/\d\s*月\s*\d{1,2}\s*日/.test(text)) return null;
  const cells = text.split(/\s+/).filter(Boolean);
  const last = cells[cells.length - 1];
  if (cells.length < 3 || !(NUMBER.test(last) || CHANGE.test(last))) return null;
  return cells.filter((c) => NUMBER.test(c)).length >= 2 ? cells : null;
}

/** Header cells a magazine broke one per line: "1-6月收入", "（亿元）", "同比 占比". */
function headerCells(lines: string[], width: number): string[] | null {
  const cells: string[] = [];
  for (const token of lines.flatMap((l) => l.split(/\s+/).filter(Boolean))) {
    if (/^[（(]/.test(token) && cells.length > 0) cells[cells.length - 1] += token;
    else cells.push(token);
  }
  // A header word wrapped in a narrow last column ("排名较上", "月变化") belongs together.
  while (cells.length > width) cells.splice(cells.length - 2, 2, cells[cells.length - 2] + cells[cells.length - 1]);
  // Extraction's spaces between Chinese words are removed upstream ("同比 占比" → "同比占比"):
  // split the last even-length Chinese cell in halves until the widths agree.
  for (let k = cells.length - 1; cells.length < width && k >= 0; k--) {
    if (/^[\u4e00-\u9fff]{4,}$/.test(cells[k]) && cells[k].length % 2 === 0) {
      const half = cells[k].length / 2;
      cells.splice(k, 1, cells[k].slice(0, half), cells[k].slice(half));
    }
  }
  return cells.length === width ? cells : null;
}

export interface DetectedTable {
  /** Paragraph index where the table starts (its header, if one was recovered). */
  start: number;
  end: number;
  rows: string[][];
}

/**
 * Finds statistics tables that extraction broke into one line per row (or per cell), so they
 * become Markdown tables instead of a run of fake subheadings. Rows and columns are recovered
 * when the row lines agree on a width; the header is the run of short lines just above.
 */
export function detectTables(paragraphs: Paragraph[], kinds: LineKind[]): DetectedTable[] {
  const tables: DetectedTable[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const rows: string[][] = [];
    let j = i;
    for (let cells = tableRowCells(paragraphs[j]?.text ?? ''); cells; cells = tableRowCells(paragraphs[j]?.text ?? '')) {
      rows.push(cells);
      j++;
    }
    if (rows.length < 2) continue;
    const width = mode(rows.map((r) => r.length));
    const normalised = rows.map((r) => (r.length > width ? [r.slice(0, r.length - width + 1).join(' '), ...r.slice(r.length - width + 1)] : r));
    let start = i;
    while (start > 0 && i - start < 6 && isHeadingKind(kinds[start - 1]) && paragraphs[start - 1].text.length <= 16) start--;
    const header = start < i ? headerCells(paragraphs.slice(start, i).map((p) => p.text), width) : null;
    if (!header) start = i;
    tables.push({ start, end: j, rows: header ? [header, ...normalised] : [new Array(width).fill(''), ...normalised] });
    i = j - 1;
  }
  return tables;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}
