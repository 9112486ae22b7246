import { resolve } from 'node:path';
import { loadArticles, type LoadedArticle } from '../content/load-articles.ts';
import { buildSiteModelInParallel, relatedInWorker, type RelatedFound } from '../model/build-site-model.ts';
import type { PagedKind, SiteData, SiteModel } from '../model/types.ts';
import { layoutKey, pagedPagesInTwoSteps } from '../reuse/page-keys.ts';
import { DATA_DIRS } from '../../search/write-search-data.ts';
import { clearForRebuild, completeReuse, planReuse, startLinking, type ReusePlan } from '../reuse/previous-build.ts';
import { siteMeta } from '../site-meta.ts';

interface DataHost {
  addGlobalData(name: string, data: unknown): void;
  addWatchTarget(target: string): void;
  on(event: 'eleventy.after' | 'eleventy.before', handler: () => Promise<void>): void;
  directories: { input: string; output: string };
}

/** Where the articles come from: content/ unless CONTENT_DIR points at a fixture. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONTENT_DIR ?? 'content');
}

/** Where the site this build replaces is: the published folder when building into a staging one (src/publish/build-site.ts), else the output folder itself. */
export const PREVIOUS_SITE_ENV = 'BULLETIN_PREVIOUS_SITE';

/** Each issue's rendered articles, kept between builds (src/site/model/build-articles.ts). */
const ARTICLE_CACHE = '.cache/site/articles';
/** What topic finding learned of each article, kept for the next process (src/site/topics/find-topics.ts). */
const TOPIC_FINDINGS = '.cache/site/topic-findings.json';

function byKind(plan: ReusePlan, kind: PagedKind): unknown[] {
  return plan.render.filter((page) => page.kind === kind).map((page) => page.item);
}

/**
 * The whole site model as global data: `bulletin` in templates; `siteMeta` for names and
 * origin. The paginated templates render `bulletin.render`: the pages whose key differs from
 * the previous build's (src/site/reuse/); the others are taken from the previous build once the
 * pages are written, and the sitemap lists them all from `bulletin.pagedUrls`.
 */
export default function siteDataPlugin(eleventyConfig: DataHost): void {
  const dir = contentDir();
  const meta = siteMeta();
  let plan: ReusePlan | null = null;
  eleventyConfig.addWatchTarget(dir);
  // The articles are read, and their related articles started in a worker, before anything
  // else: those are the last part of the model to be ready.
  let started: { loaded: LoadedArticle[]; related: Promise<RelatedFound> } | null = null;
  // A staging folder may hold an older site to build on (src/publish/build-site.ts): cleared of
  // all but its pages before Eleventy writes a file. Registered before the search plugin's.
  eleventyConfig.on('eleventy.before', async () => {
    try {
      const loaded = loadArticles(dir);
      started = { loaded, related: relatedInWorker(loaded) };
    } catch {
      // Said by the data below, which reads them again and reports what is wrong.
      started = null;
    }
    const output = resolve(eleventyConfig.directories.output);
    const previous = process.env[PREVIOUS_SITE_ENV];
    if (previous && resolve(previous) !== output) clearForRebuild(output, DATA_DIRS);
  });
  eleventyConfig.addGlobalData('bulletin', async (): Promise<SiteData> => {
    const loaded = started?.loaded ?? loadArticles(dir);
    let keyed: ReturnType<typeof pagedPagesInTwoSteps> | null = null;
    const layout = layoutKey(eleventyConfig.directories.input, meta);
    // The lists' keys are made while the related articles are still being found.
    const model: SiteModel = await buildSiteModelInParallel(loaded, { cacheDir: ARTICLE_CACHE, topicFindingsFile: TOPIC_FINDINGS }, started?.related, (unlinked) => (keyed = pagedPagesInTwoSteps(unlinked, layout)));
    started = null;
    const output = resolve(eleventyConfig.directories.output);
    const { listPages, articlePages } = keyed!;
    const pages = [...articlePages(), ...listPages];
    plan = planReuse(pages, output, process.env[PREVIOUS_SITE_ENV] || output);
    startLinking(plan);
    return {
      ...model,
      render: {
        articles: byKind(plan, 'article'),
        issues: byKind(plan, 'issue'),
        prints: byKind(plan, 'print'),
        sectionPages: byKind(plan, 'section'),
        topics: byKind(plan, 'topic'),
        topicYears: byKind(plan, 'topic-year'),
      } as SiteData['render'],
      pagedUrls: pages.map((page) => ({ url: `/${page.path.replace(/index\.html$/, '')}`, lastmod: lastmodOf(page.kind, page.item) })),
    };
  });
  // Registered before the search plugin's, and Eleventy runs these one after another
  // (.eleventy.js), so the offline manifest lists the reused pages too.
  eleventyConfig.on('eleventy.after', async () => {
    if (plan) await completeReuse(plan);
    plan = null;
  });
  eleventyConfig.addGlobalData('siteMeta', meta);
}

/** A sitemap's <lastmod>: the date of an article or an issue; none for lists that grow. */
function lastmodOf(kind: PagedKind, item: unknown): string | null {
  return kind === 'article' || kind === 'issue' || kind === 'print' ? (item as { date: string }).date : null;
}
