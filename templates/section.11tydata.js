// The page's permalink and title as functions: see src/site/eleventy/page-data.ts.
export { sectionPage as default } from '../src/site/eleventy/page-data.ts';
