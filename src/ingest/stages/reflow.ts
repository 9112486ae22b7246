import type { Paragraph, SourceLine, WrapStyle } from '../../types.ts';
import { tableRowCells } from '../rules/detect-tables.ts';
import { findDisplayLines, type LineSetting } from '../magazine/display-lines.ts';
import { isCaption, isFigureCaption, isPhotoCredit, isSourceCredit, lineKind } from '../rules/line-kinds.ts';
import { displayWidth, endsMidSentence, endsSentence, isHan, joinWrapped, tidyHeadingSpaces, tidySpaces } from '../rules/text.ts';

/** Page seams and headlines print some lines tight; double spacing is what nearly all lines have. */
const DOUBLE_SPACED_SHARE = 0.8;

/**
 * Of the lines about as wide as the column, a monospaced extract fills this share to it exactly
 * (or one character short, where punctuation may not start the next line). Proportional PDF and
 * magazine text scatters around its column: on the seeds 0.51 to 0.65; monospaced, 0.96 or more.
 */
const JUSTIFIED_SHARE = 0.85;

/** Width of a line as printed: its indent counts, trailing spaces do not. */
const printedWidth = (line: string) => displayWidth(line.trimEnd());

export function measureWrapStyle(lines: SourceLine[]): WrapStyle {
  const widths = lines.map((l) => printedWidth(l.text)).filter((w) => w >= 20);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  const [mode] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
  const nearMode = widths.filter((w) => Math.abs(w - mode) <= 4).length;
  const wrapped = widths.length > 0 && nearMode / widths.length >= 0.5;
  const filled = widths.filter((w) => w >= mode - 2 && w <= mode).length;
  const finished = lines.filter((l) => endsSentence(l.text));
  const trailing = finished.filter((l) => /[ \u3000]$/.test(l.text)).length;
  const printed = lines.filter((l) => l.text.trim() !== '');
  const afterBlank = printed.filter((l, k) => k > 0 && printed[k - 1].line < l.line - 1).length;
  return {
    doubleSpaced: printed.length > 1 && afterBlank / (printed.length - 1) >= DOUBLE_SPACED_SHARE,
    wrapWidth: wrapped ? mode : null,
    justified: wrapped && filled / nearMode >= JUSTIFIED_SHARE,
    // Only a marker when some lines lack it: an export that pads every line says nothing.
    trailingSpaceEndsParagraph: finished.length > 0 && trailing / finished.length >= 0.5 && lines.some((l) => l.text.trim() !== '' && !/[ \u3000]$/.test(l.text)),
  };
}

/** Long enough that it cannot be a headline: a paragraph a page break cut short. */
const CUT_PARAGRAPH_LENGTH = 60;
/** A full line holding a sentence's comma or full stop is prose cut short, not a headline. */
const CUT_SENTENCE_LENGTH = 36;

/**
 * Joins hard-wrapped lines back into paragraphs, one line each, and removes the spaces that
 * extraction put between Chinese characters (a browser would show them).
 */
