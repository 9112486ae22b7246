import { safeMatter } from '../frontmatter.ts';
import { bulletinFiles, type ArticleFile } from '../ingest/to-markdown.ts';
import type { Bulletin } from '../types.ts';
import matter from 'gray-matter';

/**
 * The article files of a bulletin. An article renamed by a correction keeps the URL of the title
 * it was first found under: its slug is made from that title, and only its front matter's title
 * changes.
 */
export function contentFiles(bulletin: Pick<Bulletin, 'articles' | 'meta'>): ArticleFile[] {
  const underUrlTitles = { ...bulletin, articles: bulletin.articles.map((a) => ({ ...a, title: a.urlTitle ?? a.title })) };
  return bulletinFiles(underUrlTitles).map((file, i) => {
    const article = bulletin.articles[i];
    if (article.urlTitle === undefined) return file;
    const frontMatter = { ...file.frontMatter, title: article.title };
    return { ...file, frontMatter, content: matter.stringify(safeMatter(file.content).content, { ...frontMatter }) };
  });
}
