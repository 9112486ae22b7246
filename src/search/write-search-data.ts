import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BuiltSearchData } from './build-index.ts';
import { paths, REGISTRY } from './shard-format.ts';

/** Wraps a payload as a classic script, the one format that loads over http and from file://. */
export function dataScript(kind: 'meta' | 'shard' | 'text', ...args: unknown[]): string {
  return `${REGISTRY}.${kind}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;
}

export async function writeSearchData(outDir: string, data: BuiltSearchData): Promise<string[]> {
  // Shards of an earlier build (with another shard count) must not linger in the site.
  for (const dir of ['search/shards', 'search/text']) await rm(join(outDir, dir), { recursive: true, force: true });
  const files = new Map<string, string>();
  files.set(paths.meta, dataScript('meta', data.meta));
  data.shards.forEach((shard, k) => files.set(paths.shard(k), dataScript('shard', k, shard)));
  data.texts.forEach((text, n) => files.set(paths.text(n), dataScript('text', n, text)));
  for (const [path, content] of files) {
    await mkdir(dirname(join(outDir, path)), { recursive: true });
    await writeFile(join(outDir, path), content);
  }
  return [...files.keys()];
}
