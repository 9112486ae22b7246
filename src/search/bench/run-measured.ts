import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Measured {
  seconds: number;
  /** Peak resident memory of the child, in MB; NaN where /usr/bin/time is missing. */
  peakMb: number;
}

const TIME = '/usr/bin/time';

/** Runs a command to completion and measures its wall time and peak memory (GNU time's maximum RSS). */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Measured {
  const report = join(tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const withTime = existsSync(TIME);
  const started = performance.now();
  const result = withTime
    ? spawnSync(TIME, ['-v', '-o', report, command, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] })
    : spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
  let peakMb = NaN;
  if (withTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, 'utf8'))?.[1];
    if (kb) peakMb = Number(kb) / 1024;
    rmSync(report, { force: true });
  }
  return { seconds, peakMb };
}
