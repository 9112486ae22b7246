/**
 * `npm run bench [-- --issues N[,M…]]` (default 5 and 120): builds a generated archive of N
 * issues from scratch (scripts/generate-archive.ts), with the real ingest and the real
 * Eleventy build, then measures the site's search next to Pagefind's over the same pages.
 * Numbers only; nothing here passes or fails. Budgets at 120 issues: README.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';
import { diskSize } from '../src/search/bench/disk-size.ts';
import { serveCounting } from '../src/search/bench/counting-server.ts';
import { coldQuery, firstVisit, percentile, warmQueries, type QueryRun } from '../src/search/bench/measure-browser.ts';
import { BENCH_QUERIES as QUERIES, OURS, PAGEFIND, PAGEFIND_HOST_PAGE } from '../src/search/bench/engines.ts';
import { runMeasured } from '../src/search/bench/run-measured.ts';
import { storyPool, writeIssues } from './generate-archive.ts';

function issueCounts(): number[] {
  const args = process.argv.slice(2);
  const at = args.indexOf('--issues');
  const given = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !given) throw new Error('--issues needs a number, e.g. npm run bench -- --issues 120');
  const counts = given ? given.split(',').map(Number) : [5, 120];
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--issues ${given}: give whole numbers of issues, e.g. 5,120`);
  return counts;
}

const node = process.execPath;
const eleventy = (out: string, content: string, timings: string) =>
  runMeasured(node, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', `--output=${out}`], {
    CONTENT_DIR: content,
    BULLETIN_SEARCH_TIMINGS: timings,
  });
/** The search step's own duration (it runs alongside the pages), and what it added to the build after them. */
const searchSeconds = (timings: string) => {
  const { searchMs, afterPagesMs } = JSON.parse(readFileSync(timings, 'utf8')) as { searchMs: number; afterPagesMs: number };
  return { own: searchMs / 1000, afterPages: afterPagesMs / 1000 };
};

type Figures = Record<string, number>;

/**
 * Warm queries are timed over this many rounds of the queries, each round in a fresh page. Ten
 * rounds of twelve queries make p95 the sixth slowest of 120 samples; with three rounds it was
 * the second slowest of 36, which one hiccup of this shared 2-core machine decides.
 */
const WARM_ROUNDS = 10;

async function measure(n: number, pool: ReturnType<typeof storyPool>): Promise<{ ours: Figures; pagefind: Figures; articles: number }> {
  const root = resolve('.cache', `bench-${n}`);
  rmSync(root, { recursive: true, force: true });
  const text = join(root, 'text');
  const content = join(root, 'content');
  const site = join(root, 'site');
  const timings = join(root, 'timings.json');
  const files = writeIssues(pool, text, 0, n);
  const textBytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  console.log(`\n== ${n} issues: ${(textBytes / 1e6).toFixed(1)} MB of text; ingest, build, search …`);

  // From scratch: no cached search work either.
  rmSync('.cache/search', { recursive: true, force: true });
  const ingest = runMeasured(node, ['--import', 'tsx', 'scripts/ingest.ts', text, '--out', content]);
  const build = eleventy(site, content, timings);
  const search = searchSeconds(timings);
  const articles = (JSON.parse(readFileSync(timings, 'utf8')) as { docs: number }).docs;
  const siteSize = await diskSize(site);
  const searchSize = await diskSize(join(site, 'search'));

  // Pagefind indexes a copy (with a page to host it), so the measured site stays as built.
  const work = join(root, 'with-pagefind');
  cpSync(site, work, { recursive: true });
  const pagefindRun = runMeasured(resolve('node_modules/.bin/pagefind'), ['--site', work, '--output-subdir', 'pagefind', '--quiet']);
  writeFileSync(join(work, 'pagefind-bench.html'), PAGEFIND_HOST_PAGE);
  const pagefindSize = await diskSize(join(work, 'pagefind'));

  const server = await serveDirectory(work);
  const browser = await launchChromium();
  const runs: Record<string, { cold: QueryRun[]; warm: number[] }> = {};
  for (const engine of [OURS, PAGEFIND]) {
    const hosted = { ...engine, url: server.url + engine.url };
    const cold: QueryRun[] = [];
    for (const query of QUERIES) cold.push(await coldQuery(browser, hosted, query));
    // Three rounds: over the twelve queries of one round, p95 is simply the slowest query.
    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round++) warm.push(...(await warmQueries(browser, hosted, QUERIES)));
    runs[engine.name] = { cold, warm };
  }
  await server.close();
  const counting = await serveCounting(site);
  const visit = await firstVisit(browser, counting, '/');
  await counting.close();
  await browser.close();

  // One more issue, ingested into the built archive and rebuilt (the search cache is warm).
  const [extra] = writeIssues(pool, join(root, 'extra'), n, n + 1);
  const ingestOne = runMeasured(node, ['--import', 'tsx', 'scripts/ingest.ts', extra!, '--out', content]);
  const rebuild = eleventy(site, content, timings);

  const maxRatio = Math.max(...QUERIES.map((_, i) => runs.ours!.cold[i]!.gzipBytes / runs.pagefind!.cold[i]!.gzipBytes));
  const figures = (name: string, cold: QueryRun[], warm: number[]): Figures => ({
    'cold query: bytes before 1st result, gzip, p50 (kB)': percentile(cold.map((c) => c.gzipBytes), 50) / 1024,
    'cold query: bytes before 1st result, gzip, max (kB)': Math.max(...cold.map((c) => c.gzipBytes)) / 1024,
    'cold query: time to 1st result, p50 (ms)': percentile(cold.map((c) => c.loadMs), 50),
    'cold query: time to 1st result, p95 (ms)': percentile(cold.map((c) => c.loadMs), 95),
    'warm query p50 (ms)': percentile(warm, 50),
    'warm query p95 (ms)': percentile(warm, 95),
    ...(name === 'ours' ? { 'cold bytes vs Pagefind, worst query (×)': maxRatio } : {}),
  });
  const oursFigures: Figures = {
    'articles': articles,
    'ingest (s)': ingest.seconds,
    'ingest (MB/s)': textBytes / 1e6 / ingest.seconds,
    'Eleventy pages, the index made alongside (s)': build.seconds - search.afterPages,
    'search step (s)': search.own,
    'search: added to the build after the pages (s)': search.afterPages,
    'total build: ingest + Eleventy + search (s)': ingest.seconds + build.seconds,
    'peak memory (MB)': Math.max(ingest.peakMb, build.peakMb),
    '_site on disk (MB)': siteSize.raw / 1e6,
    'search data on disk (MB)': searchSize.raw / 1e6,
    'search data gzipped (MB)': searchSize.gzip / 1e6,
    ...figures('ours', runs.ours!.cold, runs.ours!.warm),
    'first visit: the page itself (kB)': visit.pageBytes / 1024,
    'first visit: beyond the page (kB)': (visit.totalBytes - visit.pageBytes) / 1024,
    'one more issue: ingest (s)': ingestOne.seconds,
    'one more issue: Eleventy + search (s)': rebuild.seconds,
    'one more issue: search step (s)': searchSeconds(timings).own,
  };
  const pagefindFigures: Figures = {
    'search step (s)': pagefindRun.seconds,
    'peak memory (MB)': pagefindRun.peakMb,
    'search data on disk (MB)': pagefindSize.raw / 1e6,
    'search data gzipped (MB)': pagefindSize.gzip / 1e6,
    ...figures('pagefind', runs.pagefind!.cold, runs.pagefind!.warm),
  };
  rmSync(work, { recursive: true, force: true });
  return { ours: oursFigures, pagefind: pagefindFigures, articles };
}

