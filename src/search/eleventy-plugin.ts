import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { buildSearchData } from './build-index.ts';
import { bundleBrowserScripts, bundleServiceWorker } from './bundle-browser.ts';
import { collectDocs } from './collect-docs.ts';
import { listFiles, writeSearchData } from './write-search-data.ts';

export interface SearchPluginOptions {
  /** Where the ingester writes content/<issue>/<slug>.md. */
  contentDir?: string;
  /** Where text extracted per issue is cached between builds (see collectDocs). */
  cacheDir?: string;
}

interface AfterBuild {
  directories: { output: string };
}

interface EleventyConfigLike {
  on(event: 'eleventy.after', handler: (event: AfterBuild) => Promise<void>): void;
}

/** URLs the service worker caches: folders for index.html, because that is what readers request. */
function cacheUrls(files: string[]): string[] {
  return files
    .filter((f) => f !== 'sw.js')
    .map((f) => (f === 'index.html' ? './' : f.endsWith('/index.html') ? f.slice(0, -'index.html'.length) : f));
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
    const out = directories.output;
    const docs = await collectDocs(contentDir, { cacheDir });
    const buildId = createHash('sha256').update(JSON.stringify(docs)).digest('hex').slice(0, 12);
    await writeSearchData(out, buildSearchData(docs, buildId));
    await bundleBrowserScripts(out);
    const files = await listFiles(out);
    const siteId = createHash('sha256').update(buildId + files.join('\n')).digest('hex').slice(0, 12);
    await bundleServiceWorker(out, cacheUrls(files), siteId);
    // For `npm run bench`: how long the search step took inside the Eleventy run.
    const timings = process.env.BULLETIN_SEARCH_TIMINGS;
    if (timings) await writeFile(timings, JSON.stringify({ searchMs: performance.now() - started, docs: docs.length }));
  });
}
