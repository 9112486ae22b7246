import { paths, REGISTRY, type DocText, type SearchMeta, type Shard } from '../shard-format.ts';

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
  const waiting = new Map<string, Waiter>();
  const loaded = new Map<string, Promise<unknown>>();
  const arrive = (key: string) => (payload: unknown) => waiting.get(key)?.(payload);
  (globalThis as Record<string, unknown>)[REGISTRY] = {
    meta: (m: unknown) => arrive('meta')(m),
    shard: (k: number, s: unknown) => arrive(`shard:${k}`)(s),
    text: (n: number, t: unknown) => arrive(`text:${n}`)(t),
  };

  function load<T>(key: string, path: string): Promise<T> {
    let promise = loaded.get(key);
    if (!promise) {
      promise = new Promise((resolve, reject) => {
        waiting.set(key, resolve);
        const script = document.createElement('script');
        script.src = new URL(path, root).href;
        script.onerror = () => {
          loaded.delete(key); // let a later attempt retry, e.g. when the network is back
          reject(new Error(`Could not load ${path}`));
        };
        script.onload = () => script.remove();
        document.head.append(script);
      });
      loaded.set(key, promise);
    }
    return promise as Promise<T>;
  }

  return {
    meta: () => load('meta', paths.meta),
    shard: (k) => load(`shard:${k}`, paths.shard(k)),
    text: (n) => load(`text:${n}`, paths.text(n)),
  };
}
