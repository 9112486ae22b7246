import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../../src/types.ts';
import { allHrefs, firstHref, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

describe('navigating the site in Chromium', () => {
  it('leads from the home page to an issue, an article and its section by following links', async () => {
    const { page, problems, close } = await suite.site.watched();
    await page.goto(`${suite.site.server.url}/`);
    await page.locator('.issue-list h3 a').first().click();
    await expect.poll(() => page.locator('.toc-section').count()).toBeGreaterThan(0);
    await page.locator('.toc-section .article-item-title a').first().click();
    await expect.poll(() => page.locator('#article-body p').count()).toBeGreaterThan(0);
    const section = (await page.locator('.article-header .kicker a').textContent())!;
    await page.locator('.article-header .kicker a').click();
    expect(await page.locator('h1').textContent()).toBe(section);
    await page.locator('.breadcrumbs a', { hasText: '首页' }).click();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(problems).toEqual([]);
    await close();
  });

  it('chains next and previous links through every article of each issue', async () => {
    const { page, problems, close } = await suite.site.watched();
    await page.goto(`${suite.site.server.url}/archive/`);
    const issues = await allHrefs(page, '.archive-issues a');
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) {
      await page.goto(issue);
      const toc = await allHrefs(page, '.toc-section .article-item-title a');
      await page.goto(toc[0]!);
      const forward = [page.url()];
      while ((await page.locator('a[rel="next"]').count()) > 0) {
        await page.locator('a[rel="next"]').click();
        forward.push(page.url());
      }
      const backward = [page.url()];
      while ((await page.locator('a[rel="prev"]').count()) > 0) {
        await page.locator('a[rel="prev"]').click();
        backward.unshift(page.url());
      }
      // The contents group by section, the chain follows print order: both cover the whole issue.
      expect([...forward].sort()).toEqual([...toc].sort());
      expect(backward).toEqual(forward);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('lists the sections of an issue in canonical order', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto((await suite.site.pageTypes()).issue!);
    const headings = await page.locator('.toc-section h2').evaluateAll((hs) => hs.map((h) => h.firstChild!.textContent!.trim()));
    const ranks = headings.map((heading) => SECTIONS.indexOf(heading as (typeof SECTIONS)[number]));
    expect(ranks.length).toBeGreaterThan(1);
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await close();
  });

  it('says so on an article whose section was inferred, and stays quiet otherwise', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(`${suite.site.server.url}/archive/`);
    const seen = { inferred: 0, printed: 0 };
    for (const issue of await allHrefs(page, '.archive-issues a')) {
      await page.goto(issue);
      const issueSaysInferred = (await page.locator('.page-header .notice').count()) > 0;
      await page.goto(await firstHref(page, '.toc-section .article-item-title a'));
      const articleSaysInferred = (await page.locator('.article-header .section-notice').count()) > 0;
      expect(articleSaysInferred).toBe(issueSaysInferred);
      seen[articleSaysInferred ? 'inferred' : 'printed']++;
    }
    expect(seen.inferred).toBeGreaterThan(0);
    expect(seen.printed).toBeGreaterThan(0);
    await close();
  });
});
