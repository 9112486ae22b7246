/**
 * Times the Eleventy build of the site (not the ingest) over the articles in content/.
 * Usage: npm run bench:site [-- runs]   (default 3 runs; prints each and the median)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[2] ?? 3);
const seconds: number[] = [];
for (let run = 1; run <= runs; run++) {
  const outputDir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  const start = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', `--output=${outputDir}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  seconds.push((performance.now() - start) / 1000);
  rmSync(outputDir, { recursive: true, force: true });
  console.log(`run ${run}: ${seconds.at(-1)!.toFixed(2)} s`);
}
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!;
console.log(`site build (content/ → HTML), median of ${runs}: ${median.toFixed(2)} s`);