const counts = issueCounts();
const pool = storyPool('seeds');
const results: Awaited<ReturnType<typeof measure>>[] = [];
for (const n of counts) results.push(await measure(n, pool));

const version = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version as string;
const format = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const labels = Object.keys(results[0]!.ours);
const header = counts.flatMap((n) => [`${n} issues`, `Pagefind ${version}`]);
const growth = counts.length > 1 ? [`ours ${counts[0]}→${counts.at(-1)}`, `Pagefind ${counts[0]}→${counts.at(-1)}`] : [];
const width = Math.max(...labels.map((l) => l.length));
console.log(`\nSearch queries: ${QUERIES.join(' | ')}\n`);
console.log(`| ${'figure'.padEnd(width)} | ${[...header, ...growth].join(' | ')} |`);
console.log(`| ${'-'.repeat(width)} |${[...header, ...growth].map(() => ' ---: |').join('')}`);
for (const label of labels) {
  const cells = results.flatMap((r) => [format(r.ours[label]), format(r.pagefind[label])]);
  const first = results[0]!;
  const last = results.at(-1)!;
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !a ? '–' : `×${format(b / a)}`);
  const grow = counts.length > 1 ? [ratio(first.ours[label], last.ours[label]), ratio(first.pagefind[label], last.pagefind[label])] : [];
  console.log(`| ${label.padEnd(width)} | ${[...cells, ...grow].join(' | ')} |`);
}
console.log(`\n(gzip: each file gzipped on its own, as a server sends it; Pagefind's files are compressed already.)`);
console.log(`(search step: ours is made in worker threads alongside the pages, from content/; Pagefind indexes the built pages after them.)`);
console.log(`(warm queries: ${WARM_ROUNDS} rounds of the ${QUERIES.length} queries, each round in a fresh page after one first query; p95 of ${WARM_ROUNDS * QUERIES.length} samples.)`);

// The editor's loop on the five-issue site: a bulletin dropped into a running `npm start` until it is served.
console.log('\nnpm start: drop-in → visible (scripts/bench-watch.ts)');
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-watch.ts'], { stdio: 'inherit' });
// And one more issue on the largest archive, dropped into a running `npm start`: the editor's way.
const largest = Math.max(...counts);
if (largest > 5) {
  console.log(`\nnpm start on a ${largest}-issue archive: one more issue dropped in → visible (scripts/bench-watch.ts --issues ${largest})`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-watch.ts', '3', '--issues', String(largest)], { stdio: 'inherit' });
}
