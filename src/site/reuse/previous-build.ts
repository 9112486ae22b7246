import { readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { copyFile, link, mkdir, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { PagedPage } from './page-keys.ts';

/**
 * The keys of the pages a build wrote, kept in the site folder itself so they always describe
 * the files beside them: a site folder is swapped in whole (src/publish/swap-dir.ts), keys
 * included. Not a page: the offline manifest leaves it out.
 */
export const PAGE_KEYS_FILE = '.page-keys.json';
/** The keys of an older site being built on, set aside by clearForRebuild until planReuse has read them. */
const OWN_KEYS_FILE = `${PAGE_KEYS_FILE}.own`;

interface KeysFile {
  version: 1;
  /** Output path → [key, size in bytes of the file written]. */
  pages: Record<string, [string, number]>;
}

/** A site's recorded keys: its published ones, or (OWN_KEYS_FILE) those of the spare being rebuilt. */
function readKeys(site: string, file = PAGE_KEYS_FILE): KeysFile['pages'] {
  try {
    const parsed = JSON.parse(readFileSync(join(site, file), 'utf8')) as KeysFile;
    return parsed.version === 1 && parsed.pages && typeof parsed.pages === 'object' ? parsed.pages : {};
  } catch {
    // None yet, or unreadable: every page is rendered.
    return {};
  }
}

function sizeOf(file: string): number | null {
  return statOf(file)?.size ?? null;
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Removes a file, and its folder when that leaves the folder empty; nothing if it is gone. */
function removeFile(site: string, path: string): void {
  try {
    unlinkSync(join(site, path));
  } catch {
    return;
  }
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    try {
      rmdirSync(join(site, dir));
    } catch {
      return; // not empty: another page is still in it
    }
  }
}

/**
 * Readies an older site, kept as the next build's staging folder (src/publish/build-site.ts),
 * for a build on top of it: every file but the paginated pages its keys record and the
 * folders `keepDirs` (written by their own writer, which replaces a changed file rather than
 * writing into it) is removed, along with its keys. What is left is decided page by page by
 * planReuse. Run before Eleventy writes anything: the older site's files can be hard links
 * into the published site, and a file written in place here would change that one too.
 */
export function clearForRebuild(output: string, keepDirs: string[]): void {
  output = resolve(output);
  const recorded = readKeys(output);
  let entries;
  try {
    entries = readdirSync(output, { recursive: true, withFileTypes: true });
  } catch {
    return; // no folder yet: a build from nothing
  }
  const kept = (path: string) => path === PAGE_KEYS_FILE || path in recorded || keepDirs.some((dir) => path.startsWith(`${dir}/`));
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const path = relative(output, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!kept(path)) removeFile(output, path);
  }
  // Kept aside, not deleted: planReuse reads it, and a build killed before then leaves none.
  try {
    renameSync(join(output, PAGE_KEYS_FILE), join(output, OWN_KEYS_FILE));
  } catch {
    // No keys: nothing of the older site is kept.
  }
}

/** Which pages this build renders, and which it takes from the previous build. */
export interface ReusePlan {
  output: string;
  previous: string;
  render: PagedPage[];
  reused: PagedPage[];
  /** Building on an older site (clearForRebuild): its pages whose files are already right, left in place. */
  kept: PagedPage[];
  all: PagedPage[];
  /** The reused pages being linked into a staging folder (startLinking), awaited by completeReuse. */
  linking: Promise<void> | null;
}

/**
 * Compares this build's pages with the previous build of the site: a page whose key is the
 * one recorded there, and whose file is still there at the recorded size, is reused.
 *
 * `previous` is the published site when the build goes to a staging folder, or the output
 * folder itself. Building in place, the keys file is removed before a page is written: a
 * build killed half-way then leaves no keys that could vouch for a page it rewrote.
 *
 * A staging folder that holds an older site (cleared by clearForRebuild) keeps a page whose
 * key its own keys record, at the recorded size, and that is its own file or the published
 * site's file for the same key: an in-place build of the published site writes into files the
 * two share, and then only the published site's keys say what such a file holds. Every other
 * page is taken from the published site or rendered, its old file removed first.
 */
export function planReuse(pages: PagedPage[], output: string, previous: string): ReusePlan {
  output = resolve(output);
  previous = resolve(previous);
  const recorded = readKeys(previous);
  if (previous === output) rmSync(join(output, PAGE_KEYS_FILE), { force: true });
  const own = previous === output ? {} : readKeys(output, OWN_KEYS_FILE);
  const render: PagedPage[] = [];
  const reused: PagedPage[] = [];
  const kept: PagedPage[] = [];
  const wanted = new Set<string>();
  for (const page of pages) {
    wanted.add(page.path);
    const before = recorded[page.path];
    const mine = own[page.path];
    if (mine !== undefined) {
      const here = statOf(join(output, page.path));
      if (here && mine[0] === page.key && here.size === mine[1]) {
        const there = statOf(join(previous, page.path));
        if (!there || there.ino !== here.ino || there.dev !== here.dev || before?.[0] === page.key) {
          kept.push(page);
          continue;
        }
      }
      removeFile(output, page.path);
    }
    const same = before !== undefined && before[0] === page.key && sizeOf(join(previous, page.path)) === before[1];
    (same ? reused : render).push(page);
  }
  // Pages of the older site this build no longer has (a removed article).
  for (const path of Object.keys(own)) if (!wanted.has(path)) removeFile(output, path);
  rmSync(join(output, OWN_KEYS_FILE), { force: true });
  return { output, previous, render, reused, kept, all: pages, linking: null };
}

/** How many links and folders are asked of the thread pool at once. */
const LINKS_IN_FLIGHT = 16;

/**
 * Links the reused pages' files from the previous site into a staging folder (a hard link:
 * no bytes copied; a copy where links are refused), while Eleventy renders the others: once
 * the plan is made, which paths Eleventy writes is known, and links are made only at the
 * others, so no write of this build goes through a link into the published site. Made after
 * the pages, one by one on the build's thread, the 9,700 folders and links of a ten-year
 * archive's one more issue took 1.2 s with the other core idle; asked of the thread pool
 * during rendering, they cost the build's thread almost nothing.
 */
export function startLinking(plan: ReusePlan): void {
  if (plan.previous === plan.output || plan.linking) return;
  const made = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let done = made.get(dir);
    if (!done) made.set(dir, (done = mkdir(dir, { recursive: true })));
    return done;
  };
  const linkOne = async (page: PagedPage) => {
    const to = join(plan.output, page.path);
    await folder(dirname(to));
    const from = join(plan.previous, page.path);
    try {
      await link(from, to);
    } catch {
      await copyFile(from, to);
    }
  };
  let next = 0;
  const lane = async () => {
    while (next < plan.reused.length) await linkOne(plan.reused[next++]!);
  };
  plan.linking = Promise.all(Array.from({ length: Math.min(LINKS_IN_FLIGHT, plan.reused.length) }, lane)).then(() => {});
  // A failure is reported by completeReuse, which awaits it; until then it is not unhandled.
  plan.linking.catch(() => {});
}

/**
 * After the pages are written: the reused pages are linked into a staging folder (startLinking,
 * started now if it was not) and the keys of every page are recorded for the next build.
 */
export async function completeReuse(plan: ReusePlan): Promise<void> {
  startLinking(plan);
  await plan.linking;
  const pages: KeysFile['pages'] = {};
  for (const page of plan.all) {
    const size = sizeOf(join(plan.output, page.path));
    if (size !== null) pages[page.path] = [page.key, size];
  }
  const file = join(plan.output, PAGE_KEYS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ version: 1, pages } satisfies KeysFile));
  renameSync(`${file}.tmp`, file);
}
