import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { serveDirectory, type StaticServer } from '../../helpers/static-server.ts';
import { buildFixtureSite, builtArticles, type BuiltPage } from '../support/fixture-site.ts';
import { substringMatches } from '../support/substring-scan.ts';

let site: string;
let pages: BuiltPage[];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = buildFixtureSite();
  pages = await builtArticles(site);
  [server, browser] = await Promise.all([serveDirectory(site), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The article paths a plain substring scan says contain the query. */
const expectedFor = (query: string) => pages.filter((p) => substringMatches(p.text, query)).map((p) => `/${p.path}`).sort();

async function resultsFor(page: Page, query: string): Promise<string[]> {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].some((li) => (li as HTMLElement).dataset.ready));
  const found = await page.$$eval('#search-results li a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  return found.sort();
}

/** Every URL the page's origin holds in Cache Storage. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });

/** What the About page offers to keep, from the built files (every file but the worker and the manifest). */
function archiveMb(): string {
  let bytes = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !/(^|\/)sw\.js$|search\/offline\.js$/.test(path)) bytes += statSync(path).size;
  }
  return (bytes / 1e6).toFixed(1);
}

describe('the site with the network cut', () => {
  it('after one visit keeps the page opened and the site shell, but downloads no other article and no search data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const opened = pages[0]!;
    await page.goto(`${server.url}/${opened.path}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(async (path) => Boolean(await caches.match(path)), `/${opened.path}`);

    const cached = await cachedUrls(page);
    expect(cached).toContain('/assets/search-page.js');
    expect(cached.filter((url) => url.startsWith('/search/shards/') || url.startsWith('/search/text/') || url === '/search/meta.js')).toEqual([]);
    expect(cached).not.toContain(`/${pages[pages.length - 1]!.path}`);

    await context.setOffline(true);
    await page.goto(`${server.url}/${opened.path}`);
    expect(await page.locator('#article-body').count()).toBe(1);
    await expect(page.goto(`${server.url}/${pages[pages.length - 1]!.path}`)).rejects.toThrow();
    await context.close();
  });

  it('answers a query searched once again with the network cut, from what that query loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const online = await resultsFor(page, '5G基站');
    expect(online).toEqual(expectedFor('5G基站'));
    await context.setOffline(true);
    expect(await resultsFor(page, '5G基站')).toEqual(online);
    await context.close();
  });

  it('keeps the whole archive on request, after showing its size: then every page and any query work offline', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/about/`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const start = page.locator('#offline-archive-start');
    await start.waitFor({ state: 'visible' });
    expect(await page.locator('#offline-archive-size').textContent()).toBe(archiveMb());
    await start.click();
    await page.waitForFunction(() => document.getElementById('offline-archive-status')!.textContent!.includes('全部归档'));

    await context.setOffline(true);
    const unvisited = pages[pages.length - 1]!;
    await page.goto(`${server.url}/${unvisited.path}`);
    expect(await page.locator('#article-body').count()).toBe(1);
    expect(await resultsFor(page, '华为')).toEqual(expectedFor('华为'));
    await context.close();
  });

  it('lets a reader cancel keeping the archive, and resumes where it stopped', async () => {
    // Without the worker, the page's own downloads can be slowed down here.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/search/text/**', async (route) => {
      await new Promise((r) => setTimeout(r, 150));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/about/`);
    const start = page.locator('#offline-archive-start');
    await start.click();
    const progress = page.locator('#offline-archive-progress');
    await page.waitForFunction(() => (document.getElementById('offline-archive-progress') as HTMLProgressElement).value > 3);
    await page.locator('#offline-archive-cancel').click();
    await page.waitForFunction(() => document.getElementById('offline-archive-status')!.textContent!.includes('已取消'));
    const total = Number(await progress.getAttribute('max'));
    const keptAfterCancel = (await cachedUrls(page)).length;
    expect(keptAfterCancel).toBeGreaterThan(0);
    expect(keptAfterCancel).toBeLessThan(total);

    await context.unroute('**/search/text/**');
    await start.click();
    await page.waitForFunction(() => document.getElementById('offline-archive-status')!.textContent!.includes('全部归档'));
    expect((await cachedUrls(page)).length).toBe(total);
    await context.close();
  });
});

describe('the site opened from disk', () => {
  it('offers no download on the About page, because everything is on the disk already, and still searches', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`file://${join(site, 'about/index.html')}`);
    await page.waitForFunction(() => document.getElementById('offline-archive-status')!.textContent!.includes('本地磁盘'));
    expect(await page.locator('#offline-archive-start').isVisible()).toBe(false);
    await page.goto(`file://${join(site, 'search/index.html')}?q=${encodeURIComponent('5G基站')}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].some((li) => (li as HTMLElement).dataset.ready));
    const found = await page.$$eval('#search-results li a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(found.map((path) => path.slice(site.length).replace(/index\.html$/, '')).sort()).toEqual(expectedFor('5G基站'));
    await context.close();
  });
});
