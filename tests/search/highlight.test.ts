import { describe, expect, it } from 'vitest';
import { matchRanges, snippet, wholeMatchRanges } from '../../src/search/highlight.ts';
import { parseQuery } from '../../src/search/tokenizer.ts';

const marked = (text: string, query: string) =>
  matchRanges(text, parseQuery(query)).map(([s, e]) => text.slice(s, e));

describe('highlighting matches', () => {
  it('marks Latin case-insensitively and full-width forms', () => {
    expect(marked('IPv6 与 ＩＰｖ６ 与 ipv6', 'ipv6')).toEqual(['IPv6', 'ＩＰｖ６', 'ipv6']);
  });

  it('marks each word of a multi-word query', () => {
    expect(marked('运营商推进规模部署', '部署 运营商')).toEqual(['运营商', '部署']);
  });

  it('marks the bigrams when the words only occur apart', () => {
    expect(marked('华为公司表示，作为芯片行业', '华为芯片')).toEqual(['华为', '为芯片']);
  });

  it('keeps markup in the text as plain segments, never as markup', () => {
    const parts = snippet('嵌入了 <script>alert(1)</script> 片段', parseQuery('script'));
    expect(parts.map((p) => p.text).join('')).toBe('嵌入了 <script>alert(1)</script> 片段');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['script', 'script']);
  });

  it('cuts a window around the first match with ellipses', () => {
    const text = '甲'.repeat(100) + '华为' + '乙'.repeat(200);
    const parts = snippet(text, parseQuery('华为'));
    expect(parts[0]!.text).toBe('…');
    expect(parts.find((p) => p.marked)!.text).toBe('华为');
    expect(parts.map((p) => p.text).join('').length).toBeLessThan(120);
  });
});

describe('whole matches, for the article page', () => {
  it('marks the whole query word, spaced or not, and never a lone part of it', () => {
    const text = '新建 5G 基站，5G 手机，5G基站，国际市场';
    const marked = wholeMatchRanges(text, parseQuery('5G基站')).map(([s, e]) => text.slice(s, e));
    expect(marked).toEqual(['5G 基站', '5G基站']);
    expect(wholeMatchRanges(text, parseQuery('中芯国际'))).toEqual([]);
  });
});

describe('folding with and without offsets', () => {
  it('gives the same text both ways, spaces beside Chinese dropped alike', async () => {
    const { fold, foldWithOrigin } = await import('../../src/search/fold.ts');
    for (const text of ['中a b', '5G 基站', 'a　b', '基站 5G 与 open ran', '𠀀 x', 'x 𠀀', ' 甲 ', 'ＩＰｖ６ 部署']) {
      expect(fold(text), text).toBe(foldWithOrigin(text).text);
    }
  });
});
