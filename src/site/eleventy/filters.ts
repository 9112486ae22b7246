import { chineseDate, chineseMonth, groupedNumber, rfc3339 } from '../format.ts';
import { monthChart, monthSummary } from '../topics/month-chart.ts';

interface FilterHost {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/** Subheadings one level down, for pages (the print view) where the article title is an h2. */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

/**
 * Heading ids made unique on a page holding many articles (the print view): each id, and
 * every link to it, gets the article's prefix.
 */
export function prefixIds(html: string, prefix: string): string {
  return html.replace(/(<h[2-6][^>]*\sid=")([^"]+)"/g, (_, start: string, id: string) => `${start}${prefix}-${id}"`);
}

export function absoluteUrl(path: string, base: string): string {
  return new URL(path, base + '/').href;
}

/**
 * A reference to an article in the GB/T 7714-2015 form for an online periodical article:
 * 题名[J/OL]. 刊名, 年(期). 访问路径. The bulletin prints no authors, so none is given; the
 * issue number is the month, the bulletin being monthly.
 */
export function citation(article: { title: string; publication: string; date: string; url: string }, base: string): string {
  const [year = '', month = '1'] = article.date.split('-');
  return `${article.title}[J/OL]. ${article.publication}, ${year}(${Number(month)}). ${absoluteUrl(article.url, base)}.`;
}

interface CollectionEntry {
  url: string | false;
  data: { pagination?: unknown };
}

/**
 * The sitemap's pages, by URL: the pages of the templates that are not paginated, from
 * Eleventy's collection, and every paginated page from the model: a build renders only the
 * paginated pages that changed, so the collection holds only those.
 */
export function sitemapEntries(all: CollectionEntry[], paged: { url: string; lastmod: string | null }[]): { url: string; lastmod: string | null }[] {
  // A single page is no article or issue: it has no date of its own.
  const single = all.filter((entry) => entry.url && !entry.data.pagination).map((entry) => ({ url: entry.url as string, lastmod: null }));
  const key = (url: string) => url.toLowerCase();
  return [...single, ...paged].sort((a, b) => (key(a.url) < key(b.url) ? -1 : key(a.url) > key(b.url) ? 1 : 0));
}

export default function filtersPlugin(eleventyConfig: FilterHost): void {
  eleventyConfig.addFilter('chineseMonth', chineseMonth);
  eleventyConfig.addFilter('chineseDate', chineseDate);
  eleventyConfig.addFilter('rfc3339', rfc3339);
  eleventyConfig.addFilter('groupedNumber', groupedNumber);
  eleventyConfig.addFilter('demoteHeadings', demoteHeadings);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
  eleventyConfig.addFilter('prefixIds', prefixIds);
  eleventyConfig.addFilter('citation', citation);
  eleventyConfig.addFilter('sitemapEntries', sitemapEntries);
  eleventyConfig.addFilter('monthChart', monthChart);
  eleventyConfig.addFilter('monthSummary', monthSummary);
}
