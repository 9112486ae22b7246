/**
 * Case- and width-folding shared by the index, the query, the substring check and the
 * highlighter. Folding is done one code point at a time and remembers where every folded
 * code unit came from, so a match found in folded text maps back onto the original text.
 *
 * Chinese text puts a space between Latin and hanzi at will ("5G 基站", "5G基站"), and PDF
 * extraction leaves spaces between hanzi: a space next to a CJK character carries no meaning,
 * so folding drops it. A space between two Latin words ("open ran") still separates them.
 */

export interface FoldedText {
  /** The folded text: NFKC (full-width ＩＰｖ６ → ipv6), lower case, no space beside CJK. */
  text: string;
  /** For every code unit of `text`, the offset of the code unit it came from in the original. */
  origin: number[];
}

const cache = new Map<string, string>();

/** Folds one code point; cached because bulletins repeat a few thousand characters endlessly. */
export function foldChar(char: string): string {
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKC').toLowerCase();
    cache.set(char, folded);
  }
  return folded;
}

/** Horizontal white space only: a line break still ends a block of text. */
const SPACE = /^[\p{Zs}\t]$/u;
/** Han, CJK punctuation and full-width forms (after NFKC, ，。“” stay CJK-wide). */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014]/u;

export function foldWithOrigin(original: string): FoldedText {
  const pieces: { text: string; offset: number; space: boolean }[] = [];
  let offset = 0;
  for (const char of original) {
    pieces.push({ text: foldChar(char), offset, space: SPACE.test(char) });
    offset += char.length;
  }
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.space) {
      // A run of spaces goes when the characters on either side of the run touch CJK.
      let end = i;
      while (end < pieces.length && pieces[end]!.space) end++;
      const before = pieces[i - 1]?.text ?? '';
      const after = pieces[end]?.text ?? '';
      if (CJK.test(before.slice(-2)) || CJK.test(after.slice(0, 2))) {
        i = end - 1;
        continue;
      }
    }
    text += piece.text;
    for (let k = 0; k < piece.text.length; k++) origin.push(piece.offset);
  }
  return { text, origin };
}

const SPACE_RUN = /[\p{Zs}\t]+/gu;

/** foldChar of each code unit that is a code point of its own (not half of a surrogate pair). */
const foldedUnits: (string | undefined)[] = new Array(0x10000);

/**
 * Every code point folded, copying the runs that fold to themselves (nearly all of a Chinese
 * text) in one slice: appending code point by code point was most of the time of folding the
 * archive's 7 million characters.
 */
function foldCodePoints(original: string): string {
  let text = '';
  let copiedTo = 0;
  for (let at = 0; at < original.length; ) {
    const unit = original.charCodeAt(at);
    const char = unit >= 0xd800 && unit <= 0xdbff ? String.fromCodePoint(original.codePointAt(at)!) : original[at]!;
    const folded = char.length === 1 ? (foldedUnits[unit] ??= foldChar(char)) : foldChar(char);
    if (folded !== char) {
      text += original.slice(copiedTo, at) + folded;
      copiedTo = at + char.length;
    }
    at += char.length;
  }
  return copiedTo === 0 ? original : text + original.slice(copiedTo);
}

/** The code point that ends at `at` ('' at the start); two code units when astral. */
function codePointBefore(text: string, at: number): string {
  if (at === 0) return '';
  const low = text.charCodeAt(at - 1);
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1]!;
}

/** The code point that starts at `at` ('' at the end). */
function codePointAt(text: string, at: number): string {
  return at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : '';
}

/** The text of foldWithOrigin without the offsets: the same rule, on the folded string. */
export function fold(original: string): string {
  const text = foldCodePoints(original);
  if (!/[\p{Zs}\t]/u.test(text)) return text;
  return text.replace(SPACE_RUN, (run: string, at: number, whole: string) =>
    CJK.test(codePointBefore(whole, at)) || CJK.test(codePointAt(whole, at + run.length)) ? '' : run,
  );
}
