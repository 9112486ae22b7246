import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PagedPage } from './page-keys.ts';

/**
 * The keys of the pages a build wrote, kept in the site folder itself so they always describe
 * the files beside them: a site folder is swapped in whole (src/publish/swap-dir.ts), keys
 * included. Not a page: the offline manifest leaves it out.
 */
export const PAGE_KEYS_FILE = '.page-keys.json';

interface KeysFile {
  version: 1;
  /** Output path → [key, size in bytes of the file written]. */
  pages: Record<string, [string, number]>;
}

function readKeys(site: string): KeysFile['pages'] {
  try {
    const parsed = JSON.parse(readFileSync(join(site, PAGE_KEYS_FILE), 'utf8')) as KeysFile;
    return parsed.version === 1 && parsed.pages && typeof parsed.pages === 'object' ? parsed.pages : {};
  } catch {
    // None yet, or unreadable: every page is rendered.
    return {};
  }
}

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

/** Which pages this build renders, and which it takes from the previous build. */
export interface ReusePlan {
  output: string;
  previous: string;
  render: PagedPage[];
  reused: PagedPage[];
  all: PagedPage[];
}

/**
 * Compares this build's pages with the previous build of the site: a page whose key is the
 * one recorded there, and whose file is still there at the recorded size, is reused.
 *
 * `previous` is the published site when the build goes to a staging folder, or the output
 * folder itself. Building in place, the keys file is removed before a page is written: a
 * build killed half-way then leaves no keys that could vouch for a page it rewrote.
 */
export function planReuse(pages: PagedPage[], output: string, previous: string): ReusePlan {
  output = resolve(output);
  previous = resolve(previous);
  const recorded = readKeys(previous);
  if (previous === output) rmSync(join(output, PAGE_KEYS_FILE), { force: true });
  const render: PagedPage[] = [];
  const reused: PagedPage[] = [];
  for (const page of pages) {
    const before = recorded[page.path];
    const same = before !== undefined && before[0] === page.key && sizeOf(join(previous, page.path)) === before[1];
    (same ? reused : render).push(page);
  }
  return { output, previous, render, reused, all: pages };
}

/**
 * After the pages are written: the reused pages' files are linked from the previous site into
 * a staging folder (a hard link: no bytes copied; a copy where links are refused), and the
 * keys of every page are recorded for the next build. Links are made only for paths Eleventy
 * did not write, so no later write of this build goes through a link into the published site.
 */
export function completeReuse(plan: ReusePlan): void {
  // Synchronous calls: thousands of awaited links and folders, each a trip to the thread
  // pool, left the build idle for seconds.
  if (plan.previous !== plan.output) {
    const made = new Set<string>();
    for (const page of plan.reused) {
      const to = join(plan.output, page.path);
      const dir = dirname(to);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const from = join(plan.previous, page.path);
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
  const pages: KeysFile['pages'] = {};
  for (const page of plan.all) {
    const size = sizeOf(join(plan.output, page.path));
    if (size !== null) pages[page.path] = [page.key, size];
  }
  const file = join(plan.output, PAGE_KEYS_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ version: 1, pages } satisfies KeysFile));
  renameSync(`${file}.tmp`, file);
}
