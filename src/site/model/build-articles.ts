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

/** Enriches loaded articles for the pages and links each to its neighbours in the same issue. */
export function buildArticles(loaded: LoadedArticle[]): SiteArticle[] {
  const articles = loaded.map(({ frontMatter, body }): SiteArticle => {
    const text = plainText(body);
    const rendered = renderArticle(body, `第 ${frontMatter.order} 篇的表格`);
    const characters = countCharacters(text);
    return {
      ...frontMatter,
      url: articlePath(frontMatter),
      issueUrl: issuePath(frontMatter.issue),
      sectionSlug: sectionSlug(frontMatter.section),
      sectionUrl: sectionPath(frontMatter.section),
      html: rendered.html,
      outline: rendered.outline,
      excerpt: excerpt(body),
      headings: subheadings(body),
      characters,
      minutes: readingMinutes(characters),
      previous: null,
      next: null,
      olderIssue: null,
      newerIssue: null,
      text,
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
