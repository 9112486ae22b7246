import { pathToFileURL } from 'node:url';
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

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto(url);
  return page;
}

/** Waits until the status reports the answer to `query` and every rendered item is filled in. */
async function settled(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) =>
      document.getElementById('search-results')?.dataset.query === q ||
      /没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
    query,
  );
  await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].every((li) => (li as HTMLElement).dataset.ready));
}

const resultPaths = (page: Page) =>
  page.$$eval('#search-results li a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('the search page', () => {
  it.each(['华为', '华', 'IPv6', '5G基站', 'AI芯片', '中国移动', '运营商 部署'])(
    'returns the articles whose built pages contain %s',
    async (query) => {
      const page = await openPage(`${server.url}/search/`);
      await page.fill('#search-page-input', query); // typed, not deep-linked: results as they are typed
      await settled(page, query);
      const expected = pages.filter((p) => substringMatches(p.text, query)).map((p) => `/${p.path}`);
      expect(expected.length).toBeGreaterThan(0);
      expect((await resultPaths(page)).sort()).toEqual(expected.sort());
      expect(await page.textContent('#search-status')).toContain(`找到 ${expected.length} 篇文章`);
      await page.close();
    },
  );

  it('shows markup from an article as text, with the match highlighted', async () => {
    const page = await openPage(`${server.url}/search/?q=script`);
    await settled(page, 'script');
    const snippet = page.locator('#search-results .search-result-snippet').first();
    expect(await snippet.textContent()).toContain('<script>alert(1)</script>');
    expect(await snippet.locator('mark').allTextContents()).toEqual(['script', 'script']);
    expect(await page.locator('#search-results script').count()).toBe(0);
    await page.close();
  });

  it('deep-links a query with filters and restores each query on back and forward', async () => {
    const page = await openPage(`${server.url}/search/?q=${encodeURIComponent('华为')}&section=${encodeURIComponent('产业环境')}`);
    await settled(page, '华为');
    expect(await page.inputValue('#search-page-input')).toBe('华为');
    expect(await page.inputValue('#search-section')).toBe('产业环境');
    const filtered = await resultPaths(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(pages.filter((p) => substringMatches(p.text, '华为')).length);

    await page.fill('#search-page-input', 'IPv6');
    await settled(page, 'IPv6'); // typed: the results and the URL follow without Enter
    await page.press('#search-page-input', 'Enter');
    expect(new URL(page.url()).searchParams.get('q')).toBe('IPv6');
    await page.goBack();
    await settled(page, '华为');
    expect(await page.inputValue('#search-page-input')).toBe('华为');
    expect(await resultPaths(page)).toEqual(filtered);
    await page.goForward();
    await settled(page, 'IPv6');
    expect(await page.inputValue('#search-page-input')).toBe('IPv6');
    await page.close();
  });

  it('says so when nothing is found', async () => {
    const page = await openPage(`${server.url}/search/?q=${encodeURIComponent('量子纠缠')}`);
    await settled(page, '量子纠缠');
    expect(await page.textContent('#search-status')).toContain('没有找到');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('renders more results as the reader scrolls until every match is in the list', async () => {
    const page = await openPage(`${server.url}/search/?q=${encodeURIComponent('的')}`);
    await settled(page, '的');
    const expected = pages.filter((p) => substringMatches(p.text, '的')).length;
    expect(expected).toBeGreaterThan(20);
    expect(await page.locator('#search-results li').count()).toBe(20);
    await page.locator('#search-more').scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, expected);
    await page.close();
  });

  it('moves through results with the arrow keys and opens one that highlights the match', async () => {
    const page = await openPage(`${server.url}/search/`);
    await page.click('h1'); // the page focuses its box on load; leave it so `/` has to bring it back
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('search-page-input');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
    await page.keyboard.type('IPv6');
    await settled(page, 'IPv6');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(second).toBe(await page.locator('#search-results li a').nth(1).evaluate((a) => (a as HTMLAnchorElement).href));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForSelector('mark.search-highlight');
    const marks = await page.locator('#article-body mark.search-highlight, article h1 mark.search-highlight').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('ipv6');
    expect(await page.locator('mark.search-highlight').first().isVisible()).toBe(true);
    await page.close();
  });
});

describe('the header search box on an article page', () => {
  it('does not load the index until it is used, then goes to the search page', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${server.url}/${pages[0]!.path}`);
    expect(requested.filter((u) => u.includes('/search/'))).toEqual([]);
    await page.keyboard.press('/');
    await page.keyboard.type('华为');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await settled(page, '华为');
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the site opened from the disk (file://)', () => {
  it('searches and opens a highlighted result without any server', async () => {
    const page = await openPage(pathToFileURL(`${site}/${pages[0]!.path}index.html`).href);
    await page.fill('#site-search-input', 'AI芯片');
    await page.press('#site-search-input', 'Enter');
    await page.waitForURL(/search\/index\.html\?q=/);
    await settled(page, 'AI芯片');
    const expected = pages.filter((p) => substringMatches(p.text, 'AI芯片')).length;
    expect(await page.locator('#search-results li').count()).toBe(expected);
    await page.locator('#search-results li a').first().click();
    await page.waitForSelector('mark.search-highlight');
    expect(page.url()).toMatch(/^file:.*\/index\.html\?highlight=/);
    await page.close();
  });
});
