// Declarative on purpose: directories and plugins only. Behaviour lives in src/site/ and src/search/.
// Eleventy runs under tsx (see package.json) so these TypeScript imports load.
import searchPlugin from './src/search/eleventy-plugin.ts';
import sitePlugin from './src/site/eleventy/site-plugin.ts';

export default function (eleventyConfig) {
  // The plugins' eleventy.after handlers run one after another, in the order added: the site's
  // reused pages are in place before the search plugin lists the files for the offline manifest.
  eleventyConfig.setEventEmitterMode('sequential');
  eleventyConfig.addPlugin(sitePlugin);
  // Last, so the service worker it writes lists every file of the built site.
  eleventyConfig.addPlugin(searchPlugin, { contentDir: process.env.CONTENT_DIR ?? 'content' });
}

export const config = {
  dir: { input: 'templates', includes: '_includes', output: '_site' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
