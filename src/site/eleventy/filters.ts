import { chineseDate, chineseMonth, groupedNumber, rfc3339 } from '../format.ts';

interface FilterHost {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/** Subheadings one level down, for pages (the print view) where the article title is an h2. */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

export function absoluteUrl(path: string, base: string): string {
  return new URL(path, base + '/').href;
}

export default function filtersPlugin(eleventyConfig: FilterHost): void {
  eleventyConfig.addFilter('chineseMonth', chineseMonth);
  eleventyConfig.addFilter('chineseDate', chineseDate);
  eleventyConfig.addFilter('rfc3339', rfc3339);
  eleventyConfig.addFilter('groupedNumber', groupedNumber);
  eleventyConfig.addFilter('demoteHeadings', demoteHeadings);
  eleventyConfig.addFilter('absoluteUrl', absoluteUrl);
}