export function reflowParagraphs(lines: SourceLine[], style: WrapStyle): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  /** `widest`: the widest of the paragraph's lines before its last one, the measure of its column. */
  let current: { text: string; line: number; first: string; physical: number; last: string; widest: number; afterCredit: boolean; setting?: LineSetting } | null = null;
  const { settings, resumptions } = findDisplayLines(lines, style);
  /** The last printed line of the paragraph before the current one. */
  let previousLast = '';
  const flush = () => {
    if (!current) return;
    const setting = current.setting;
    const oneLine = tidySpaces(current.text);
    // A headline wrapped over two lines is still a headline, and keeps the gap between its phrases.
    const kind = lineKind({ text: oneLine, line: current.line });
    const text = setting || kind === 'heading' || kind === 'note' ? tidyHeadingSpaces(current.text) : oneLine;
    const paragraph: Paragraph = setting && setting !== 'apart' ? { text, line: current.line, display: setting } : { text, line: current.line };
    if (current.physical > 1 && opensOnDropCap(current.first)) paragraph.dropCap = true;
    if (text) paragraphs.push(paragraph);
    previousLast = current.last;
    current = null;
  };
  for (const source of lines) {
    if (source.text.trim() === '') continue;
    const setting = settings.get(source.line);
    // A line set apart by the layout neither goes on from the line before nor into the next.
    if (current && !setting && !current.setting && continues(current.last, current.text, source.text, style, current.afterCredit && current.physical === 1, current.widest)) {
      current.text = joinWrapped(current.text, source.text);
      current.physical++;
      current.widest = Math.max(current.widest === Infinity ? 0 : current.widest, displayWidth(current.last.trim()));
      current.last = source.text;
      continue;
    }
    flush();
    current = { text: source.text.trim(), line: source.line, first: source.text, physical: 1, last: source.text, widest: Infinity, afterCredit: isSourceCredit(previousLast), setting };
  }
  flush();
  return mendInterruptedSentences(paragraphs, resumptions);
}

/**
 * Two-column extraction can drop a display block into the middle of a sentence. Where the
 * column resumes right under the block, the sentence is mended and the block follows it, so
 * the headline no longer cuts a sentence of the story around it in two.
 */
function mendInterruptedSentences(paragraphs: Paragraph[], resumptions: Set<number>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    let blockStart = out.length;
    if (resumptions.has(paragraph.line)) while (blockStart > 0 && out[blockStart - 1].display) blockStart--;
    if (blockStart > 0 && blockStart < out.length) {
      const block = out.splice(blockStart);
      const cut = out[blockStart - 1];
      out[blockStart - 1] = { ...cut, text: joinWrapped(cut.text, paragraph.text) };
      out.push(...block);
      continue;
    }
    out.push(paragraph);
  }
  return out;
}

function continues(lastLine: string, paragraph: string, next: string, style: WrapStyle, firstLineAfterCredit: boolean, paragraphWidth = Infinity): boolean {
  const last = lastLine.trim();
  // A drop cap: the first character of a paragraph printed on a line of its own (set in, when the
  // extract is monospaced: there a lone character at the margin is the last of its paragraph).
  if ([...last].length === 1 && isHan(last) && (!style.justified || /^\s/.test(lastLine))) return true;
  // A table row stands alone, whatever its width.
  if (tableRowCells(last) || tableRowCells(next.trim())) return false;
  // A source credit closes an article; nothing runs into it.
  if (isSourceCredit(next)) return false;
  // A trailing space can also be the word space before a number ("（CPC 2020）"): not an end inside brackets.
  if (style.trailingSpaceEndsParagraph) return !/[ \u3000]$/.test(lastLine) || opensUnclosed(last);
  if (style.wrapWidth === null) {
    const cut = paragraph.length >= CUT_PARAGRAPH_LENGTH || (paragraph.length >= CUT_SENTENCE_LENGTH && /[，。；]/.test(paragraph));
    return !endsSentence(last) && (endsMidSentence(last) || cut) && !/^——/.test(next.trim());
  }
  // A line of two phrases parted by a wide gap and no sentence mark, followed by a full line, is a
  // two-part headline that happens to fill the column, not prose: wrapped prose has no gap inside
  // a line, and the tail of a headline wrapped over two lines is short.
  if (style.justified) return fillsColumn(lastLine, next, style.wrapWidth) && !endsSentence(last) && !opensParagraph(next) && !(isTwoPartHeadline(last) && printedWidth(next) >= style.wrapWidth * 0.9);
  // Magazine text: proportional digits and the first line's indent make widths uneven, so a
  // line goes on unless it ends a sentence or is clearly short (a headline, a caption).
  if (endsMidSentence(last) || opensUnclosed(last)) return true;
  // A quotation's speaker follows it: "…千行百业。”" then "某某强调。"
  if (/[。！？]”$/.test(last) && QUOTE_ATTRIBUTION.test(next.trim())) return true;
  // A line opening on one character and a comma ("况，推动…") finishes a word the line before cut.
  if (!endsSentence(last) && /^[\u4e00-\u9fff][，。；]/.test(next.trim())) return true;
  // A caption printed under a photo is a full line too, but nothing runs on from it; and a
  // numbered figure's caption ("图4.3 …") starts its own block, after its "（详见图4.3）".
  if (isCaption(tidySpaces(paragraph)) || isFigureCaption(next.trim())) return false;
  // A sentence that starts after a full stop on the line and is not finished there runs on,
  // unless what follows the stop is a photo credit ("…现场。新华社发").
  if (!endsSentence(last) && /[。！？][\u4e00-\u9fff，、“”]{2,}$/.test(last) && !isPhotoCredit(last)) return true;
  // After a "来源：" credit the next story opens with its headline, set in (after a leading
  // space) like a new block, however wide it is. Without the indent it is the other column's text.
  if (firstLineAfterCredit && /^\s/.test(lastLine) && !/[，；]/.test(last)) return false;
  // A page set in narrower columns (a report after the news) is measured by its own lines.
  // Not narrower than most of a column: a drop cap or a short line kept open by a comma is no measure.
  const measure = Math.min(style.wrapWidth, Math.max(paragraphWidth, style.wrapWidth * 0.7));
  // A semicolon that falls at the end of a full line parts two clauses; a list item starts anew.
  if (/；$/.test(last) && displayWidth(last) >= measure * 0.95) return !LIST_ITEM.test(next.trim());
  return !endsSentence(last) && displayWidth(last) >= measure * 0.78;
}

