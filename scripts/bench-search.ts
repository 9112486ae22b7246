/**
 * `npx tsx scripts/bench-search.ts --site DIR [--pagefind DIR] [--rounds N] [--engines ours,pagefind]`
 *
 * The search part of `npm run bench` alone, on a site already built (e.g. by
 * `scripts/generate-archive.ts 120 --ingest` and an Eleventy build into DIR): cold and warm
 * queries of our search and, when a Pagefind index of the same pages is given (a folder
 * holding `pagefind/`, made with `pagefind --site DIR --output-subdir pagefind`), of Pagefind's.
 * For iterating on the browser side without rebuilding the archive. Numbers only.
 *
 * `--profile FILE` also profiles our warm queries with Chrome's CPU profiler, on a search bundle
 * built without minifying (so functions keep their names), writes the .cpuprofile (open it in
 * Chrome DevTools) and prints the functions with the most self time.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';
import { coldQuery, percentile, warmQueries, type QueryRun } from '../src/search/bench/measure-browser.ts';
import { BENCH_QUERIES, OURS, PAGEFIND, PAGEFIND_HOST_PAGE } from '../src/search/bench/engines.ts';
import { BROWSER_BUNDLES } from '../src/search/bundle-browser.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const site = option('site');
if (!site) throw new Error('--site DIR is required: a built site, e.g. .cache/archive-120/site');
const pagefindDir = option('pagefind');
const rounds = Number(option('rounds') ?? 1);
const engines = (option('engines') ?? (pagefindDir ? 'ours,pagefind' : 'ours')).split(',');
const profileFile = option('profile');

// One folder served: the site's entries linked in, with Pagefind's index and host page beside them.
const served = mkdtempSync(join(tmpdir(), 'bench-search-'));
for (const entry of readdirSync(site)) symlinkSync(resolve(site, entry), join(served, entry));
if (pagefindDir) {
  if (!existsSync(join(pagefindDir, 'pagefind'))) throw new Error(`--pagefind ${pagefindDir}: no pagefind/ folder in it`);
  symlinkSync(resolve(pagefindDir, 'pagefind'), join(served, 'pagefind'));
  writeFileSync(join(served, 'pagefind-bench.html'), PAGEFIND_HOST_PAGE);
}

/** A second served folder whose search bundle keeps its function names, for the profiler. */
async function readableCopy(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-profile-'));
  for (const entry of readdirSync(served)) if (entry !== 'assets') symlinkSync(join(served, entry), join(dir, entry));
  mkdirSync(join(dir, 'assets'));
  for (const entry of readdirSync(join(site!, 'assets'))) symlinkSync(resolve(site!, 'assets', entry), join(dir, 'assets', entry));
  rmSync(join(dir, 'assets/search-page.js'));
  await build({ entryPoints: [BROWSER_BUNDLES['assets/search-page.js']], outfile: join(dir, 'assets/search-page.js'), bundle: true, format: 'iife', target: 'es2020', logLevel: 'warning' });
  return dir;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Our warm queries (each query twice over, after a first query) under the CPU profiler; returns self time per function. */
async function profileWarm(browser: Browser, url: string): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url + OURS.url);
  await page.evaluate(`(${OURS.run})(${JSON.stringify(BENCH_QUERIES[0])})`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const times: number[] = [];
  for (const query of BENCH_QUERIES) {
    times.push(
      (await page.evaluate(`(async () => { const t = performance.now(); await (${OURS.run})(${JSON.stringify(query)}); return performance.now() - t; })()`)) as number,
    );
  }
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] } };
  await context.close();
  writeFileSync(profileFile!, JSON.stringify(profile));
  const perSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${file.split('/').pop()}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0) * perSample);
  }
  console.log(`
profile of our warm queries (${profileFile}): ${times.map(format).join(' ')} ms; self time by function, ms:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${format(ms).padStart(8)}  ${name}`);
}

const server = await serveDirectory(served);
const browser = await launchChromium();
const format = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const results: Record<string, { cold: QueryRun[]; warm: number[] }> = {};
try {
  for (const name of engines) {
    const engine = name === 'pagefind' ? PAGEFIND : OURS;
    const hosted = { ...engine, url: server.url + engine.url };
    const cold: QueryRun[] = [];
    for (const query of BENCH_QUERIES) cold.push(await coldQuery(browser, hosted, query));
    const warm: number[] = [];
    for (let r = 0; r < rounds; r++) warm.push(...(await warmQueries(browser, hosted, BENCH_QUERIES)));
    results[name] = { cold, warm };
    console.log(`\n${name}: load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('query\tresults\tcold kB gzip\tcold ms\twarm ms (first round)');
    BENCH_QUERIES.forEach((q, i) => console.log(`${q}\t${cold[i]!.results}\t${format(cold[i]!.gzipBytes / 1024)}\t${format(cold[i]!.loadMs)}\t${format(warm[i]!)}`));
    console.log(
      `cold kB gzip p50 / max: ${format(percentile(cold.map((c) => c.gzipBytes), 50) / 1024)} / ${format(Math.max(...cold.map((c) => c.gzipBytes)) / 1024)}; ` +
        `warm ms p50 / p95 over ${warm.length}: ${format(percentile(warm, 50))} / ${format(percentile(warm, 95))}`,
    );
  }
  if (profileFile) {
    const dir = await readableCopy();
    const readable = await serveDirectory(dir);
    try {
      await profileWarm(browser, readable.url);
    } finally {
      await readable.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (results.ours && results.pagefind) {
    const ratios = BENCH_QUERIES.map((q, i) => ({ q, r: results.ours!.cold[i]!.gzipBytes / results.pagefind!.cold[i]!.gzipBytes }));
    const worst = ratios.reduce((a, b) => (b.r > a.r ? b : a));
    console.log(`\ncold bytes vs Pagefind, worst query: ${worst.r.toFixed(3)}× (${worst.q})`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(served, { recursive: true, force: true });
}
