import { resolve } from 'node:path';
import { loadArticles } from '../content/load-articles.ts';
import { buildSiteModel } from '../model/build-site-model.ts';
import { siteMeta } from '../site-meta.ts';

interface DataHost {
  addGlobalData(name: string, data: unknown): void;
  addWatchTarget(target: string): void;
}

/** Where the articles come from: content/ unless CONTENT_DIR points at a fixture. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CONTENT_DIR ?? 'content');
}

/** The whole site model as global data: `bulletin` in templates; `siteMeta` for names and origin. */
export default function siteDataPlugin(eleventyConfig: DataHost): void {
  const dir = contentDir();
  eleventyConfig.addWatchTarget(dir);
  eleventyConfig.addGlobalData('bulletin', () => buildSiteModel(loadArticles(dir)));
  eleventyConfig.addGlobalData('siteMeta', siteMeta());
}
