import { dataScriptArguments, paths, REGISTRY, textName, type DataKind, type DocText, type SearchMeta, type Shard } from '../shard-format.ts';

/**
 * Loads the search data files, which are classic scripts calling a registration global
 * (dataScript). From file:// they are loaded as <script> elements: Chromium refuses fetch(), XHR
 * and module scripts on local files, so a script element is the only way in. Over http(s) the
 * same file is fetched and its JSON arguments parsed instead: no element is inserted into the
 * page and no script compiled. At 120 issues (scripts/bench-search.ts, two interleaved runs of
 * 5 rounds) a warm query's p95 was 98.8 and 105 ms with script elements, 85.8 and 90.6 ms
 * fetched. The service worker sees and keeps both kinds of request alike.
 */
type Waiter = (payload: unknown) => void;

export interface DataClient {
  meta(): Promise<SearchMeta>;
  shard(k: number): Promise<Shard>;
  text(doc: number): Promise<DocText>;
}

export function createDataClient(root: URL): DataClient {
  const overHttp = root.protocol === 'http:' || root.protocol === 'https:';
  // Keyed by the file's path: each file registers with what its path is made of.
  const waiting = new Map<string, Waiter>();
  const loaded = new Map<string, Promise<unknown>>();
  const arrive = (path: string, payload: unknown) => waiting.get(path)?.(payload);
  (globalThis as Record<string, unknown>)[REGISTRY] = {
    meta: (m: unknown) => arrive(paths.meta, m),
    shard: (k: number, s: unknown) => arrive(paths.shard(k), s),
    // Under its file's name, which unlike the document's number stays from build to build (textName).
    text: (name: string, t: unknown) => arrive(paths.text(name), t),
  };

  /** A data file's payload, its last argument, by fetch() and JSON. */
  async function fetched(path: string, kind: DataKind): Promise<unknown> {
    const response = await fetch(new URL(path, root).href);
    if (!response.ok) throw new Error(`Could not load ${path}: ${response.status}`);
    const args = dataScriptArguments(await response.text(), kind, path);
    return args[args.length - 1];
  }

  /** A data file's payload, by running the file as a script that registers it. */
  function run(path: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      waiting.set(path, resolve);
      const script = document.createElement('script');
      script.src = new URL(path, root).href;
      script.onerror = () => reject(new Error(`Could not load ${path}`));
      script.onload = () => script.remove();
      document.head.append(script);
    });
  }

  function load<T>(path: string, kind: DataKind): Promise<T> {
    let promise = loaded.get(path);
    if (!promise) {
      promise = overHttp ? fetched(path, kind) : run(path);
      // Let a later attempt retry, e.g. when the network is back.
      promise.catch(() => loaded.delete(path));
      loaded.set(path, promise);
    }
    return promise as Promise<T>;
  }

  /** The meta file once it has arrived: a text file is then named, and its load started, in the same step. */
  let arrived: SearchMeta | undefined;
  const meta = () => load<SearchMeta>(paths.meta, 'meta').then((m) => (arrived = m));
  const text = (m: SearchMeta, n: number) => load<DocText>(paths.text(textName(m, n)), 'text');
  return {
    meta,
    shard: (k) => load(paths.shard(k), 'shard'),
    // Named from the meta file, which every query has loaded before it shows a result. Started
    // at once when it has, not after an await: a load begun before the page's hits are scored
    // (prefetchLeader) must reach the network before the scoring, not after it.
    text: (n) => (arrived ? text(arrived, n) : meta().then((m) => text(m, n))),
  };
}
