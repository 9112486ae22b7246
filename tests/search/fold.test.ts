import { describe, expect, it } from 'vitest';
import { fold, foldWithOrigin } from '../../src/search/fold.ts';

/** Folding by its definition: every code point on its own, NFKC then lower case, and the space rule. */
function foldByDefinition(original: string): string {
  const text = Array.from(original, (char) => char.normalize('NFKC').toLowerCase()).join('');
  const cjk = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014]/u;
  return text.replace(/[\p{Zs}\t]+/gu, (run: string, at: number, whole: string) =>
    cjk.test(Array.from(whole.slice(Math.max(0, at - 2), at)).pop() ?? '') || cjk.test(Array.from(whole.slice(at + run.length, at + run.length + 2))[0] ?? '') ? '' : run,
  );
}

describe('fold', () => {
  // Hanzi, an astral hanzi, full-width and upper-case Latin, a ligature, spaces, lone surrogates.
  const alphabet = ['光', '芯', '𠀀', 'Ａ', 'ｂ', 'Q', 'x', '５', 'ﬁ', '，', ' ', '\u3000', '\t', '\n', '\ud800', '\udc00', '①', 'É'];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts = Array.from({ length: 400 }, () => Array.from({ length: Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));

  it('folds every text as folding it one code point at a time does', () => {
    for (const text of texts) expect(fold(text)).toBe(foldByDefinition(text));
  });

  it('gives the text foldWithOrigin gives', () => {
    for (const text of texts) expect(fold(text)).toBe(foldWithOrigin(text).text);
  });

  it('drops a space beside hanzi, keeps one between Latin words and folds full-width Latin', () => {
    expect(fold('光子芯片 open ran')).toBe('光子芯片open ran');
    expect(fold('ＡＩ芯片')).toBe('ai芯片');
  });
});
