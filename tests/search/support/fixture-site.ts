import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildSite } from '../../helpers/build-site.ts';

export const FIXTURE_CONTENT = 'tests/fixtures/search-content';

/** Builds the search fixture articles with the real site config (.eleventy.js); returns its path. */
export function buildFixtureSite(): string {
  return buildSite(resolve(FIXTURE_CONTENT));
}

export interface BuiltPage {
  /** Path relative to the site root, e.g. "2020-11-xxcyjc/01-article-0/". */
  path: string;
  /** The article's title and body as the reader sees them (tags stripped, entities decoded). */
  text: string;
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every built article page, for a substring scan that is independent of the index. */
export async function builtArticles(site: string): Promise<BuiltPage[]> {
  const files = (await readdir(site, { recursive: true })).filter((f) => /^\d{4}-[^/]+\/\d{2}-[^/]+\/index\.html$/.test(f));
  return files.map((file) => {
    const html = readFileSync(join(site, file), 'utf8');
    const article = /<article[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
    return { path: file.replace(/index\.html$/, ''), text: visibleText(article) };
  });
}
