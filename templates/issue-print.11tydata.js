// The page's permalink and title as functions: see src/site/eleventy/page-data.ts.
export { issuePrintPage as default } from '../src/site/eleventy/page-data.ts';
