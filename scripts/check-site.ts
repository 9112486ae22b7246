/**
 * Checks a built site: zero broken internal links and valid HTML on every page.
 * Usage: npm run check:site [-- siteDir]   (default _site)
 */
import { findBrokenLinks } from '../src/site/check/find-broken-links.ts';
import { listSiteFiles } from '../src/site/check/site-files.ts';
import { validateSiteHtml } from '../src/site/check/validate-html.ts';

const siteDir = process.argv[2] ?? '_site';
const pages = listSiteFiles(siteDir).filter((file) => file.endsWith('.html'));
const broken = findBrokenLinks(siteDir);
const problems = await validateSiteHtml(siteDir);

for (const link of broken) console.log(`broken link  ${link.page}: ${link.link} (${link.reason})`);
for (const problem of problems) console.log(`invalid html ${problem.page}:${problem.line} ${problem.rule}: ${problem.message}`);
console.log(`${pages.length} pages, ${broken.length} broken links, ${problems.length} HTML problems`);
process.exitCode = broken.length + problems.length > 0 ? 1 : 0;
