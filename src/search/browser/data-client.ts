import { paths, REGISTRY, textName, type DocText, type SearchMeta, type Shard } from '../shard-format.ts';

/**
 * Loads the search data as classic <script> files that call a registration global. This is
 * the only way to load data that works both over http(s) and from file:// in Chromium,
 * which refuses fetch(), XHR and module scripts on local files.
 */
type Waiter = (payload: unknown) => void;

export interface DataClient {
  meta(): Promise<SearchMeta>;
  shard(k: number): Promise<Shard>;
  text(doc: number): Promise<DocText>;
}

export function createDataClient(root: URL): DataClient {
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

  function load<T>(path: string): Promise<T> {
    let promise = loaded.get(path);
    if (!promise) {
      promise = new Promise((resolve, reject) => {
        waiting.set(path, resolve);
        const script = document.createElement('script');
        script.src = new URL(path, root).href;
        script.onerror = () => {
          loaded.delete(path); // let a later attempt retry, e.g. when the network is back
          reject(new Error(`Could not load ${path}`));
        };
        script.onload = () => script.remove();
        document.head.append(script);
      });
      loaded.set(path, promise);
    }
    return promise as Promise<T>;
  }

  /** The meta file once it has arrived: a text file is then named, and its load started, in the same step. */
  let arrived: SearchMeta | undefined;
  const meta = () => load<SearchMeta>(paths.meta).then((m) => (arrived = m));
  const text = (m: SearchMeta, n: number) => load<DocText>(paths.text(textName(m, n)));
  return {
    meta,
    shard: (k) => load(paths.shard(k)),
    // Named from the meta file, which every query has loaded before it shows a result. Started
    // at once when it has, not after an await: a load begun before the page's hits are scored
    // (prefetchLeader) must reach the network before the scoring, not after it.
    text: (n) => (arrived ? text(arrived, n) : meta().then((m) => text(m, n))),
  };
}
