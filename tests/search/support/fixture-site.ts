import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const FIXTURE_CONTENT = 'tests/fixtures/search-content';

/** Builds the fixture articles into a site with the search's Eleventy config; returns its path. */
export function buildFixtureSite(name: string): string {
  const out = resolve('tests/output', name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', '--config=tests/search/support/eleventy.config.js'],
    { env: { ...process.env, CONTENT_DIR: FIXTURE_CONTENT, SITE_DIR: out }, stdio: 'pipe' },
  );
  return out;
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
  const files = (await readdir(site, { recursive: true })).filter((f) => /^\d{4}-.*\/index\.html$/.test(f));
  return files.map((file) => {
    const html = readFileSync(join(site, file), 'utf8');
    const article = /<article>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
    return { path: file.replace(/index\.html$/, ''), text: visibleText(article) };
  });
}
