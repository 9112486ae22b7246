/** Character classes and small text helpers shared by the ingest stages. */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2014\u2026\u00b7]/u;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

export function isCjk(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // Fast path: ASCII is by far the most common non-Chinese character.
  return code >= 0x2018 && CJK.test(ch);
}

export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** Width in half-width columns: how a hard-wrapping PDF or magazine extractor measured the line. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isCjk(ch) ? 2 : 1;
  return width;
}

/** Ends like a finished sentence or a lead-in to a list: the printed paragraph may end here. */
export function endsSentence(text: string): boolean {
  return /[。！？!?；;…：:][”’」』）)]*$/.test(text.trim());
}

/** Mid-sentence punctuation at the end means the text surely goes on. */
export function endsMidSentence(text: string): boolean {
  return /[，、（(《“‘—\-]$/.test(text.trim());
}

/**
 * Joins two pieces of one paragraph that a line wrap or page break separated.
 * Chinese needs no space at the seam; two Latin words do.
 */
export function joinWrapped(left: string, right: string): string {
  const a = left.replace(/\s+$/, '');
  const b = right.replace(/^\s+/, '');
  // A word and the number after it are two words too ("CPC 2020"); "5" and "G" are one ("5G").
  if (/[A-Za-z]$/.test(a) && /^[A-Za-z0-9]/.test(b)) return `${a} ${b}`;
  return a + b;
}

/**
 * Removes the spaces PDF and magazine extraction leave inside Chinese text, which a browser
 * would show as gaps, and joins a year that extraction split after its first digit (" 2 020 年").
 */
export function tidySpaces(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’—…·]) (?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’—…·])/gu, '')
    .replace(/(?<![\d.,])(\d) (\d{3})(?=\s?年)/g, '$1$2')
    .trim();
}

/** Spacing a typesetter put between the halves of a display line ("…优异    直挂云帆济沧海"); body text has none. */
const WIDE_GAP = String.raw`(?<=\S)[ \u3000\u00a0]{3,}(?=\S)`;
/**
 * Between two phrases of a heading printed on one line ("营造创新生态 山西大力发展…", "排名 网站名称",
 * "走出某某的围城 用 AI 开拓…": the second phrase may go on in Latin letters after one character),
 * a space is the typesetter's: body text almost never has one between Chinese characters.
 * Letter-spacing ("来 源 ： 水 煮") parts single characters, not phrases, and goes.
 */
const PHRASE_GAP = new RegExp(`${WIDE_GAP}|(?<=[\u3400-\u9fff”》）]{2})[ \u3000\u00a0]+(?=[\u3400-\u9fff“《（](?:[\u3400-\u9fff“《（]|[ \u00a0]?[A-Za-z0-9]))`, 'g');

export function hasWideGap(text: string): boolean {
  return new RegExp(WIDE_GAP).test(text.trim());
}

/**
 * Like tidySpaces, for a heading printed on one line: the gap between its phrases stays, as one
 * ideographic space, as Chinese typesetting parts them ("让百姓少跑腿　数据多跑路"); search folds
 * it to a space.
 */
export function tidyHeadingSpaces(text: string): string {
  return text.trim().split(PHRASE_GAP).map(tidySpaces).filter(Boolean).join('\u3000');
}

/** The same text with all spacing removed: for comparing headlines with table-of-contents entries. */
export function compact(text: string): string {
  return text.replace(/[\s\u00a0\u3000.。·…]+/g, '');
}
