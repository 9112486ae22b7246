import { decodeBulletin } from '../ingest/decode.ts';
import { tableRowCells } from '../ingest/rules/detect-tables.ts';
import { displayWidth } from '../ingest/rules/text.ts';
import { normaliseLines } from '../ingest/stages/normalise.ts';
import { isSection } from '../types.ts';
import { readLabelKey } from './labels.ts';
import { sentencesOf, type StoryKey } from './story-integrity.ts';

/**
 * How another extractor or publisher might lay a bulletin out: the bulletins the pipeline has
 * never seen. Each is a plausible export (a running head and a page number at every page, some
 * wrap width, some blank-line habit, some encoding), none of them the seeds'.
 */
export interface HeldOutLayout {
  name: string;
  /** Hard-wrap width in Chinese characters (a Latin letter or digit counts half). */
  width: number;
  /** 'line': a blank line after every printed line; 'paragraph': between paragraphs; 'none': none at all. */
  blanks: 'line' | 'paragraph' | 'none';
  /** The running head printed at the top of every page, if any. */
  runningHead?: string;
  /** The page number line printed at the foot of every page, if any. */
  pageNumber?: (page: number, pages: number) => string;
  /** A paragraph's first line set in by two ideographic spaces. */
  indent?: boolean;
  encoding: 'utf-8' | 'gb18030';
  lineEnd: '\n' | '\r\n';
}

export const HELD_OUT_LAYOUTS: HeldOutLayout[] = [
  { name: '— 12 —, 32 wide, blank after every line', width: 32, blanks: 'line', runningHead: '数字产业观察', pageNumber: (n) => `— ${n} —`, encoding: 'utf-8', lineEnd: '\n' },
  { name: '第 12 页 共 40 页, 45 wide, no blank lines', width: 45, blanks: 'none', runningHead: '通信产业参考·月刊', pageNumber: (n, t) => `第 ${n} 页 共 ${t} 页`, encoding: 'utf-8', lineEnd: '\n' },
  { name: '12/40, 25 wide, no blanks, GB18030 CRLF', width: 25, blanks: 'none', runningHead: '信通动态', pageNumber: (n, t) => `${n}/${t}`, encoding: 'gb18030', lineEnd: '\r\n' },
  { name: '- 12 -, 50 wide, blank between paragraphs', width: 50, blanks: 'paragraph', pageNumber: (n) => `- ${n} -`, encoding: 'utf-8', lineEnd: '\n' },
  { name: 'running head only, 38 wide, no blanks, indented', width: 38, blanks: 'none', runningHead: '产业经济参考', indent: true, encoding: 'utf-8', lineEnd: '\n' },
  { name: 'Page 12, 28 wide, blank after every line, GB18030', width: 28, blanks: 'line', runningHead: '电子信息周报', pageNumber: (n) => `Page ${n}`, encoding: 'gb18030', lineEnd: '\r\n' },
  { name: '第 12 页, 42 wide, no blank lines', width: 42, blanks: 'none', runningHead: '科技产业简讯', pageNumber: (n) => `第 ${n} 页`, encoding: 'utf-8', lineEnd: '\n' },
];

/** A small deterministic generator, so a layout prints the same pages every run. */
function pageLengths(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 40 + (state % 21);
  };
}

