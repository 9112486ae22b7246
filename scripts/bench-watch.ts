/**
 * Times the monthly loop of `npm start`: a bulletin dropped into seeds/ until its issue page is
 * served over HTTP, and removed until it is gone. Runs a real `npm start` (scripts/start.ts) on
 * a free port, in a temp copy of the project.
 * Usage: npx tsx scripts/bench-watch.ts [runs] [--issues N]
 *   runs: default 3. Target on the five seeds: drop-in → visible < 3 s.
 *   --issues N: seeds/ holds a generated archive of N issues instead of the five seeds
 *   (scripts/generate-archive.ts; content/ is built from it first), and the bulletin dropped in
 *   is the archive's next issue: one more issue on a built archive, the editor's way.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyPool, writeIssues } from './generate-archive.ts';

const args = process.argv.slice(2);
const issuesAt = args.indexOf('--issues');
const archiveIssues = issuesAt >= 0 ? Number(args[issuesAt + 1]) : 0;
if (issuesAt >= 0 && !(Number.isInteger(archiveIssues) && archiveIssues > 0)) throw new Error('--issues needs a whole number of issues, e.g. --issues 120');
const positional = issuesAt >= 0 ? [...args.slice(0, issuesAt), ...args.slice(issuesAt + 2)] : args;
const runs = Number(positional[0] ?? 3);
const root = join(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'bench-watch-'));
for (const part of ['src', 'scripts', 'templates', 'assets', 'seeds', 'content', '.eleventy.js', 'package.json', 'tsconfig.json']) await cp(join(root, part), join(dir, part), { recursive: true });
await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
/** The text of the bulletin dropped in at each run. */
let dropped: (run: number) => Promise<string>;
if (archiveIssues > 0) {
  const pool = storyPool(join(root, 'seeds'));
  await rm(join(dir, 'seeds'), { recursive: true });
  await rm(join(dir, 'content'), { recursive: true });
  writeIssues(pool, join(dir, 'seeds'), 0, archiveIssues);
  const extra = join(dir, 'extra');
  dropped = async (run) => readFile(writeIssues(pool, join(extra, String(run)), archiveIssues + run - 1, archiveIssues + run)[0]!, 'utf8');
} else {
  const seedNames = (await readdir(join(dir, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
  // A copy of one seed under its own issue id (so not a duplicate).
  const seedText = await readFile(join(dir, 'seeds', seedNames[0]!), 'utf8');
  dropped = async () => seedText;
}
const seeds = (await readdir(join(dir, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();

/**
 * A bulletin under the issue id a run waits for, its own front matter kept otherwise: the
 * archive's next issue keeps its date, so it is the newest issue, as the editor's next month
 * is. Without its date, the ingest took the one printed in the text, which the generated
 * archive takes from the seed a story came from: two runs in three then inserted an issue into
 * the middle of the archive, a much larger rebuild (every later article's related articles).
 */
function underIssue(text: string, issue: string): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const fields = front ? front[1]!.split('\n').filter((line) => !/^issue:/.test(line)) : [];
  return `---\n${[...fields, `issue: ${issue}`].join('\n')}\n---\n${front ? text.slice(front[0].length) : text}`;
}

let log = '';
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--port', '0'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (c: Buffer) => (log += c.toString()));
child.stderr.on('data', (c: Buffer) => (log += c.toString()));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const startedAt = performance.now();
while (!/serving (http:\/\/localhost:\d+)\//.test(log)) {
  if (performance.now() - startedAt > 900_000) throw new Error(`npm start did not come up:\n${log}`);
  await sleep(50);
}
const url = /serving (http:\/\/localhost:\d+)\//.exec(log)![1];
const status = async (path: string) => (await fetch(`${url}${path}`)).status;
/** Waits for a page's status; after WAIT_LIMIT_MS, stops with what npm start printed, so a loop that never publishes says why. */
const WAIT_LIMIT_MS = 300_000;
const waitFor = async (path: string, wanted: number) => {
  const t = performance.now();
  while ((await status(path)) !== wanted) {
    if (performance.now() - t > WAIT_LIMIT_MS) throw new Error(`${path} did not answer ${wanted} within ${WAIT_LIMIT_MS / 1000} s; npm start printed:\n${log.slice(-4000)}`);
    await sleep(20);
  }
  return performance.now() - t;
};
console.log(`npm start up on the ${seeds.length}-issue site in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);

const rows: { visible: number; gone: number }[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    const issue = `2099-0${run}-bench`;
    const file = join(dir, 'seeds', `bench-${run}.txt`);
    const t0 = performance.now();
    const text = await dropped(run);
    await writeFile(file, underIssue(text, issue));
    await waitFor(`/${issue}/`, 200);
    const visible = performance.now() - t0;
    const t1 = performance.now();
    await rm(file);
    await waitFor(`/${issue}/`, 404);
    rows.push({ visible, gone: performance.now() - t1 });
    console.log(`run ${run}: drop-in → visible ${(visible / 1000).toFixed(2)} s, removed → gone ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\n| measure (${seeds.length}-issue site, median of ${runs}) | seconds | target |\n| --- | --- | --- |`);
  // The targets: the five-issue loop under 3 s; one more issue on a ten-year archive under 10 s (README, budgets).
  console.log(`| bulletin dropped into seeds/ → issue page served | ${(median(rows.map((r) => r.visible)) / 1000).toFixed(2)} | ${archiveIssues > 0 ? '< 10' : '< 3'} |`);
  console.log(`| bulletin removed → issue page gone | ${(median(rows.map((r) => r.gone)) / 1000).toFixed(2)} | |`);
  const phases = [...log.matchAll(/published \(.*?\) in (\d+) ms \(ingest (\d+) ms, site (\d+) ms\)/g)].slice(1);
  if (phases.length > 0) console.log(`| of which ingest / site build (median) | ${(median(phases.map((m) => Number(m[2]))) / 1000).toFixed(2)} / ${(median(phases.map((m) => Number(m[3]))) / 1000).toFixed(2)} | |`);
} finally {
  process.kill(-child.pid!, 'SIGTERM');
  await sleep(300);
  await rm(dir, { recursive: true, force: true });
  await mkdir(tmpdir(), { recursive: true });
}
