import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataClient } from '../../../src/search/browser/data-client.ts';
import { paths, REGISTRY, type SearchMeta } from '../../../src/search/shard-format.ts';

/** A document that records the script elements appended to its head, in order. */
function recordingDocument(): { appended: string[] } {
  const appended: string[] = [];
  vi.stubGlobal('document', {
    createElement: () => ({ src: '', remove() {} }),
    head: { append: (script: { src: string }) => appended.push(new URL(script.src).pathname.slice(1)) },
  });
  return { appended };
}

const meta: SearchMeta = {
  build: 'b1',
  shardCount: 4,
  sections: ['产业环境'],
  issues: [{ id: '2020-11-x', date: '2020-11-01' }],
  docs: [[0, 0], [0, 0]],
  fieldLengths: '',
};
const registry = () => (globalThis as unknown as Record<string, { meta(m: unknown): void; text(name: string, t: unknown): void }>)[REGISTRY]!;

describe('the data client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts loading a text file in the very call that asks for it once the meta file has arrived', async () => {
    const { appended } = recordingDocument();
    const client = createDataClient(new URL('http://site.test/'));
    const loadingMeta = client.meta();
    registry().meta(meta);
    await loadingMeta;
    const text = client.text(1);
    // No await between the call and the request: a load begun before a page's hits are scored
    // reaches the network before the scoring does.
    expect(appended).toEqual([paths.meta, paths.text('2020-11-x/1')]);
    registry().text('2020-11-x/1', ['slug', '标题', '', '正文']);
    await expect(text).resolves.toEqual(['slug', '标题', '', '正文']);
  });

  it('waits for the meta file to name a text file asked for before it arrives, and loads each file once', async () => {
    const { appended } = recordingDocument();
    const client = createDataClient(new URL('http://site.test/'));
    const text = client.text(0);
    const again = client.text(0);
    await Promise.resolve();
    expect(appended).toEqual([paths.meta]);
    registry().meta(meta);
    await vi.waitFor(() => expect(appended).toEqual([paths.meta, paths.text('2020-11-x/0')]));
    registry().text('2020-11-x/0', ['slug', '标题', '', '正文']);
    await expect(Promise.all([text, again])).resolves.toHaveLength(2);
    expect(appended).toHaveLength(2);
  });
});