/** Hard-wraps one paragraph at `width` Chinese characters; like a PDF, never inside a Latin word. */
function wrap(paragraph: string, width: number, indent: string): string[] {
  const columns = width * 2;
  const lines: string[] = [];
  let line = indent;
  for (const ch of paragraph) {
    const insideWord = /[A-Za-z0-9]$/.test(line) && /[A-Za-z0-9]/.test(ch);
    if (displayWidth(line + ch) > columns && !insideWord && line.trim() !== '') {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

/** Prints paragraphs in a layout: pages of 40–60 lines, each with the layout's furniture. */
export function printInLayout(paragraphs: string[], layout: HeldOutLayout): { text: string; furniture: string[] } {
  const body = paragraphs.map((p) => (tableRowCells(p) || isSection(p) ? [p] : wrap(p, layout.width, layout.indent ? '\u3000\u3000' : '')));
  const printedLines = body.reduce((n, lines) => n + lines.length, 0);
  const nextLength = pageLengths(printedLines);
  const lengths: number[] = [];
  for (let sum = 0; sum < printedLines; sum += lengths[lengths.length - 1]) lengths.push(nextLength());
  const pages = Math.max(1, lengths.length);
  const out: string[] = [];
  const furniture: string[] = [];
  const emitFurniture = (line: string) => {
    furniture.push(line);
    out.push(line);
    if (layout.blanks !== 'none') out.push('');
  };
  let page = 1;
  let left = lengths[0] ?? 50;
  if (layout.runningHead) emitFurniture(layout.runningHead);
  for (const lines of body) {
    for (const line of lines) {
      out.push(line);
      if (layout.blanks === 'line') out.push('');
      if (--left > 0) continue;
      if (layout.pageNumber) emitFurniture(layout.pageNumber(page, pages));
      page++;
      if (layout.runningHead) emitFurniture(layout.runningHead);
      left = lengths[page - 1] ?? 50;
    }
    if (layout.blanks === 'paragraph') out.push('');
  }
  if (layout.pageNumber) emitFurniture(layout.pageNumber(page, pages));
  return { text: out.join(layout.lineEnd), furniture };
}

let gb18030: Map<string, number[]> | null = null;

/** Encodes text as GB18030 (its two-byte GBK part, which holds every character of the seeds). */
export function encodeGb18030(text: string): Uint8Array {
  if (!gb18030) {
    gb18030 = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gb18030.has(ch)) gb18030.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gb18030.get(ch);
      if (!pair) throw new Error(`"${ch}" (U+${code.toString(16)}) has no two-byte GB18030 code`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

export interface HeldOutBulletin {
  file: string;
  bytes: Uint8Array;
  /** Each story's title (from the table of contents) and every sentence of its text. */
  key: StoryKey[];
  /** The furniture lines printed, to be found in no article. */
  furniture: string[];
  /**
   * The running head, which names the publication; null when the layout prints none. The cover
   * goes with the table of contents, so nothing else in the text names the publication then, and
   * the ingest finding none is right.
   */
  publication: string | null;
}

/**
 * A seed with a table of contents, printed again in a held-out layout with its TOC and cover
 * dropped. Its key comes from the TOC-derived labels: a story is every paragraph from its
 * headline to the next. Null for a seed without a table of contents or labels.
 */
export function heldOutBulletin(name: string, bytes: Uint8Array, labelDir: string, layout: HeldOutLayout): HeldOutBulletin | null {
  const labels = readLabelKey(labelDir, name);
  const text = normaliseLines(decodeBulletin(name, bytes));
  if (!labels || text.toc.length === 0) return null;
  const storyOf = (line: number) => labels.articles.findIndex((a) => (a.spans ?? []).some(([from, to]) => line >= from && line <= to));
  const key: StoryKey[] = labels.articles.map((a) => ({ title: a.title, sentences: [] }));
  const parts = labels.articles.map(() => [] as string[]);
  for (const p of text.paragraphs) {
    const k = storyOf(p.line);
    if (k >= 0) parts[k].push(p.text);
  }
  parts.forEach((texts, k) => (key[k].sentences = sentencesOf(texts.join(''))));
  const printed = printInLayout(text.paragraphs.map((p) => p.text), layout);
  const encoded = layout.encoding === 'gb18030' ? encodeGb18030(printed.text) : new TextEncoder().encode(printed.text);
  return { file: `held-out-${name}`, bytes: encoded, key, furniture: printed.furniture, publication: layout.runningHead ?? null };
}
