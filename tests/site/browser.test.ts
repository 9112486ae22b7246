import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECTIONS } from '../../src/types.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { openWatchedPage, type WatchedPage } from '../helpers/watched-page.ts';

const SCREENSHOTS = 'tests/output';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const MISSING_PAGE = '/no-such-page/';

let browser: Browser;
let server: StaticServer;
/** One URL of every page type, found by following links from the home page. */
let pageTypes: Record<string, string>;

async function watched(options: Parameters<typeof openWatchedPage>[2] = {}): Promise<WatchedPage> {
  // The 404 page is meant to answer 404.
  return openWatchedPage(browser, server.url, options, (url, status) => status === 404 && url.endsWith(MISSING_PAGE));
}

async function firstHref(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((link) => (link as HTMLAnchorElement).href);
}

beforeAll(async () => {
  server = await serveDirectory(inject('siteDir'));
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { page, close } = await watched();
  await page.goto(`${server.url}/`);
  const issue = await firstHref(page, '.issue-list a');
  await page.goto(issue);
  const article = await firstHref(page, '.toc-section .article-item-title a');
  const print = await firstHref(page, '.page-header a[href*="print"]');
  await page.goto(article);
  const section = await firstHref(page, '.article-header .kicker a');
  pageTypes = {
    home: `${server.url}/`, issue, article, section, print,
    sections: `${server.url}/sections/`, archive: `${server.url}/archive/`, about: `${server.url}/about/`,
    notFound: `${server.url}${MISSING_PAGE}`,
  };
  await close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the site in Chromium', () => {
  it('leads from the home page to an issue, an article and its section by following links', async () => {
    const { page, problems, close } = await watched();
    await page.goto(`${server.url}/`);
    await page.locator('.issue-list a').first().click();
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

  it('chains next and previous links through every article of each issue, in table-of-contents order', async () => {
    const { page, problems, close } = await watched();
    await page.goto(`${server.url}/archive/`);
    const issues = await page.locator('.archive-issues a').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
    expect(issues.length).toBeGreaterThan(1);
    for (const issue of issues) {
      await page.goto(issue);
      const toc = await page.locator('.toc-section .article-item-title a').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
      const forward = [toc[0]!];
      await page.goto(toc[0]!);
      while ((await page.locator('a[rel="next"]').count()) > 0) {
        await page.locator('a[rel="next"]').click();
        forward.push(page.url());
      }
      const backward = [page.url()];
      while ((await page.locator('a[rel="prev"]').count()) > 0) {
        await page.locator('a[rel="prev"]').click();
        backward.unshift(page.url());
      }
      // The table of contents groups by section; the chain follows print order. Both cover the issue.
      expect([...forward].sort()).toEqual([...toc].sort());
      expect(backward).toEqual(forward);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('lists sections on an issue page in canonical order', async () => {
    const { page, close } = await watched();
    await page.goto(pageTypes.issue!);
    const headings = await page.locator('.toc-section h2').evaluateAll((hs) => hs.map((h) => h.firstChild!.textContent!.trim()));
    const ranks = headings.map((heading) => SECTIONS.indexOf(heading as (typeof SECTIONS)[number]));
    expect(ranks.every((rank) => rank >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await close();
  });

  it('has zero serious or critical axe-core violations on every page type, in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems, close } = await watched({ colorScheme });
      for (const [type, url] of Object.entries(pageTypes)) {
        await page.goto(url);
        expect(await seriousAxeViolations(page), `${type} (${colorScheme})`).toEqual([]);
      }
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('loads every page type with no console error, failed or external request under a strict CSP', async () => {
    const { page, problems, close } = await watched();
    for (const url of Object.values(pageTypes)) {
      await page.goto(url, { waitUntil: 'load' });
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('fits every page type on a 360 px phone without sideways scrolling', async () => {
    const { page, close } = await watched({ viewport: PHONE });
    for (const [type, url] of Object.entries(pageTypes)) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), type).toBeLessThanOrEqual(PHONE.width);
    }
    await close();
  });

  it('offers a skip link as the first stop of the keyboard, with a visible focus ring, that jumps to main', async () => {
    const { page, close } = await watched();
    await page.goto(pageTypes.article!);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.text).toBe('跳到正文');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });

  it('says so on an article whose section was inferred, and stays quiet otherwise', async () => {
    const { page, close } = await watched();
    await page.goto(`${server.url}/archive/`);
    const issues = await page.locator('.archive-issues a').evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).href));
    let inferred = 0;
    let printed = 0;
    for (const issue of issues) {
      await page.goto(issue);
      const issueSaysInferred = (await page.locator('.page-header .notice').count()) > 0;
      await page.goto(await firstHref(page, '.toc-section .article-item-title a'));
      const articleSaysInferred = (await page.locator('.article-header .notice').count()) > 0;
      expect(articleSaysInferred).toBe(issueSaysInferred);
      if (articleSaysInferred) inferred++;
      else printed++;
    }
    expect(inferred).toBeGreaterThan(0);
    expect(printed).toBeGreaterThan(0);
    await close();
  });

  it('prints an issue on A4 with no navigation and each article starting on a new page', async () => {
    const { page, close } = await watched();
    await page.goto(pageTypes.print!);
    const articles = await page.locator('.print-article').count();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SCREENSHOTS}/print-media-a4.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    // A cover with the contents, then every article on a page (or more) of its own.
    expect(pages.length).toBeGreaterThanOrEqual(articles + 1);
    await close();
  });

  it('takes phone and desktop screenshots of every page type in light and dark mode', async () => {
    for (const [device, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await watched({ viewport, colorScheme });
        for (const [type, url] of Object.entries(pageTypes)) {
          await page.goto(url);
          const shot = await page.screenshot({ path: `${SCREENSHOTS}/${type}-${device}-${colorScheme}.png`, fullPage: true });
          expect(shot.length).toBeGreaterThan(1000);
        }
        await close();
      }
    }
  });
});
