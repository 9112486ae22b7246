/**
 * Times the monthly loop of `npm start` on the five-issue site: a bulletin dropped into seeds/
 * until its issue page is served over HTTP, and removed until it is gone. Runs a real
 * `npm start` (scripts/start.ts) on a free port, in a temp copy of the project.
 * Usage: npx tsx scripts/bench-watch.ts [runs]   (default 3; target: drop-in → visible < 3 s)
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const root = join(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'bench-watch-'));
for (const part of ['src', 'scripts', 'templates', 'assets', 'seeds', 'content', '.eleventy.js', 'package.json', 'tsconfig.json']) await cp(join(root, part), join(dir, part), { recursive: true });
await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
const seeds = (await readdir(join(dir, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
// The bulletin dropped in: a copy of one seed under its own issue id (so not a duplicate).
const dropped = await readFile(join(dir, 'seeds', seeds[0]), 'utf8');

let log = '';
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (c: Buffer) => (log += c.toString()));
child.stderr.on('data', (c: Buffer) => (log += c.toString()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startedAt = performance.now();
while (!/serving (http:\/\/localhost:\d+)\//.test(log)) {
  if (performance.now() - startedAt > 300_000) throw new Error(`npm start did not come up:\n${log}`);
  await sleep(50);
}
const url = /serving (http:\/\/localhost:\d+)\//.exec(log)![1];
const status = async (path: string) => (await fetch(`${url}${path}`)).status;
const waitFor = async (path: string, wanted: number) => {
  const t = performance.now();
  while ((await status(path)) !== wanted) await sleep(20);
  return performance.now() - t;
};
console.log(`npm start up on the ${seeds.length}-issue site in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);

const rows: { visible: number; gone: number }[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const issue = `2099-0${run}-bench`;
    const file = join(dir, 'seeds', `bench-${run}.txt`);
    const t0 = performance.now();
    await writeFile(file, `---\nissue: ${issue}\n---\n${dropped.replace(/^---[\s\S]*?\n---\n/, '')}`);
    await waitFor(`/${issue}/`, 200);
    const visible = performance.now() - t0;
    const t1 = performance.now();
    await rm(file);
    await waitFor(`/${issue}/`, 404);
    rows.push({ visible, gone: performance.now() - t1 });
    console.log(`run ${run}: drop-in → visible ${(visible / 1000).toFixed(2)} s, removed → gone ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('\n| measure (five-issue site, median of ' + runs + ') | seconds | target |\n| --- | --- | --- |');
  console.log(`| bulletin dropped into seeds/ → issue page served | ${(median(rows.map((r) => r.visible)) / 1000).toFixed(2)} | < 3 |`);
  console.log(`| bulletin removed → issue page gone | ${(median(rows.map((r) => r.gone)) / 1000).toFixed(2)} | |`);
  const phases = [...log.matchAll(/published \(.*?\) in (\d+) ms \(ingest (\d+) ms, site (\d+) ms\)/g)].slice(1);
  if (phases.length > 0) console.log(`| of which ingest / site build (median) | ${(median(phases.map((m) => Number(m[2]))) / 1000).toFixed(2)} / ${(median(phases.map((m) => Number(m[3]))) / 1000).toFixed(2)} | |`);
} finally {
  process.kill(-child.pid!, 'SIGTERM');
  await sleep(300);
  await rm(dir, { recursive: true, force: true });
  await mkdir(tmpdir(), { recursive: true });
}
