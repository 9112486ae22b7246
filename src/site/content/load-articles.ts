import { readContent, type ContentArticle } from '../../content/read-content.ts';

/** The site's view of content/: the one reader's articles (src/content/read-content.ts). */
export type LoadedArticle = ContentArticle;

/** Every content/<issue>/<slug>.md file, parsed and checked against the FrontMatter contract. */
export function loadArticles(contentDir: string): LoadedArticle[] {
  return readContent(contentDir);
}
