/**
 * `npm run bench [siteDir]`: the search's size and speed next to Pagefind's, on one built site.
 * Builds _site with the site's Eleventy config first if there is none (content/, or the
 * search fixtures while content/ is empty). Numbers only; nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import lunr from 'lunr';
import { launchChromium } from '../tests/helpers/chromium.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';
import { buildLunrIndex } from '../src/search/build-index.ts';
import { collectDocs } from '../src/search/collect-docs.ts';
import { diskSize } from '../src/search/bench/disk-size.ts';
import { coldQuery, percentile, warmQueries, type EngineUnderTest } from '../src/search/bench/measure-browser.ts';

const QUERIES = ['华为', '华', '中国移动', '5G基站', 'IPv6', 'AI芯片', '数字经济', '运营商 部署', '人工智能', '云计算', '数据中心', '工业互联网'];

const siteDir = resolve(process.argv[2] ?? '_site');
const hasContent = existsSync('content') && readdirSync('content').length > 0;
const contentDir = process.env.CONTENT_DIR ?? (hasContent ? 'content' : 'tests/fixtures/search-content');
if (!existsSync(join(siteDir, 'search/meta.js'))) {
  console.log(`Building ${siteDir} from ${contentDir} …`);
  execFileSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', `--output=${siteDir}`], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    stdio: 'inherit',
  });
}

// Pagefind indexes a copy, so the measured site is left as it was built.
const work = mkdtempSync(join(tmpdir(), 'search-bench-'));
cpSync(siteDir, work, { recursive: true });
execFileSync('npx', ['pagefind', '--site', work, '--output-subdir', 'pagefind', '--quiet'], { stdio: 'inherit' });
writeFileSync(
  join(work, 'pagefind-bench.html'),
  `<!doctype html><meta charset="utf-8"><script type="module">
import * as pagefind from './pagefind/pagefind.js';
window.pagefindBench = async (q) => { const r = await pagefind.search(q); if (r.results[0]) await r.results[0].data(); return r.results.length; };
</script>`,
);

const ours: EngineUnderTest = {
  name: 'Lunr shards (ours)',
  url: '/search/',
  isSearchFile: (url) => /\/search\/(meta|shards|text)|search-page\.js/.test(url),
  run: 'window.__bulletinSearchBench',
};
const pagefind: EngineUnderTest = {
  name: `Pagefind ${JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')).version}`,
  url: '/pagefind-bench.html',
  isSearchFile: (url) => url.includes('/pagefind/'),
  run: '(async (q) => { while (!window.pagefindBench) await new Promise((r) => setTimeout(r, 5)); return window.pagefindBench(q); })',
};

const server = await serveDirectory(work);
const browser = await launchChromium();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (t: number) => `${t.toFixed(1)} ms`;
const rows: Record<string, string[]> = {};
for (const engine of [ours, pagefind]) {
  const withHost = { ...engine, url: server.url + engine.url };
  const cold = [];
  for (const query of QUERIES) cold.push(await coldQuery(browser, withHost, query));
  const warm = await warmQueries(browser, withHost, QUERIES);
  const disk = engine === ours
    ? await diskSize(join(work, 'search'), (p) => !p.endsWith('.html'))
    : await diskSize(join(work, 'pagefind'));
  rows[engine.name] = [
    `${disk.files} files`, kb(disk.raw), kb(disk.gzip),
    `${kb(percentile(cold.map((c) => c.gzipBytes), 50))} / ${kb(Math.max(...cold.map((c) => c.gzipBytes)))}`,
    `${kb(percentile(cold.map((c) => c.rawBytes), 50))} / ${kb(Math.max(...cold.map((c) => c.rawBytes)))}`,
    `${ms(percentile(cold.map((c) => c.loadMs), 50))} / ${ms(percentile(cold.map((c) => c.loadMs), 95))}`,
    `${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))}`,
    cold.map((c) => c.results).join(','),
  ];
}
await browser.close();
await server.close();

const docs = await collectDocs(contentDir);
const lunrJson = JSON.stringify(buildLunrIndex(docs));
const started = performance.now();
lunr.Index.load(JSON.parse(lunrJson));
const lunrLoad = performance.now() - started;

const labels = ['index files on disk', 'index raw', 'index gzipped', 'fetched before 1st result, gzip (p50 / max)',
  'fetched before 1st result, raw (p50 / max)', 'load: navigation → 1st result (p50 / p95)', 'answer, warm page (p50 / p95)', 'results per query'];
console.log(`\nSite: ${siteDir} — ${docs.length} articles, ${kb(docs.reduce((s, d) => s + Buffer.byteLength(d.body), 0))} of body text`);
console.log(`Queries: ${QUERIES.join(' | ')}\n`);
const names = Object.keys(rows);
const width = Math.max(...labels.map((l) => l.length));
console.log(`| ${'measure'.padEnd(width)} | ${names.join(' | ')} |`);
console.log(`| ${'-'.repeat(width)} | ${names.map(() => '---').join(' | ')} |`);
labels.forEach((label, i) => console.log(`| ${label.padEnd(width)} | ${names.map((n) => rows[n]![i]).join(' | ')} |`));
console.log(`\nFor scale, one plain Lunr JSON index of the same articles (with positions): ${kb(lunrJson.length)} raw, ${kb(gzipSync(lunrJson).length)} gzipped, lunr.Index.load ${ms(lunrLoad)} in Node.`);
rmSync(work, { recursive: true, force: true });
