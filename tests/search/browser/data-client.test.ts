import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataClient } from '../../../src/search/browser/data-client.ts';
import { dataScript, paths, REGISTRY, type SearchMeta } from '../../../src/search/shard-format.ts';

/** A document that records the script elements appended to its head, in order. */
function recordingDocument(): { appended: string[] } {
  const appended: string[] = [];
  vi.stubGlobal('document', {
    createElement: () => ({ src: '', remove() {} }),
    head: { append: (script: { src: string }) => appended.push(new URL(script.src).pathname.slice(1)) },
  });
  return { appended };
}

/** A fetch() that records the paths asked for and answers each from `files` when its answer is released. */
function recordingFetch(files: Record<string, { status: number; body: string }>) {
  const requested: string[] = [];
  const release = new Map<string, () => void>();
  vi.stubGlobal('fetch', (url: string) => {
    const path = new URL(url).pathname.slice(1);
    requested.push(path);
    return new Promise((resolve) => {
      release.set(path, () => {
        const file = files[path] ?? { status: 404, body: '<!doctype html>not found' };
        resolve({ ok: file.status === 200, status: file.status, text: async () => file.body });
      });
    });
  });
  return { requested, answer: (path: string) => release.get(path)!() };
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
const ok = (body: string) => ({ status: 200, body });

describe('the data client from file://', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts loading a text file in the very call that asks for it once the meta file has arrived', async () => {
    const { appended } = recordingDocument();
    const client = createDataClient(new URL('file:///media/archive/_site/'));
    const loadingMeta = client.meta();
    registry().meta(meta);
    await loadingMeta;
    const text = client.text(1);
    // No await between the call and the request: a load begun before a page's hits are scored
    // reaches the network before the scoring does.
    expect(appended).toEqual([paths.meta, paths.text('2020-11-x/1')].map((p) => `media/archive/_site/${p}`));
    registry().text('2020-11-x/1', ['slug', '标题', '', '正文']);
    await expect(text).resolves.toEqual(['slug', '标题', '', '正文']);
  });

  it('waits for the meta file to name a text file asked for before it arrives, and loads each file once', async () => {
    const { appended } = recordingDocument();
    const client = createDataClient(new URL('file:///archive/'));
    const text = client.text(0);
    const again = client.text(0);
    await Promise.resolve();
    expect(appended).toEqual([`archive/${paths.meta}`]);
    registry().meta(meta);
    await vi.waitFor(() => expect(appended).toEqual([paths.meta, paths.text('2020-11-x/0')].map((p) => `archive/${p}`)));
    registry().text('2020-11-x/0', ['slug', '标题', '', '正文']);
    await expect(Promise.all([text, again])).resolves.toHaveLength(2);
    expect(appended).toHaveLength(2);
  });
});

describe('the data client over http', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches a data file and reads its payload as JSON, without a script element', async () => {
    const { appended } = recordingDocument();
    const shard: [string, string][] = [['云网', 'ABC'], ['网络', '"quoted"\u2028']];
    const network = recordingFetch({ [paths.shard(3)]: ok(dataScript('shard', 3, shard)) });
    const loading = createDataClient(new URL('https://bulletins.example/')).shard(3);
    network.answer(paths.shard(3));
    await expect(loading).resolves.toEqual(shard);
    expect(appended).toEqual([]);
  });

  it('starts fetching a text file in the very call that asks for it once the meta file has arrived', async () => {
    const under = (path: string) => `sub/${path}`;
    const network = recordingFetch({
      [under(paths.meta)]: ok(dataScript('meta', meta)),
      [under(paths.text('2020-11-x/1'))]: ok(dataScript('text', '2020-11-x/1', ['slug', '标题', '', '正文'])),
    });
    const client = createDataClient(new URL('http://site.test/sub/'));
    const loadingMeta = client.meta();
    network.answer(under(paths.meta));
    await loadingMeta;
    const text = client.text(1);
    expect(network.requested).toEqual([under(paths.meta), under(paths.text('2020-11-x/1'))]);
    network.answer(under(paths.text('2020-11-x/1')));
    await expect(text).resolves.toEqual(['slug', '标题', '', '正文']);
  });

  it('rejects a page that is not a data file, naming the file, and fetches it again when asked again', async () => {
    const network = recordingFetch({});
    const client = createDataClient(new URL('http://site.test/'));
    const first = client.shard(7);
    network.answer(paths.shard(7));
    await expect(first).rejects.toThrow(`Could not load ${paths.shard(7)}: 404`);
    const second = client.shard(7);
    expect(network.requested).toEqual([paths.shard(7), paths.shard(7)]);
    network.answer(paths.shard(7));
    await expect(second).rejects.toThrow();
  });

  it('rejects a file that answers 200 with something other than its data script, naming the file and the fix', async () => {
    const network = recordingFetch({ [paths.shard(1)]: ok('<!doctype html><title>Sign in</title>') });
    const loading = createDataClient(new URL('http://site.test/')).shard(1);
    network.answer(paths.shard(1));
    await expect(loading).rejects.toThrow(`${paths.shard(1)} is not a search data file`);
    await expect(loading).rejects.toThrow('rebuild the site');
  });
});
