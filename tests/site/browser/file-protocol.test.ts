import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium.ts';

const siteDir = inject('siteDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the site opened straight from disk (file://)', () => {
  it('lets a reader click from the home page to an issue and an article, styles and scripts loaded', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    page.on('pageerror', (error) => failed.push(error.message));

    await page.goto(pathToFileURL(join(siteDir, 'index.html')).href);
    // site.js has rewritten folder links to their index.html.
    expect(await page.locator('.issue-list h3 a').first().getAttribute('href')).toMatch(/\/index\.html$/);
    expect(await page.locator('form.site-search').getAttribute('action')).toMatch(/search\/index\.html$/);

    await page.locator('.issue-list h3 a').first().click();
    expect(page.url()).toMatch(/^file:.*\/index\.html$/);
    await page.locator('.toc-section .article-item-title a').first().click();
    expect(page.url()).toMatch(/^file:.*\/index\.html$/);
    expect(await page.locator('#article-body p').count()).toBeGreaterThan(0);

    // The stylesheet arrived: the header carries its accent rule.
    const rule = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle);
    expect(rule).toBe('solid');
    await page.locator('.breadcrumbs a').first().click();
    expect(page.url()).toBe(pathToFileURL(join(siteDir, 'index.html')).href);
    expect(failed).toEqual([]);
    await page.close();
  });
});
