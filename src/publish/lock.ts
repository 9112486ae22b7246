import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { IngestError } from '../ingest/errors.ts';

export class LockError extends IngestError {}

interface Holder {
  pid: number;
  what: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface LockOptions {
  /** How long to wait for another run to finish before stopping with a message. */
  waitMs?: number;
  /** Told once when the lock is held by another live run and this one starts waiting. */
  onWait?: (holder: Holder) => void;
}

/**
 * Runs `work` holding an exclusive lock file (created with O_EXCL, so two runs cannot both take
 * it). A second ingest or build waits for the first; after `waitMs` it stops with a message. A
 * lock left by a killed run is known by its pid, which no longer runs, and is taken over.
 */
export async function withLock<T>(path: string, what: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() } satisfies Holder));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    const info = await stat(path).catch(() => null);
    // Released since open() failed (another run may take it this instant): try again. Taking it
    // for stale here moved the next holder's fresh lock aside, and two runs wrote at once.
    if (!info) continue;
    // An unreadable lock may be one being written this instant: stale only once it is old.
    const young = holder === null && Date.now() - info.mtimeMs < 5000;
    if (!young && (holder === null || !isAlive(holder.pid))) {
      // Stale: moved aside first, so two runs that both find it stale cannot both take over.
      const aside = `${path}.stale-${process.pid}`;
      if (await rename(path, aside).then(() => true, () => false)) {
        // Moved aside between the look and the rename, a live run's new lock goes back.
        const moved = await readHolder(aside);
        if (moved && isAlive(moved.pid) && (moved.pid !== holder?.pid || moved.since !== holder.since)) await link(aside, path).catch(() => undefined);
        await rm(aside, { force: true });
      }
      continue;
    }
    if (holder === null) {
      await sleep(50);
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockError(path, null, `another ${holder.what} (pid ${holder.pid}, since ${holder.since}) is still writing`, 'wait for it to finish and run again; if no such process runs, remove the lock file');
    }
    if (!told) options.onWait?.(holder);
    told = true;
    await sleep(100);
  }
  const release = () => rm(path, { force: true });
  const onSignal = (signal: NodeJS.Signals) => {
    void release().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await release();
  }
}
