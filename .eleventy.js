// DEV ONLY (branch search): a stand-in for the site's config. At merge the site's .eleventy.js
// wins and only gains the two lines marked "search".
import searchPlugin from './src/search/eleventy-plugin.ts'; // search

const contentDir = process.env.CONTENT_DIR ?? 'content';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(searchPlugin, { contentDir }); // search

  for (const ignored of ['node_modules/**', 'scratch/**', 'seeds/**', 'README.md', '_site/**', 'tests/helpers/**', 'tests/search/**']) {
    eleventyConfig.ignores.add(ignored);
  }
  if (contentDir !== 'content') eleventyConfig.ignores.add('content/**');
  if (!contentDir.startsWith('tests/')) eleventyConfig.ignores.add('tests/**');
  // Article bodies are text from PDFs: "<script>" in them is text, never markup.
  eleventyConfig.amendLibrary('md', (md) => md.set({ html: false }));
  eleventyConfig.addFilter('relativeTo', (path, pageUrl) => {
    const depth = (pageUrl ?? '/').split('/').length - 2;
    return '../'.repeat(Math.max(depth, 0)) + path.replace(/^\//, '');
  });
  eleventyConfig.addGlobalData('eleventyComputed', {
    permalink: (data) => (data.slug && data.issue ? `/${data.issue}/${data.slug}/index.html` : data.permalink),
    layout: (data) => (data.slug && data.issue ? 'layouts/base.njk' : data.layout),
  });
  eleventyConfig.addTemplate('dev-site-js.njk', '', { permalink: '/assets/site.js' });
  return { dir: { input: '.', includes: 'templates/_includes', output: process.env.SITE_DIR ?? '_site' }, markdownTemplateEngine: false };
}
