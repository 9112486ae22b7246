import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PREVIOUS_SITE_ENV } from '../site/eleventy/site-data.ts';
import type { SearchDoc } from '../types.ts';
import { OFFLINE_MANIFEST, OFFLINE_REGISTRY, type OfflineManifest } from './browser/offline-names.ts';
import { bundleBrowserScripts, bundleServiceWorker } from './bundle-browser.ts';
import { collectDocsWithDigest } from './collect-docs.ts';
import { buildSearchDataCached, searchBuildId } from './postings-cache.ts';
import { listFiles, writeSearchData } from './write-search-data.ts';

export interface SearchPluginOptions {
  /** Where the ingester writes content/<issue>/<slug>.md. */
  contentDir?: string;
  /** Where text extracted and postings made per issue, and the browser bundles, are cached between builds (collect-docs.ts, postings-cache.ts, bundle-browser.ts). */
  cacheDir?: string;
}

interface AfterBuild {
  directories: { output: string };
}

interface EleventyConfigLike {
  on(event: 'eleventy.after', handler: (event: AfterBuild) => Promise<void>): void;
  on(event: 'eleventy.before', handler: (event: AfterBuild) => Promise<void>): void;
}

/** The URL a reader requests for a file: folders for index.html. */
function urlOf(file: string): string {
  return file === 'index.html' ? './' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * What the service worker caches on install, whatever the archive's size: styles, scripts and
 * the pages every reader needs offline. No search data: only the search page pays for that,
 * and only for the shards its queries use.
 */
function isShell(file: string): boolean {
  return /^assets\/[^/]+\.(css|js|svg)$/.test(file) || ['index.html', 'search/index.html', 'about/index.html', '404.html'].includes(file);
}

/** The search data of one build, made from content/ alone. */
interface IndexedContent {
  docs: SearchDoc[];
  buildId: string;
  data: Awaited<ReturnType<typeof buildSearchDataCached>>;
  /** When the indexing started and ended (performance.now()). */
  started: number;
  ended: number;
}

/**
 * Builds the search into the site: the sharded Lunr index and document texts under search/,
 * the browser bundles under assets/, and sw.js at the root.
 *
 * The index is made from content/ alone, so it is started before Eleventy renders a page and
 * made in worker threads while the pages render on the main thread: one after the other, the
 * search step was the larger half of a 120-issue build, with the second core idle through the
 * pages and the workers' memory added on top of the rendered pages'. The worker that joins the
 * postings writes the shards into the output folder itself, while the pages render (no page
 * is written under search/); once the pages are written, the texts and the meta file are
 * written beside them, and the offline manifest lists them all. A build whose index fails
 * writes none of them; a build in place whose pages then fail has the new shards beside the
 * old meta file, which names the old shard count and build, so its search is wrong until the
 * next build (npm start and npm run build build into a staging folder, never in place).
 */
export default function searchPlugin(eleventyConfig: EleventyConfigLike, options: SearchPluginOptions = {}): void {
  const contentDir = options.contentDir ?? 'content';
  const cacheDir = options.cacheDir ?? '.cache/search';
  let indexing: Promise<IndexedContent> | null = null;
  eleventyConfig.on('eleventy.before', async ({ directories }) => {
    // Not awaited: Eleventy waits for this handler before it renders anything.
    indexing = (async () => {
      const started = performance.now();
      const { docs, digest } = await collectDocsWithDigest(contentDir, { cacheDir });
      const buildId = searchBuildId(digest);
      // Only issues whose documents (or the search code) changed are tokenised again. A staging
      // build (npm start) links the shards the published site already holds byte for byte.
      const shardsTo = { outDir: directories.output, previous: process.env[PREVIOUS_SITE_ENV] || null };
      const data = await buildSearchDataCached(docs, buildId, { cacheDir: join(cacheDir, 'postings'), shardsTo });
      return { docs, buildId, data, started, ended: performance.now() };
    })();
    // Its failure is reported by eleventy.after, which awaits it; until then it is not unhandled.
    indexing.catch(() => {});
  });
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const pagesWritten = performance.now();
    if (!indexing) throw new Error('the search index was not started: eleventy.before did not run');
    const { docs, buildId, data, started, ended } = await indexing;
    indexing = null;
    const phases: Record<string, number> = { index: ended - started, 'waited for the index after the pages': Math.max(0, ended - pagesWritten) };
    let lap = performance.now();
    const phase = (name: string) => {
      phases[name] = performance.now() - lap;
      lap = performance.now();
    };
    const out = directories.output;
    // A staging build (npm start) links the files the published site already holds byte for byte.
    const { written, reused, unchanged } = await writeSearchData(out, data, { previous: process.env[PREVIOUS_SITE_ENV] || undefined });
    phase('write');
    await bundleBrowserScripts(out, join(cacheDir, 'bundles'));
    phase('browser bundles');
    // Not a reader's: the service worker and manifest themselves, and a build's own records (.page-keys.json).
    const files = listFiles(out).filter((f) => f !== 'sw.js' && f !== OFFLINE_MANIFEST && !/(^|\/)\./.test(f));
    // One by one and synchronously: 16,000 promise stats at once took about a second.
    const sizes = files.map((f) => statSync(join(out, f)).size);
    const siteId = createHash('sha256').update(buildId + files.map((f, i) => `${f} ${sizes[i]}`).join('\n')).digest('hex').slice(0, 12);
    // The whole archive, for the About page's "keep it all offline" (offline-archive.ts).
    const manifest: OfflineManifest = { site: siteId, files: files.map((f, i) => [urlOf(f), sizes[i]!]), bytes: sizes.reduce((a, b) => a + b, 0) };
    await writeFile(join(out, OFFLINE_MANIFEST), `${OFFLINE_REGISTRY}(${JSON.stringify(manifest)});\n`);
    await bundleServiceWorker(out, files.filter(isShell).map(urlOf), siteId, join(cacheDir, 'bundles'));
    phase('offline manifest and service worker');
    // For `npm run bench`: how long the search step took inside the Eleventy run.
    const timings = process.env.BULLETIN_SEARCH_TIMINGS;
    // searchMs: the whole search step, overlapping the pages; afterPagesMs: what it added to the build.
    if (timings) await writeFile(timings, JSON.stringify({ searchMs: performance.now() - started, afterPagesMs: performance.now() - pagesWritten, phases, docs: docs.length, issuesTokenised: data.runsMade, searchFiles: { written, reused, unchanged } }));
  });
}
