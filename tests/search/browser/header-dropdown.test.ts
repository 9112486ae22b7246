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

const options = '#site-search-suggestions [role="option"]';

async function typeInHeader(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.getElementById('site-search-input')?.getAttribute('aria-expanded') === 'true');
}

describe('the header search box as the reader types', () => {
  it('shows the `/` shortcut in the box until the box is used', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${pages[0]!.path}`);
    expect(await page.locator('.site-search .search-shortcut').isVisible()).toBe(true);
    expect(await page.getAttribute('#site-search-input', 'aria-keyshortcuts')).toBe('/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    expect(await page.locator('.site-search .search-shortcut').isVisible()).toBe(false);
    await page.close();
  });

  it('lists the first results with their issue names, and opens the one chosen with ↓ and Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${pages[0]!.path}`);
    await typeInHeader(page, '华为');
    const expected = pages.filter((p) => substringMatches(p.text, '华为')).length;
    const count = await page.locator(options).count();
    expect(count).toBe(Math.min(6, expected) + 1); // plus "all results"
    expect(await page.locator(options).last().textContent()).toBe(`查看全部 ${expected} 篇结果`);
    const meta = await page.locator('.search-suggestion-meta').allTextContents();
    for (const line of meta) expect(line).toMatch(/^\d{4}年\d{1,2}月 · 行业信息监测与市场分析 · /);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    const activeId = await page.getAttribute('#site-search-input', 'aria-activedescendant');
    expect(activeId).toBe('site-search-option-1');
    expect(await page.getAttribute(`#${activeId}`, 'aria-selected')).toBe('true');
    const href = await page.getAttribute(`#${activeId}`, 'data-href');
    await page.keyboard.press('Enter');
    await page.waitForURL(href!);
    await page.waitForSelector('mark.search-highlight');
    await page.close();
  });

  it('goes to the full search page on Enter when no result is chosen, and closes on Esc', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${pages[0]!.path}`);
    await typeInHeader(page, 'IPv6');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#site-search-input', 'aria-expanded')).toBe('false');
    expect(await page.locator('#site-search-suggestions').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=IPv6$/);
    await page.close();
  });

  it('shows no pinyin while an input method composes, then the results of the committed word', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/${pages[0]!.path}`);
    await page.focus('#site-search-input');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      const box = document.getElementById('site-search-suggestions')!;
      new MutationObserver(() => seen.push(box.textContent ?? '')).observe(box, { subtree: true, childList: true, characterData: true });
    });
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['h', 'hua', "hua'wei"]) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await page.waitForTimeout(250); // longer than the typing pause
    }
    expect(await page.getAttribute('#site-search-input', 'aria-expanded')).toBe('false');
    await cdp.send('Input.insertText', { text: '华为' });
    await page.waitForFunction(() => document.getElementById('site-search-input')?.getAttribute('aria-expanded') === 'true');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((text) => /hua|“h/.test(text))).toEqual([]);
    expect(await page.locator(options).last().textContent()).toMatch(/^查看全部 \d+ 篇结果$/);
    await page.close();
  });

  it('works from the disk (file://)', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(`${site}/${pages[0]!.path}index.html`).href);
    await typeInHeader(page, '华为');
    expect(await page.locator(options).count()).toBeGreaterThan(1);
    const href = await page.locator(options).first().getAttribute('data-href');
    expect(href).toMatch(/^file:.*\/index\.html\?highlight=/);
    await page.close();
  });
});
