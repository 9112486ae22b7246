import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuiltSearchData } from './build-index.ts';
import { paths, REGISTRY } from './shard-format.ts';

/** Wraps a payload as a classic script, the one format that loads over http and from file://. */
export function dataScript(kind: 'meta' | 'shard' | 'text', ...args: unknown[]): string {
  return `${REGISTRY}.${kind}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;
}

/** Writes a few files at a time: one by one waits on the disk, all at once runs out of file handles. */
async function writeAll(files: Map<string, string>, outDir: string): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) await writeFile(join(outDir, next[0]), next[1]);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

export async function writeSearchData(outDir: string, data: BuiltSearchData): Promise<string[]> {
  // Shards of an earlier build (with another shard count) must not linger in the site.
  for (const dir of ['search/shards', 'search/text']) {
    await rm(join(outDir, dir), { recursive: true, force: true });
    await mkdir(join(outDir, dir), { recursive: true });
  }
  const files = new Map<string, string>();
  files.set(paths.meta, dataScript('meta', data.meta));
  data.shards.forEach((shard, k) => files.set(paths.shard(k), dataScript('shard', k, shard)));
  data.texts.forEach((text, n) => files.set(paths.text(n), dataScript('text', n, text)));
  await writeAll(files, outDir);
  return [...files.keys()];
}

/** Every file under a folder, as site-relative paths with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}
