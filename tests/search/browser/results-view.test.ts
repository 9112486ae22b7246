import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchLeader } from '../../../src/search/browser/results-view.ts';
import { lunr } from '../../../src/search/lunr-setup.ts';
import type { DocText } from '../../../src/search/shard-format.ts';
import { doc, memoryEngine } from '../support/memory-engine.ts';

describe('loading the leading result before the page is scored', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the text of the hit that comes first, before Lunr scores any hit', async () => {
    const engine = memoryEngine([
      doc({ body: '报道称云计算市场增长。' }),
      doc({ title: '云计算平台发布', body: '正文。' }),
      doc({ body: '云计算，云计算，云计算。' }),
    ]);
    const ranked = await engine.rank('云计算');
    const order: string[] = [];
    const scoring = vi.spyOn(lunr.Index.prototype, 'query');
    const text = vi.fn((d: number) => {
      order.push(`text ${d}`);
      expect(scoring).not.toHaveBeenCalled();
      return Promise.resolve(['', '', '', ''] as DocText);
    });
    prefetchLeader(ranked, text);
    const [first] = ranked.slice(0, 20);
    expect(order).toEqual([`text ${first!.doc}`]);
    expect(first!.doc).toBe(1);
    expect(scoring).toHaveBeenCalled();
  });

  it('swallows a failed load: the result that shows the text reports it', async () => {
    const ranked = await memoryEngine([doc({ body: '云计算。' })]).rank('云计算');
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    expect(() => prefetchLeader(ranked, failing)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(failing).toHaveBeenCalledWith(0);
  });
});
