import { existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { BuiltSearchData } from './build-index.ts';
import { paths, REGISTRY, textName } from './shard-format.ts';

/** Wraps a payload as a classic script, the one format that loads over http and from file://. */
export function dataScript(kind: 'meta' | 'shard' | 'text', ...args: unknown[]): string {
  return `${REGISTRY}.${kind}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;
}

/**
 * Writes a few files at a time: one by one waits on the disk, all at once runs out of file
 * handles. A file already in the folder with the same bytes (a rebuild into the same folder)
 * is left alone: rewriting the 11,600 files of a ten-year archive took 2–7 s of a build that
 * changed none of them.
 */
async function writeAll(files: Map<string, () => string>, outDir: string, existing: Set<string>): Promise<void> {
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      const [path, make] = next;
      const text = make();
      const file = join(outDir, path);
      if (existing.has(path)) {
        const bytes = Buffer.from(text);
        // Read synchronously: a promise read is four trips to the thread pool, and it cost twice as much.
        let old: Buffer | null = null;
        try {
          old = readFileSync(file);
        } catch {
          // Gone since the folder was listed: written below.
        }
        if (old && old.equals(bytes)) continue;
        await writeFile(file, bytes);
      } else await writeFile(file, text);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/** The folders of search data whose files are all written by writeSearchData. */
const DATA_DIRS = ['search/shards', 'search/text'];

export async function writeSearchData(outDir: string, data: BuiltSearchData): Promise<string[]> {
  // Each file's text is made as it is written: all of them at once held 67 MB more at 120 issues.
  const files = new Map<string, () => string>();
  files.set(paths.meta, () => dataScript('meta', data.meta));
  data.shards.forEach((shard, k) => files.set(paths.shard(k), () => dataScript('shard', k, shard)));
  data.texts.forEach((text, n) => {
    const name = textName(data.meta, n);
    // Two documents under one name would show one's text for the other: never written so.
    if (files.has(paths.text(name))) throw new Error(`two documents named ${name}: an issue's documents must be consecutive`);
    files.set(paths.text(name), () => dataScript('text', name, text));
  });
  const existing = new Set<string>();
  for (const dir of DATA_DIRS) {
    await mkdir(join(outDir, dir), { recursive: true });
    for (const file of await listFiles(join(outDir, dir))) existing.add(`${dir}/${file}`);
  }
  // Shards of an earlier build (with another shard count) and texts of removed articles must
  // not linger in the site; nor the folder of an issue no longer in it.
  const stale = [...existing].filter((path) => !files.has(path));
  for (const path of stale) await rm(join(outDir, path), { force: true });
  for (const dir of new Set(stale.map(dirname))) {
    if (DATA_DIRS.includes(dir)) continue;
    try {
      rmdirSync(join(outDir, dir));
    } catch {
      // Not empty: an issue still in the site.
    }
  }
  // One folder per issue for its texts.
  for (const dir of new Set([...files.keys()].map(dirname))) mkdirSync(join(outDir, dir), { recursive: true });
  if (existsSync(join(outDir, paths.meta))) existing.add(paths.meta);
  await writeAll(files, outDir, existing);
  return [...files.keys()];
}

/** Every file under a folder, as site-relative paths with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}
