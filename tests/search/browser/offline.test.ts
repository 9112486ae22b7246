import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { serveDirectory, type StaticServer } from '../../helpers/static-server.ts';
import { buildFixtureSite, builtArticles, type BuiltPage } from '../support/fixture-site.ts';
import { substringMatches } from '../support/substring-scan.ts';

let pages: BuiltPage[];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const site = buildFixtureSite();
  pages = await builtArticles(site);
  [server, browser] = await Promise.all([serveDirectory(site), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the site with the network cut', () => {
  it('after one visit, browses to unvisited pages and searches with no network', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/${pages[0]!.path}`);
    // One visit: the service worker installs and caches the whole site.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);

    const unvisited = pages[pages.length - 1]!;
    await page.goto(`${server.url}/${unvisited.path}`);
    expect(await page.locator('#article-body').count()).toBe(1);

    await page.goto(`${server.url}/search/?q=${encodeURIComponent('5G基站')}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].some((li) => (li as HTMLElement).dataset.ready));
    const expected = pages.filter((p) => substringMatches(p.text, '5G基站')).map((p) => `/${p.path}`);
    const found = await page.$$eval('#search-results li a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found.sort()).toEqual(expected.sort());
    await context.close();
  });
});
