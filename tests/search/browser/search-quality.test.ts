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

async function search(query: string, extra = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(
    (q) => document.getElementById('search-results')?.dataset.query === q || /没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
    query,
  );
  await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].every((li) => (li as HTMLElement).dataset.ready));
  return page;
}

const resultPaths = (page: Page) =>
  page.$$eval('#search-results li a', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

describe('a query typed without spaces', () => {
  it('is retried as its words when the phrase finds nothing, and the page says so', async () => {
    expect(pages.filter((p) => substringMatches(p.text, '华为芯片'))).toEqual([]);
    const both = pages.filter((p) => substringMatches(p.text, '华为 芯片')).map((p) => `/${p.path}`);
    expect(both.length).toBeGreaterThan(0);
    const page = await search('华为芯片');
    expect(await page.textContent('#search-hint')).toBe('没有找到完整的“华为芯片”，以下是同时包含“华为”和“芯片”的文章');
    expect((await resultPaths(page)).sort()).toEqual(both.sort());
    // On the article, the words are highlighted, not the phrase that is not there.
    expect(new URL(await page.locator('#search-results li a').first().evaluate((a) => (a as HTMLAnchorElement).href)).searchParams.get('highlight')).toBe('华为 芯片');
    await page.close();
  });
});

describe('a query that finds nothing', () => {
  it('suggests a known term one character away, which finds the articles that contain it', async () => {
    const page = await search('工业互连网');
    expect(await page.textContent('#search-status')).toContain('没有找到');
    expect(await page.textContent('#search-hint')).toBe('您要找的是不是“工业互联网”？');
    await page.click('#search-hint a');
    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.query === '工业互联网');
    // A result's link gets its URL with its text, after the list is drawn.
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].every((li) => (li as HTMLElement).dataset.ready));
    const expected = pages.filter((p) => substringMatches(p.text, '工业互联网')).map((p) => `/${p.path}`);
    expect(expected.length).toBeGreaterThan(0);
    expect((await resultPaths(page)).sort()).toEqual(expected.sort());
    expect(new URL(page.url()).searchParams.get('q')).toBe('工业互联网');
    await page.close();
  });
});

describe('readable results', () => {
  it('shows issue names and months in results and in the filter, never issue ids', async () => {
    const page = await search('5G');
    const issues = await page.locator('.search-result-issue').allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    for (const label of issues) expect(label).toMatch(/^\d{4}年\d{1,2}月 · 行业信息监测与市场分析$/);
    const options = await page.locator('#search-issue option').allTextContents();
    expect(options.slice(1).length).toBe(3);
    for (const label of options.slice(1)) expect(label).toMatch(/^\d{4}年\d{1,2}月 · /);
    const text = await page.textContent('main');
    expect(text).not.toMatch(/\d{4}-\d{2}-[a-z]/);
    await page.close();
  });

  it('sorts by date, newest issue first, and keeps the order in the URL', async () => {
    const page = await search('的');
    const relevance = await resultPaths(page);
    await page.selectOption('#search-sort', 'date');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    await page.waitForFunction(() => [...document.querySelectorAll('#search-results li')].every((li) => (li as HTMLElement).dataset.ready));
    const byDate = await resultPaths(page);
    const months = byDate.map((path) => path.slice(1, 8));
    expect(months).toEqual([...months].sort().reverse());
    expect(byDate).not.toEqual(relevance); // the order really changed
    expect(byDate.length).toBe(relevance.length);
    await page.close();
  });
});
