import { createHash } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OFFLINE_MANIFEST, OFFLINE_REGISTRY, type OfflineManifest } from './browser/offline-names.ts';
import { bundleBrowserScripts, bundleServiceWorker } from './bundle-browser.ts';
import { collectDocs } from './collect-docs.ts';
import { buildSearchDataCached } from './postings-cache.ts';
import { listFiles, writeSearchData } from './write-search-data.ts';

export interface SearchPluginOptions {
  /** Where the ingester writes content/<issue>/<slug>.md. */
  contentDir?: string;
  /** Where text extracted and postings made per issue are cached between builds (collect-docs.ts, postings-cache.ts). */
  cacheDir?: string;
}

interface AfterBuild {
  directories: { output: string };
}

interface EleventyConfigLike {
  on(event: 'eleventy.after', handler: (event: AfterBuild) => Promise<void>): void;
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

/**
 * Builds the search into the site once Eleventy has written it: the sharded Lunr index and
 * document texts under search/, the browser bundles under assets/, and sw.js at the root.
 */
export default function searchPlugin(eleventyConfig: EleventyConfigLike, options: SearchPluginOptions = {}): void {
  const contentDir = options.contentDir ?? 'content';
  const cacheDir = options.cacheDir ?? '.cache/search';
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const started = performance.now();
    const phases: Record<string, number> = {};
    const phase = (name: string) => (phases[name] = performance.now() - started - Object.values(phases).reduce((a, b) => a + b, 0));
    const out = directories.output;
    const docs = await collectDocs(contentDir, { cacheDir });
    phase('read');
    const buildId = createHash('sha256').update(JSON.stringify(docs)).digest('hex').slice(0, 12);
    // Only issues whose documents (or the search code) changed are tokenised again.
    const data = await buildSearchDataCached(docs, buildId, { cacheDir: join(cacheDir, 'postings') });
    phase('index');
    await writeSearchData(out, data);
    phase('write');
    await bundleBrowserScripts(out);
    const files = (await listFiles(out)).filter((f) => f !== 'sw.js' && f !== OFFLINE_MANIFEST);
    const sizes = await Promise.all(files.map(async (f) => (await stat(join(out, f))).size));
    const siteId = createHash('sha256').update(buildId + files.map((f, i) => `${f} ${sizes[i]}`).join('\n')).digest('hex').slice(0, 12);
    // The whole archive, for the About page's "keep it all offline" (offline-archive.ts).
    const manifest: OfflineManifest = { site: siteId, files: files.map((f, i) => [urlOf(f), sizes[i]!]), bytes: sizes.reduce((a, b) => a + b, 0) };
    await writeFile(join(out, OFFLINE_MANIFEST), `${OFFLINE_REGISTRY}(${JSON.stringify(manifest)});\n`);
    await bundleServiceWorker(out, files.filter(isShell).map(urlOf), siteId);
    phase('bundles and offline manifest');
    // For `npm run bench`: how long the search step took inside the Eleventy run.
    const timings = process.env.BULLETIN_SEARCH_TIMINGS;
    if (timings) await writeFile(timings, JSON.stringify({ searchMs: performance.now() - started, phases, docs: docs.length, issuesTokenised: data.runsMade }));
  });
}
