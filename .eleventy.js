// DEV ONLY (branch search): the site's .eleventy.js replaces this file at merge.
export { default } from './tests/search/support/eleventy.config.js';
