import filtersPlugin from './filters.ts';
import relativeUrlsPlugin from './relative-urls-transform.ts';
import siteDataPlugin from './site-data.ts';

interface SiteHost {
  addPlugin(plugin: (config: never) => void): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  setWatchJavaScriptDependencies(watch: boolean): void;
}

/** The bulletin site as one Eleventy plugin: data, filters, the relative-URL transform, assets. */
export default function sitePlugin(eleventyConfig: SiteHost): void {
  eleventyConfig.addPlugin(siteDataPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(relativeUrlsPlugin);
  eleventyConfig.addPassthroughCopy({ assets: 'assets' });
  // Eleventy's watcher parses the config's imports with a JavaScript-only parser, which
  // fails on our TypeScript modules under --serve. Templates and content are still watched.
  eleventyConfig.setWatchJavaScriptDependencies(false);
}
