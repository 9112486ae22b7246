// Declarative on purpose: directories and plugins only. Behaviour lives in src/site/.
// Eleventy runs under tsx (see package.json) so these TypeScript imports load.
import sitePlugin from './src/site/eleventy/site-plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(sitePlugin);
  // The search plugin is added here: eleventyConfig.addPlugin(searchPlugin);
}

export const config = {
  dir: { input: 'templates', includes: '_includes', output: '_site' },
  templateFormats: ['njk'],
  htmlTemplateEngine: 'njk',
};
