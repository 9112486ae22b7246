// The search's own Eleventy config, for its tests and for development on branch search. The
// site's .eleventy.js is the real one; it only needs the two lines marked "search" (with its own
// import path). CONTENT_DIR and SITE_DIR let tests build the fixture articles elsewhere.

import searchPlugin from '../../../src/search/eleventy-plugin.ts'; // search

import { readdirSync } from 'node:fs';

const contentDir = process.env.CONTENT_DIR ?? 'content';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(searchPlugin, { contentDir }); // search

  for (const ignored of ['node_modules/**', 'scratch/**', 'seeds/**', 'README.md', '_site/**', 'tests/helpers/**', 'tests/search/**']) {
    eleventyConfig.ignores.add(ignored);
  }
  if (contentDir !== 'content') eleventyConfig.ignores.add('content/**');
  // Only the chosen content goes in: other fixtures under tests/ belong to other suites.
  for (const entry of readdirSync('tests/fixtures', { withFileTypes: true })) {
    const dir = `tests/fixtures/${entry.name}`;
    if (dir !== contentDir.replace(/\/$/, '')) eleventyConfig.ignores.add(`${dir}/**`);
  }
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
