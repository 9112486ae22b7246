import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';
import { serveDirectory, type StaticServer } from '../../helpers/static-server.ts';
import { buildFixtureSite, builtArticles } from '../support/fixture-site.ts';
import { substringMatches } from '../support/substring-scan.ts';

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = buildFixtureSite();
  [server, browser] = await Promise.all([serveDirectory(site), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The drafts a pinyin IME shows while the reader types 华为, keystroke by keystroke. */
const PINYIN_DRAFTS = ['h', 'hu', 'hua', "hua'w", "hua'we", "hua'wei"];

/**
 * Records, in the page, everything a reader could see of a query: the URL (every history
 * entry written), the status line, the query the results were rendered for and the result
 * titles, sampled on every DOM change.
 */
async function recordWhatTheReaderSees(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name].bind(history);
      history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
        seen.push(`url:${new URL(String(url), location.href).searchParams.get('q') ?? ''}`);
        original(data, unused, url);
      };
    }
    const sample = () => {
      seen.push(`status:${document.getElementById('search-status')?.textContent ?? ''}`);
      seen.push(`query:${document.getElementById('search-results')?.dataset.query ?? ''}`);
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function composeThenCommit(page: Page, drafts: string[], committed: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const text of drafts) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    // Longer than the typing pause, so a search started by a draft would have run and shown.
    await page.waitForTimeout(250);
  }
  await cdp.send('Input.insertText', { text: committed });
}

describe('typing Chinese through an input method', () => {
  it('never puts the pinyin of a composition in the query, the results or the URL of the search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => (document.getElementById('search-issue') as HTMLSelectElement).options.length > 1);
    await page.focus('#search-page-input');
    await recordWhatTheReaderSees(page);
    await composeThenCommit(page, PINYIN_DRAFTS, '华为');

    await page.waitForFunction(() => document.getElementById('search-results')?.dataset.query === '华为');
    const pages = await builtArticles(site);
    const expected = pages.filter((p) => substringMatches(p.text, '华为')).length;
    expect(expected).toBeGreaterThan(0);
    expect(await page.textContent('#search-status')).toContain(`找到 ${expected} 篇文章`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('华为');

    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((entry) => entry.includes('华为'))).toBe(true); // the recorder did record
    // The fixture's 华为 articles have no Latin in what is recorded: any letter is a draft leaking.
    expect(seen.filter((entry) => /[a-z]/i.test(entry.replace(/^\w+:/, '')))).toEqual([]);
    await page.close();
  });

  it('does not submit the search page when Enter picks a candidate in the input method', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await page.focus('#search-page-input');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'hua', selectionStart: 3, selectionEnd: 3 });
    await recordWhatTheReaderSees(page);
    // An IME's Enter arrives as a key the input method consumed (keyCode 229).
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await page.waitForTimeout(250);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((entry) => entry.includes('hua'))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    await page.close();
  });
});
