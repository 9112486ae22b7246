import { createHash } from 'node:crypto';
import { cachedValue, forgetAllBut, pruneUnused, sourceVersion } from '../../build-cache.ts';
import { articlePath, issuePath } from '../../urls.ts';
import type { LoadedArticle } from '../content/load-articles.ts';
import { renderArticle } from '../content/render-markdown.ts';
import { countCharacters, excerpt, plainText, readingMinutes, subheadings } from '../content/text-stats.ts';
import { sectionPath, sectionSlug } from '../sections.ts';
import type { SiteArticle } from './types.ts';

/** Newest issue first; within an issue, printed order. */
export function compareArticles(a: SiteArticle, b: SiteArticle): number {
  return b.date.localeCompare(a.date) || b.issue.localeCompare(a.issue) || a.order - b.order;
}

/** What an article's page shows that follows from its body alone: the costly part of the model. */
type Derived = Pick<SiteArticle, 'html' | 'outline' | 'excerpt' | 'headings' | 'characters' | 'text' | 'bodyDigest'>;

function derive({ frontMatter, body }: LoadedArticle): Derived {
  const text = plainText(body);
  const rendered = renderArticle(body, `第 ${frontMatter.order} 篇的表格`);
  const parts = { html: rendered.html, outline: rendered.outline, excerpt: excerpt(body), headings: subheadings(body), characters: countCharacters(text), text };
  return { ...parts, bodyDigest: createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22) };
}

/**
 * Each article's derived parts, made an issue at a time and, given a folder, kept there for the
 * next build under a hash of the issue's bodies and of our code: one more issue on a ten-year
 * archive renders one issue's Markdown, not 120 issues'.
 */
function derivedParts(loaded: LoadedArticle[], cacheDir: string | null): Derived[] {
  if (!cacheDir) return loaded.map(derive);
  const byIssue = new Map<string, number[]>();
  loaded.forEach((article, i) => {
    const list = byIssue.get(article.frontMatter.issue) ?? [];
    list.push(i);
    byIssue.set(article.frontMatter.issue, list);
  });
  const derived: Derived[] = new Array(loaded.length);
  const keys: string[] = [];
  for (const indexes of byIssue.values()) {
    const hash = createHash('sha256').update(sourceVersion());
    for (const i of indexes) hash.update(`\0${loaded[i]!.frontMatter.order}\0`).update(loaded[i]!.body);
    const key = hash.digest('base64url').slice(0, 24);
    keys.push(key);
    const parts = cachedValue(cacheDir, key, () => indexes.map((i) => derive(loaded[i]!)));
    indexes.forEach((i, k) => (derived[i] = parts[k]!));
  }
  forgetAllBut(cacheDir, keys);
  pruneUnused(cacheDir);
  return derived;
}

/** Enriches loaded articles for the pages and links each to its neighbours in the same issue. */
export function buildArticles(loaded: LoadedArticle[], cacheDir: string | null = null): SiteArticle[] {
  const derived = derivedParts(loaded, cacheDir);
  const articles = loaded.map(({ frontMatter }, i): SiteArticle => {
    const { characters, ...parts } = derived[i]!;
    return {
      ...frontMatter,
      url: articlePath(frontMatter),
      issueUrl: issuePath(frontMatter.issue),
      sectionSlug: sectionSlug(frontMatter.section),
      sectionUrl: sectionPath(frontMatter.section),
      ...parts,
      characters,
      minutes: readingMinutes(characters),
      previous: null,
      next: null,
      olderIssue: null,
      newerIssue: null,
      topics: [],
      related: [],
    };
  });
  articles.sort(compareArticles);
  assertUniqueUrls(articles);
  linkNeighbours(articles);
  return articles;
}

function assertUniqueUrls(articles: SiteArticle[]): void {
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.url)) throw new Error(`Two articles share the URL ${article.url}`);
    seen.add(article.url);
  }
}

/** Sorted input: neighbours in the array are neighbours in print when they share an issue. */
function linkNeighbours(articles: SiteArticle[]): void {
  articles.forEach((article, index) => {
    const before = articles[index - 1];
    const after = articles[index + 1];
    if (before?.issue === article.issue) article.previous = { title: before.title, url: before.url };
    if (after?.issue === article.issue) article.next = { title: after.title, url: after.url };
  });
}
