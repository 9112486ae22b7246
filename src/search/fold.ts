/**
 * Case- and width-folding shared by the index, the query, the substring check and the
 * highlighter. Folding is done one code point at a time and remembers where every folded
 * code unit came from, so a match found in folded text maps back onto the original text.
 */

export interface FoldedText {
  /** The folded text: NFKC (full-width ＩＰｖ６ → ipv6) and lower case. */
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

export function foldWithOrigin(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of original) {
    const folded = foldChar(char);
    text += folded;
    for (let i = 0; i < folded.length; i++) origin.push(offset);
    offset += char.length;
  }
  return { text, origin };
}

export function fold(original: string): string {
  let text = '';
  for (const char of original) text += foldChar(char);
  return text;
}
