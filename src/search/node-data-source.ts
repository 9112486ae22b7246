import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import { paths, REGISTRY, textName, type DocText, type SearchMeta, type Shard } from './shard-format.ts';

/**
 * Reads the built data scripts in Node exactly as a browser would run them (evaluating the
 * script with a registration global), for tests and the benchmark.
 */
async function runDataScript<T>(file: string): Promise<T> {
  let payload: unknown;
  const capture = (...args: unknown[]) => (payload = args[args.length - 1]);
  vm.runInNewContext(await readFile(file, 'utf8'), { [REGISTRY]: { meta: capture, shard: capture, text: capture } });
  return payload as T;
}

export function nodeDataSource(siteDir: string) {
  const meta = () => runDataScript<SearchMeta>(join(siteDir, paths.meta));
  return {
    meta,
    shard: (k: number) => runDataScript<Shard>(join(siteDir, paths.shard(k))),
    // As the browser does (data-client.ts): a text file's name comes from the meta file.
    text: async (n: number) => runDataScript<DocText>(join(siteDir, paths.text(textName(await meta(), n)))),
  };
}
