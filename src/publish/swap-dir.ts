import { lstat, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Swapping a folder for a new one with two renames (old → retired, staged → target). A folder
 * cannot be renamed over a non-empty one, so between the two renames the target is missing;
 * every run that reads or writes the target first calls `recoverSwap` under the same lock, which
 * puts back the finished new folder (or else the old one) and removes every leftover. The staged
 * folder counts as finished once it holds `completeMarker`, written last.
 */
export const staged = (target: string) => `${target}.staging-${process.pid}`;
const retiredName = (target: string) => `${target}.retired-${process.pid}`;

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

async function leftovers(target: string): Promise<{ staging: string[]; retired: string[] }> {
  const parent = dirname(target);
  const names = await readdir(parent).catch(() => [] as string[]);
  const base = basename(target);
  const pick = (kind: string) => names.filter((n) => n.startsWith(`${base}.${kind}-`)).map((n) => join(parent, n));
  return { staging: pick('staging'), retired: pick('retired') };
}

/** Puts the target back after a run killed mid-swap, and cleans every leftover. Call under the lock. */
export async function recoverSwap(target: string, completeMarker: string): Promise<string[]> {
  const notes: string[] = [];
  const { staging, retired } = await leftovers(target);
  if (!(await exists(target))) {
    const finished = [];
    for (const dir of staging) if (await exists(join(dir, completeMarker))) finished.push(dir);
    const back = finished[0] ?? retired[0];
    if (back) {
      await rename(back, target);
      notes.push(`${target} was missing after an interrupted run; restored it from ${back}`);
    }
  }
  for (const dir of [...staging, ...retired]) {
    if (!(await exists(dir))) continue;
    await rm(dir, { recursive: true, force: true });
    notes.push(`removed ${dir}, left by an interrupted run`);
  }
  return notes;
}

/**
 * Swaps the staged folder in for the target. Once it returns, the new folder is published.
 * The old one is removed, or, given `keepAs`, kept under that name (replacing what was there):
 * the site build builds the next site on it rather than in an empty folder.
 */
export async function swapIn(target: string, stagedDir: string, keepAs?: string): Promise<void> {
  const retired = retiredName(target);
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, retired);
  try {
    await rename(stagedDir, target);
  } catch (error) {
    if (hadTarget) await rename(retired, target);
    throw error;
  }
  if (hadTarget && keepAs) {
    await rm(keepAs, { recursive: true, force: true }).catch(() => undefined);
    if (await rename(retired, keepAs).then(() => true, () => false)) return;
  }
  // Published; a failure to remove the old folder only leaves a leftover the next run cleans.
  await rm(retired, { recursive: true, force: true }).catch(() => undefined);
}
