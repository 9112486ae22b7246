import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';
import { openWatchedPage, type WatchedPage } from './watched-page.ts';

export const SCREENSHOTS = 'tests/output';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };
const MISSING_PAGE = '/no-such-page/';
/** A fixture article with a GFM table, so its scrolling region is audited too. */
const ARTICLE_WITH_TABLE = '/2020-11-xxcyjc/02-5g-ji-zhan-jian-she-jin-zhan/';
/** A fixture article with numbered subheadings (一、 （一） 1.), so it has a table of contents. */
const LONG_ARTICLE = '/2021-01-xxcyjc/01-dian-zi-xin-xi-gong-cheng-shi-si-da-qu-shi/';

export interface SiteBrowser {
  browser: Browser;
  server: StaticServer;
  /** A page that records console errors and failed, external or unexpected 4xx requests. */
  watched(options?: BrowserContextOptions): Promise<WatchedPage>;
  /** One URL of every page type, found by following links from the home page. */
  pageTypes(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function firstHref(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((link) => (link as HTMLAnchorElement).href);
}

export async function allHrefs(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
}

/** Serves a built site on loopback and opens Debian's Chromium on it. */
export async function openSiteBrowser(siteDir: string): Promise<SiteBrowser> {
  const server = await serveDirectory(siteDir);
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The 404 page is meant to answer 404.
  const watched = (options: BrowserContextOptions = {}): Promise<WatchedPage> =>
    openWatchedPage(browser, server.url, options, (url, status) => status === 404 && url.endsWith(MISSING_PAGE));

  const pageTypes = async (): Promise<Record<string, string>> => {
    const { page, close } = await watched();
    await page.goto(`${server.url}/`);
    const issue = await firstHref(page, '.issue-list h3 a');
    await page.goto(issue);
    const article = await firstHref(page, '.toc-section .article-item-title a');
    const print = await firstHref(page, '.page-header a[href*="print"]');
    await page.goto(article);
    const section = await firstHref(page, '.article-header .kicker a');
    await page.goto(`${server.url}/topics/`);
    const topic = await firstHref(page, '.topic-index a');
    // A topic with articles in more than one year has a page for each earlier year.
    let topicYear = '';
    for (const href of await allHrefs(page, '.topic-index a')) {
      await page.goto(href);
      if ((await page.locator('.topic-years a:not([aria-current])').count()) > 0) {
        topicYear = await firstHref(page, '.topic-years a:not([aria-current])');
        break;
      }
    }
    if (!topicYear) throw new Error('the fixture site has no topic with articles in two years: add one, so the topic year page is tested');
    await close();
    const at = (path: string): string => `${server.url}${path}`;
    return {
      home: at('/'), issue, article, articleWithTable: at(ARTICLE_WITH_TABLE), section, print,
      sections: at('/sections/'), archive: at('/archive/'), about: at('/about/'), notFound: at(MISSING_PAGE),
      search: at('/search/?q=%E5%B7%A5%E4%BF%A1%E9%83%A8'),
      longArticle: at(LONG_ARTICLE), topics: at('/topics/'), topic, topicYear,
    };
  };

  const close = async (): Promise<void> => {
    await browser.close();
    await server.close();
  };
  return { browser, server, watched, pageTypes, close };
}

/**
 * Opens the run's shared fixture site in Chromium for one test file, with every page type's
 * URL, and closes it after the file: the setup each browser suite would otherwise repeat.
 */
export function useSiteBrowser(): { site: SiteBrowser; pageTypes: Record<string, string> } {
  const suite = {} as { site: SiteBrowser; pageTypes: Record<string, string> };
  beforeAll(async () => {
    suite.site = await openSiteBrowser(inject('siteDir'));
    suite.pageTypes = await suite.site.pageTypes();
  });
  afterAll(async () => {
    await suite.site?.close();
  });
  return suite;
}
