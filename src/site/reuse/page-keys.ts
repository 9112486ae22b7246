import { createHash } from 'node:crypto';
import { hashFolder, sourceVersion } from '../../build-cache.ts';
import type { PagedKind, SiteArticle, SiteModel } from '../model/types.ts';

/**
 * What a paginated page is made of, as one key: when a page's key is the one the previous build
 * of the same folder wrote, the page would come out byte for byte the same, and its file is
 * reused instead of rendered again. A page shows its own item (an article, an issue, a section
 * page, a topic) and nothing else of the model, through templates and code that are the same
 * for every page, so the key is a hash of the item and of `layoutKey`.
 */
export interface PagedPage<T = unknown> {
  kind: PagedKind;
  item: T;
  /** The output file, relative to the site folder, forward slashes. */
  path: string;
  key: string;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Everything every page is rendered through: the templates, all of our source (filters,
 * formats, the relative-URL transform, and whatever they import), the locked versions of
 * Eleventy and Nunjucks, and the site settings. Any change to one renders every page again.
 */
export function layoutKey(templatesDir: string, siteMeta: unknown): string {
  const hash = createHash('sha256').update(sourceVersion()).update(JSON.stringify(siteMeta));
  return hashFolder(hash, templatesDir).digest('base64url').slice(0, 22);
}

/**
 * An article inside another page's item (a list, the print view) by a digest of what such a
 * page can show of it: all of it but its links to other pages (related articles, topics,
 * neighbours), which only its own page shows. Otherwise a new issue, which changes the related
 * articles of a thousand older ones, would change every list that names one of them. What its
 * body gives is taken by its bodyDigest: hashing the bodies' 20 MB of HTML and text again took
 * 0.4 s of every one more issue at 120 issues.
 */
function articleDigests(articles: SiteArticle[]): WeakMap<object, string> {
  const digests = new WeakMap<object, string>();
  for (const article of articles) {
    const { related, topics, previous, next, olderIssue, newerIssue, html, outline, excerpt, headings, text, ...listed } = article;
    digests.set(article, `article:${sha(JSON.stringify(listed))}`);
  }
  return digests;
}

/**
 * Every page of the paginated templates, with its output path and key, in two steps: the
 * lists (issues, prints, sections, topics) show nothing of an article's links, so they are
 * keyed as soon as the model is made, while its related articles are still being found; the
 * articles' own pages once those are linked (`articlePages`).
 */
export function pagedPagesInTwoSteps(model: SiteModel, layout: string): { listPages: PagedPage[]; articlePages(): PagedPage[] } {
  const digests = articleDigests(model.articles);
  const page = <T extends object>(kind: PagedKind, item: T, url: string, key: string): PagedPage<T> => ({ kind, item, path: `${url.replace(/^\//, '')}index.html`, key });
  const listPages = whileDigested(model.articles, digests, () => {
    const keyOf = (kind: PagedKind, item: object) => sha(`${layout}\n${kind}\n${JSON.stringify(item)}`);
    const list = <T extends object>(kind: PagedKind, item: T, url: string) => page(kind, item, url, keyOf(kind, item));
    return [
      ...model.issues.map((issue) => list('issue', issue, issue.url)),
      ...model.issues.map((issue) => list('print', issue, issue.printUrl)),
      ...model.sectionPages.map((sectionPage) => list('section', sectionPage, sectionPage.url)),
      ...model.topics.map((topic) => list('topic', topic, topic.url)),
      ...model.topicYears.map((topicYear) => list('topic-year', topicYear, topicYear.url)),
    ];
  });
  // An article's own page: its digest and its links.
  const articlePages = () =>
    whileDigested(model.articles, digests, () =>
      model.articles.map((article) => {
        const { related, topics, previous, next, olderIssue, newerIssue } = article;
        return page('article', article, article.url, sha(`${layout}\narticle\n${digests.get(article)}\n${JSON.stringify([related, topics, previous, next, olderIssue, newerIssue])}`));
      }),
    );
  return { listPages, articlePages };
}

/**
 * Runs `make` while an article inside another page's item is written out as its digest: a
 * toJSON that JSON.stringify calls natively (a replacer function, called for every value of
 * 7,000 topic pages, took half a second).
 */
function whileDigested<T>(articles: SiteArticle[], digests: WeakMap<object, string>, make: () => T): T {
  for (const article of articles) Object.defineProperty(article, 'toJSON', { value: () => digests.get(article), configurable: true });
  try {
    return make();
  } finally {
    for (const article of articles) delete (article as { toJSON?: unknown }).toJSON;
  }
}
