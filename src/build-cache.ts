import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';

const projectRoot = resolve(import.meta.dirname, '..');
let version: string | null = null;

/**
 * A hash of all of our source and of the locked dependencies: what every product a build keeps
 * for the next one depends on besides its own input. Any change of code makes them anew.
 */
export function sourceVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  hashFolder(hash, join(projectRoot, 'src'));
  try {
    hash.update(readFileSync(join(projectRoot, 'package-lock.json')));
  } catch {
    // A copy of the project without its lockfile (a test's temp project): our source alone.
    hash.update('no lockfile');
  }
  return (version = hash.digest('base64url').slice(0, 22));
}

/** Adds every file of a folder to a hash, its path (relative to the folder) and its bytes, in a fixed order. */
export function hashFolder(hash: Hash, dir: string): Hash {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`\n${file}\n`).update(readFileSync(join(dir, file)));
  return hash;
}

/**
 * The values cachedValue gave out in this process, by file. npm start's warm Eleventy process
 * builds again and again: reading each issue's kept values again (about 40 MB at 120 issues)
 * was half a second of every rebuild. A file's name is its key, a hash of everything its value
 * is made of, so a value kept here is the file's. Only the last build's are kept
 * (forgetAllBut).
 */
const inMemory = new Map<string, unknown>();

/** Frozen, so that no build changes a value the next one is given too (a change throws). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Kept values are in V8's own serialization (node:v8), not JSON: a value is mostly Chinese text,
 * which JSON keeps as UTF-8 and every build decoded again. The 121 issues of a ten-year archive's
 * rendered articles (31 million characters) took 340 ms to read and parse as JSON and 26–57 ms
 * to read and deserialize, where strings are copied as they are held. A file another Node wrote
 * in a format this one cannot read, or one cut short, fails to deserialize and is made again.
 */
const KEPT = '.v8';

/**
 * Whether a file of a cache folder is a kept value, one a killed build left half written, or
 * one in the JSON of earlier builds: what pruneUnused may delete there.
 */
export const isKeptValueFile = (name: string) => name.endsWith(KEPT) || name.endsWith(`${KEPT}.tmp`) || name.endsWith('.json');

/**
 * The value kept under `key` in `dir` by an earlier build, or else `make()`'s, kept for the
 * next. Written aside and renamed, so a killed build never leaves half a file to be read; a
 * cache that cannot be read or written only makes the build slower, never different. The value
 * is frozen: it may be given again to a later build of the same process. Values are what
 * structured clone keeps (plain objects, arrays, strings, numbers, typed arrays).
 */
export function cachedValue<T>(dir: string, key: string, make: () => T): T {
  const file = resolve(dir, `${key}${KEPT}`);
  if (inMemory.has(file)) {
    markUsed(file);
    return inMemory.get(file) as T;
  }
  const value = deepFreeze(readOrMake(file, make));
  inMemory.set(file, value);
  return value;
}

function readOrMake<T>(file: string, make: () => T): T {
  try {
    const value = deserialize(readFileSync(file)) as T;
    markUsed(file);
    return value;
  } catch {
    // Not there yet, or unreadable: made below.
  }
  const value = make();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, serialize(value));
    renameSync(`${file}.tmp`, file);
  } catch {
    // A read-only or full disk: this build goes on without keeping it.
  }
  return value;
}

/** Drops from memory the values of `dir` but those of these keys: what one build used, kept for the next. */
export function forgetAllBut(dir: string, keys: Iterable<string>): void {
  const wanted = new Set([...keys].map((key) => resolve(dir, `${key}${KEPT}`)));
  const prefix = resolve(dir) + sep;
  for (const file of inMemory.keys()) if (file.startsWith(prefix) && !wanted.has(file)) inMemory.delete(file);
}

/** Marks a kept file used now, so pruneUnused keeps it another UNUSED_DAYS. */
export function markUsed(file: string): void {
  const now = Date.now() / 1000;
  try {
    utimesSync(file, now, now);
  } catch {
    // Another build removed it: it is simply made again next time.
  }
}

/** A kept file no build has used for this long is deleted: each edit of an issue leaves one behind. */
export const UNUSED_DAYS = 30;

/**
 * Deletes the files of `dir` (those `kept` says are the cache's, by name) that no build has
 * read or written for UNUSED_DAYS.
 */
export function pruneUnused(dir: string, kept: (name: string) => boolean = () => true): void {
  const now = Date.now();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!kept(name)) continue;
    try {
      const file = join(dir, name);
      if (now - statSync(file).mtimeMs > UNUSED_DAYS * 86_400_000) rmSync(file, { force: true });
    } catch {
      // Left as it is: a cache that cannot be tidied (read-only, or a file another build tidied first) is still a cache.
    }
  }
}
