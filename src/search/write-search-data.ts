import { closeSync, constants, copyFileSync, existsSync, ftruncateSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { BuiltSearchData, ShardsWritten } from './build-index.ts';
import { dataScript, paths, textName, type Shard } from './shard-format.ts';

/** What a name is (a symbolic link is not followed), or undefined when it is not there; never an error. */
function statOf(file: string): Stats | undefined {
  try {
    return lstatSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Whether a file holds exactly these bytes: read only when the size matches, and never an error. */
function holds(file: string, bytes: Buffer, stat = statOf(file)): boolean {
  // Synchronously: a promise stat or read is several trips to the thread pool per file, and
  // a build compares thousands.
  try {
    return stat !== undefined && stat.size === bytes.length && readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/** What writeSearchData did with each of its files. */
export interface SearchDataWrite {
  /** Every file of the search data, site-relative. */
  files: string[];
  /** Files whose bytes were written. */
  written: number;
  /** Files taken from the previous site, which held them byte for byte: hard-linked (copied where links are refused). */
  reused: number;
  /** Files already in the output folder byte for byte, left alone. */
  unchanged: number;
}

/**
 * Writes every file, one after another and synchronously: awaited writes, even 16 at a time,
 * left the build idle between trips to the thread pool (8,300 shards of a ten-year archive:
 * 1.3 s awaited, 1.0 s in a plain loop). A file already in the folder with the same bytes (a
 * rebuild into the same folder) is left alone: rewriting the 11,600 files of a ten-year archive
 * took 2–7 s of a build that changed none of them. Building into a staging folder, a file the
 * previous site holds with the same bytes is hard-linked from it instead of written.
 */
function writeAll(files: Map<string, (() => string) | null>, outDir: string, existing: Set<string> | null, previous: string | null): Omit<SearchDataWrite, 'files'> {
  const done = { written: 0, reused: 0, unchanged: 0 };
  for (const [path, make] of files) {
    if (!make) continue;
    const bytes = Buffer.from(make());
    const file = join(outDir, path);
    // No listing (writeShards): whether the file is there is asked of the file itself.
    const here = existing && !existing.has(path) ? undefined : statOf(file);
    if (here && holds(file, bytes, here)) {
      done.unchanged++;
      continue;
    }
    const from = previous === null ? null : join(previous, path);
    if (from !== null && holds(from, bytes)) {
      // The name is freed for the link, whatever the file behind it.
      if (here) removeName(file);
      // Linked only at a path this build writes nothing else to, so nothing is ever
      // written through the link into the previous site.
      try {
        linkSync(from, file);
      } catch {
        // Refused (another file system), or the name is taken by what the listing left out.
        removeName(file);
        copyFileSync(from, file, constants.COPYFILE_EXCL);
      }
      done.reused++;
      continue;
    }
    // A file with other links (one an earlier staging build made) is replaced, not written
    // into, which would change the site it was linked from too; so is a symbolic link. A file
    // of this folder alone is written over.
    if (here?.isFile() && here.nlink === 1) writeOver(file, bytes, here.size);
    else {
      if (here) removeName(file);
      writeNew(file, bytes);
    }
    done.written++;
  }
  return done;
}

/**
 * Writes bytes over a file's own from its start, then cuts what is left of the old ones, if
 * any. Not emptied first (as writeFileSync does) nor made anew, and not cut when it did not
 * shrink: on this disk each of those frees or trims the file's blocks and waits for it, and a
 * shard of one more issue is a little longer than it was (8,248 shards of a ten-year archive:
 * 1.16 s emptied and written, 0.12–0.15 s written over).
 */
function writeOver(file: string, bytes: Buffer, oldSize: number): void {
  const fd = openSync(file, 'r+');
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, at);
    if (oldSize > bytes.length) ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes a new file, never opening one that is there: a name the folder's listing left out (a
 * symbolic link is not a file to it) is freed first, not written through.
 */
function writeNew(file: string, bytes: Buffer): void {
  try {
    writeFileSync(file, bytes, { flag: 'wx' });
  } catch {
    removeName(file);
    writeFileSync(file, bytes, { flag: 'wx' });
  }
}

/** Removes one name of a file; one gone since the folder was listed is no error. */
function removeName(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already.
  }
}

/**
 * Writes the shards into a site's search/shards, as writeSearchData would, from the thread that
 * made them (postings-cache.ts): a worker, while the build's own thread renders the pages.
 * Handed to the build's thread, 8,000 shards of a ten-year archive were copied between the
 * threads and then written by it after the pages, the largest part of one more issue's
 * rebuild after the pages. Stale shards are left to writeSearchData, which runs later.
 */
export function writeShards(shards: Shard[], outDir: string, previous: string | null): ShardsWritten {
  mkdirSync(join(outDir, 'search/shards'), { recursive: true });
  const files = new Map<string, () => string>();
  shards.forEach((shard, k) => files.set(paths.shard(k), () => dataScript('shard', k, shard)));
  const from = previous !== null && resolve(previous) !== resolve(outDir) ? resolve(previous) : null;
  return { shardCount: shards.length, ...writeAll(files, outDir, null, from) };
}

/** The folders of search data whose files are all written by writeSearchData. */
export const DATA_DIRS = ['search/shards', 'search/text'];

export interface WriteSearchDataOptions {
  /**
   * The site this build replaces, when it is built into another folder (a staging one; see
   * PREVIOUS_SITE_ENV): files it holds with the same bytes are linked from it. The output
   * folder itself, or none, is a build in place.
   */
  previous?: string;
}

export async function writeSearchData(outDir: string, data: BuiltSearchData, options: WriteSearchDataOptions = {}): Promise<SearchDataWrite> {
  // Each file's text is made as it is written: all of them at once held 67 MB more at 120 issues.
  const files = new Map<string, (() => string) | null>();
  files.set(paths.meta, () => dataScript('meta', data.meta));
  // Shards written where they were made (writeShards) are only kept from the stale files' removal.
  if (data.shardsWritten) for (let k = 0; k < data.shardsWritten.shardCount; k++) files.set(paths.shard(k), null);
  else data.shards.forEach((shard, k) => files.set(paths.shard(k), () => dataScript('shard', k, shard)));
  data.texts.forEach((text, n) => {
    const name = textName(data.meta, n);
    // Two documents under one name would show one's text for the other: never written so.
    if (files.has(paths.text(name))) throw new Error(`two documents named ${name}: an issue's documents must be consecutive`);
    files.set(paths.text(name), () => dataScript('text', name, text));
  });
  const existing = new Set<string>();
  for (const dir of DATA_DIRS) {
    await mkdir(join(outDir, dir), { recursive: true });
    for (const file of listFiles(join(outDir, dir))) existing.add(`${dir}/${file}`);
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
  const previous = options.previous !== undefined && resolve(options.previous) !== resolve(outDir) ? resolve(options.previous) : null;
  const done = writeAll(files, outDir, existing, previous);
  const shards = data.shardsWritten ?? { written: 0, reused: 0, unchanged: 0 };
  return { files: [...files.keys()], written: done.written + shards.written, reused: done.reused + shards.reused, unchanged: done.unchanged + shards.unchanged };
}

/**
 * Every file under a folder, as site-relative paths with forward slashes. Synchronously: the
 * promise form of a recursive listing asks the thread pool once per folder, and a site has a
 * folder per page (a ten-year archive's 22,500 files in 11,000 folders: 0.6–1.0 s, against
 * 0.1 s for this). Each entry's folder is the listed one's absolute path, then the folder
 * inside it, so the relative path is cut from it: path.relative resolves both of its paths
 * for each of 24,000 files (70–120 ms).
 */
export function listFiles(dir: string): string[] {
  const root = resolve(dir);
  const entries = readdirSync(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const folder = entry.parentPath === root ? '' : entry.parentPath.slice(root.length + 1);
    files.push(folder === '' ? entry.name : `${sep === '/' ? folder : folder.split(sep).join('/')}/${entry.name}`);
  }
  return files.sort();
}
