// The page's permalink and title as functions: see src/site/eleventy/page-data.ts.
export { articlePage as default } from '../src/site/eleventy/page-data.ts';
