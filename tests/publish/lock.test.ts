import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/publish/lock.ts';
import { smallBulletin } from './invent-bulletin.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

/** A pid that ran and has ended, so no process holds it now. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('withLock', () => {
  it('lets a second run wait for the first instead of running beside it', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.content.lock');
    const order: string[] = [];
    const slow = withLock(lock, 'ingest', async () => {
      order.push('first start');
      await new Promise((r) => setTimeout(r, 300));
      order.push('first end');
    });
    await new Promise((r) => setTimeout(r, 50));
    let waited = false;
    await withLock(lock, 'build', async () => void order.push('second'), { onWait: () => (waited = true) });
    await slow;
    expect(order).toEqual(['first start', 'first end', 'second']);
    expect(waited).toBe(true);
  });

  it('stops with a message naming the other run when it does not finish in time', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.content.lock');
    await writeFile(lock, JSON.stringify({ pid: process.pid, what: 'build', since: '2021-01-01T00:00:00Z' }));
    await expect(withLock(lock, 'ingest', async () => 1, { waitMs: 200 })).rejects.toThrow(/another build \(pid \d+, since 2021-01-01T00:00:00Z\) is still writing\n  → wait for it to finish/);
  });

  it('takes over a lock left by a killed run, known by its pid', async () => {
    const lock = join(await mkdtemp(join(tmpdir(), 'lock-')), '.content.lock');
    await writeFile(lock, JSON.stringify({ pid: deadPid(), what: 'ingest', since: '2021-01-01T00:00:00Z' }));
    expect(await withLock(lock, 'ingest', async () => 'ran', { waitMs: 200 })).toBe('ran');
    await expect(readFile(lock)).rejects.toThrow();
  });
});

describe('two ingests at once', () => {
  it('publish both bulletins: the second waits for the first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-cli-'));
    await mkdir(join(dir, 'in'));
    const tags = ['甲', '乙', '丙', '丁'];
    for (const tag of tags) await writeFile(join(dir, 'in', `${tag}.txt`), smallBulletin(tag, { head: `---\nissue: 2021-03-${tags.indexOf(tag)}\n---` }));
    const results = await Promise.all(tags.map((tag) => run(tsx, [join(root, 'scripts/ingest.ts'), join('in', `${tag}.txt`), '--out', 'content'], { cwd: dir })));
    expect(results).toHaveLength(4);
    const issues = (await readdir(join(dir, 'content'))).filter((n) => !n.startsWith('.')).sort();
    expect(issues).toEqual(['2021-03-0', '2021-03-1', '2021-03-2', '2021-03-3']);
  });
});
