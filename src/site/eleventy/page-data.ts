import { chineseMonth } from '../format.ts';
import type { SectionPage, SiteArticle, SiteIssue, SiteTopic, TopicYearPage } from '../model/types.ts';

/**
 * The output path and title of each page of the paginated templates, as functions of the
 * page's item. Written in front matter as Nunjucks strings, each was compiled again for every
 * page: Eleventy 3.1 compiles a permalink or computed string anew per page, and one more issue
 * built into a 121-issue archive compiled 5,961 small templates (349 ms of compiling).
 * A function is called, never compiled. Each template's `<name>.11tydata.js` exports its entry;
 * the titles are plain strings, escaped where a layout prints them.
 */
interface PageData<K extends string, T> {
  permalink: (data: Record<K, T>) => string;
  eleventyComputed: Record<string, (data: Record<K, T>) => string>;
}

const at = (url: string) => `${url}index.html`;

export const articlePage: PageData<'article', SiteArticle> = {
  permalink: ({ article }) => at(article.url),
  eleventyComputed: { title: ({ article }) => article.title, description: ({ article }) => article.excerpt },
};

export const issuePage: PageData<'issue', SiteIssue> = {
  permalink: ({ issue }) => at(issue.url),
  eleventyComputed: { title: ({ issue }) => `${chineseMonth(issue.date)} · ${issue.publication}` },
};

export const issuePrintPage: PageData<'issue', SiteIssue> = {
  permalink: ({ issue }) => at(issue.printUrl),
  eleventyComputed: { title: ({ issue }) => `${chineseMonth(issue.date)} · 打印版` },
};

export const sectionPage: PageData<'sectionPage', SectionPage> = {
  permalink: ({ sectionPage: page }) => at(page.url),
  eleventyComputed: { title: ({ sectionPage: page }) => (page.pageNumber > 1 ? `${page.section} · 第 ${page.pageNumber} 页` : page.section) },
};

export const topicPage: PageData<'topic', SiteTopic> = {
  permalink: ({ topic }) => at(topic.url),
  eleventyComputed: { title: ({ topic }) => `专题：${topic.name}` },
};

export const topicYearPage: PageData<'topicYear', TopicYearPage> = {
  permalink: ({ topicYear }) => at(topicYear.url),
  eleventyComputed: { title: ({ topicYear }) => `专题：${topicYear.name} · ${topicYear.year} 年` },
};
