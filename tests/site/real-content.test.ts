import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/site/check/find-broken-links.ts';
import { listSiteFiles } from '../../src/site/check/site-files.ts';
import { validateSiteHtml } from '../../src/site/check/validate-html.ts';
import { loadArticles } from '../../src/site/content/load-articles.ts';
import { buildSite } from '../helpers/build-site.ts';

// The real bulletins in seeds/, ingested afresh, not the hand-written fixture: whatever the
// ingester writes must still make a clean site. Fresh, so the test never depends on content/.
const CONTENT = mkdtempSync(join(tmpdir(), 'ingested-'));
let siteDir: string;

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--out', CONTENT], { stdio: 'ignore' });
  siteDir = buildSite(CONTENT);
});

afterAll(() => {
  rmSync(siteDir, { recursive: true, force: true });
  rmSync(CONTENT, { recursive: true, force: true });
});

describe('the site built from every bulletin in seeds/, freshly ingested', () => {
  it('has a page for every article', () => {
    const pages = new Set(listSiteFiles(siteDir));
    const articles = loadArticles(CONTENT);
    expect(articles.length).toBeGreaterThan(0);
    for (const { frontMatter } of articles) {
      expect(pages.has(`${frontMatter.issue}/${frontMatter.slug}/index.html`)).toBe(true);
    }
  });

  it('has zero broken internal links', () => {
    expect(findBrokenLinks(siteDir)).toEqual([]);
  });

  it('is valid HTML on every page', async () => {
    expect(await validateSiteHtml(siteDir)).toEqual([]);
  });
});