function isTwoPartHeadline(line: string): boolean {
  return /[^\s，。；！？][\u3000]+[^\s]|[^\s，。；！？] {3,}[^\s]/u.test(line) && !/[，。；！？]/.test(line);
}

/** A first character printed apart from the rest of its word: alone on its line, or set in and spaced off. */
function opensOnDropCap(firstLine: string): boolean {
  const text = firstLine.trim();
  return ([...text].length === 1 && isHan(text)) || /^\s+[\u3400-\u9fff\d]\s+[\u3400-\u9fff\d]/u.test(firstLine);
}

/** Punctuation a typesetter never starts a line with: it goes with the character before. */
const CLOSING = /^[，。、；：？！,.;:?!”’」』）》)\]】…—]+/;

/**
 * In a monospaced hard wrap a line went on when the next line's first unit (a character and
 * the punctuation that may not start a line, or a Latin word, which is never broken) would not
 * have fitted after it.
 */
function fillsColumn(lastLine: string, next: string, wrapWidth: number): boolean {
  const start = next.trim();
  const word = /^[A-Za-z0-9][A-Za-z0-9.%+\-]*/.exec(start)?.[0];
  const first = word ?? [...start][0] ?? '';
  const unit = first + (CLOSING.exec(start.slice(first.length))?.[0] ?? '');
  return printedWidth(lastLine) + displayWidth(unit) > wrapWidth;
}

/** Set in by two spaces or more, or by an ideographic space: a paragraph's first line. */
function opensParagraph(line: string): boolean {
  return /^(\u3000|[ \u00a0]{2,})/.test(line);
}

const LIST_ITEM = /^(（?[一二三四五六七八九十\d]+[）、.．]|[一二三四五六七八九十]+是)/;
const QUOTE_ATTRIBUTION = /^[\u4e00-\u9fff·]{2,20}(说|表示|强调|指出|认为|介绍|称)。/;

/** A quotation or title opened and not closed on the line: the sentence runs on. */
function opensUnclosed(line: string): boolean {
  const count = (pattern: RegExp) => line.match(pattern)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/《/g) > count(/》/g) || count(/[（(]/g) > count(/[）)]/g);
}
