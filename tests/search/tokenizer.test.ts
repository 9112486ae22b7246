import { describe, expect, it } from 'vitest';
import { indexTerms, parseQuery } from '../../src/search/tokenizer.ts';

const terms = (text: string) => indexTerms(text).map((t) => t.term);
const queryTerms = (query: string) => parseQuery(query).flatMap((w) => w.parts.flatMap((p) => p.terms.map((t) => t.term)));

describe('the shared tokenizer', () => {
  it('indexes a Chinese run as its characters and overlapping bigrams', () => {
    expect(terms('华为芯片')).toEqual(['华', '华为', '为', '为芯', '芯', '芯片', '片']);
  });

  it('keeps Latin, digits and hanzi of one run together, folded to lower case and half width', () => {
    expect(terms('5G基站')).toEqual(['5', '5g', 'g', 'g基', '基', '基站', '站']);
    expect(terms('ＩＰｖ６')).toEqual(terms('ipv6'));
  });

  it('never makes a term across punctuation, or across a space between Latin words', () => {
    expect(terms('中国，移动通信')).not.toContain('国移');
    expect(terms('open ran')).not.toContain('nr');
    expect(terms('open ran')).not.toContain('n r');
  });

  it('ignores a space beside Chinese, so "5G 基站" and "5G基站" index alike', () => {
    expect(terms('5G 基站')).toEqual(terms('5G基站'));
    expect(terms('基站 5G')).toEqual(terms('基站5G'));
    expect(terms('移动　通信')).toEqual(terms('移动通信')); // an ideographic space too
    expect(terms('中a b')).toContain('a'); // only the characters touching the space count
    expect(terms('中a b')).not.toContain('ab');
  });

  it('keeps a space the reader types as a word break, even beside Chinese', () => {
    expect(parseQuery('5G 基站').map((w) => w.text)).toEqual(['5g', '基站']);
    expect(parseQuery('5G基站').map((w) => w.text)).toEqual(['5g基站']);
  });

  it('turns a multi-character query into bigrams and a one-character query into its unigram', () => {
    expect(queryTerms('华为')).toEqual(['华为']);
    expect(queryTerms('华')).toEqual(['华']);
    expect(queryTerms('AI芯片')).toEqual(['ai', 'i芯', '芯片']);
  });

  it('splits a query on spaces into words that are all required', () => {
    expect(parseQuery('运营商  部署').map((w) => w.text)).toEqual(['运营商', '部署']);
  });

  it('gives every query term of a verbatim substring to the text that contains it', () => {
    const text = '三大运营商持续推进IPv6规模部署，5G基站与AI芯片（国产）加速落地。';
    const chars = Array.from(text);
    const indexed = new Set(terms(text));
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= chars.length; end++) {
        for (const term of queryTerms(chars.slice(start, end).join(''))) expect(indexed).toContain(term);
      }
    }
  });

  it('records offsets into the folded text, which the phrase check relies on', () => {
    const offsets = indexTerms('ab，华为').filter((t) => t.term.length === 2).map((t) => [t.term, t.offset]);
    expect(offsets).toEqual([['ab', 0], ['华为', 3]]);
  });
});
