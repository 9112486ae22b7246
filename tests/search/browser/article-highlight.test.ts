import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/search/fold.ts';
import { useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('the query highlighted on an article', () => {
  it('marks only whole matches of the query, never a lone part of it', async () => {
    const { page, close } = await suite.site.watched();
    const url = new URL(suite.pageTypes.articleWithTable!);
    url.searchParams.set('highlight', '5G基站');
    await page.goto(url.href);
    await page.waitForSelector('.highlight-bar');
    const text = fold(await page.locator('article').evaluate((article) => {
      const copy = article.cloneNode(true) as HTMLElement;
      copy.querySelector('.highlight-bar')?.remove();
      return copy.textContent ?? '';
    }));
    // The fixture prints "5G 基站" (spaced) and also a lone "5G", which must stay unmarked.
    expect(count(text, '5g')).toBeGreaterThan(count(text, '5g基站'));
    const marks = await page.locator('mark.search-highlight').allTextContents();
    expect(marks.length).toBe(count(text, '5g基站'));
    expect(marks.length).toBeGreaterThan(1);
    for (const mark of marks) expect(fold(mark)).toBe('5g基站');
    await close();
  });

  it('counts the matches and steps through them, wrapping, with next and previous', async () => {
    const { page, close } = await suite.site.watched();
    const url = new URL(suite.pageTypes.articleWithTable!);
    url.searchParams.set('highlight', '5G基站');
    await page.goto(url.href);
    const total = await page.locator('mark.search-highlight').count();
    const current = () => page.locator('mark.search-highlight').evaluateAll((marks) => marks.findIndex((m) => m.classList.contains('is-current')));
    expect(await page.textContent('.highlight-count')).toBe(`“5G基站” 第 1/${total} 处`);
    expect(await current()).toBe(0);
    await page.click('.highlight-bar button:has-text("下一处")');
    expect(await page.textContent('.highlight-count')).toBe(`“5G基站” 第 2/${total} 处`);
    expect(await current()).toBe(1);
    await page.click('.highlight-bar button:has-text("上一处")');
    await page.click('.highlight-bar button:has-text("上一处")');
    expect(await page.textContent('.highlight-count')).toBe(`“5G基站” 第 ${total}/${total} 处`);
    expect(await current()).toBe(total - 1);
    await close();
  });

  it('clears every mark and the bar, and drops the query from the URL', async () => {
    const { page, close } = await suite.site.watched();
    const url = new URL(suite.pageTypes.articleWithTable!);
    url.searchParams.set('highlight', '5G基站');
    await page.goto(url.href);
    const before = await page.locator('#article-body').textContent();
    await page.click('.highlight-bar button:has-text("清除标记")');
    expect(await page.locator('mark.search-highlight').count()).toBe(0);
    expect(await page.locator('.highlight-bar').count()).toBe(0);
    expect(await page.locator('#article-body').textContent()).toBe(before);
    expect(new URL(page.url()).searchParams.has('highlight')).toBe(false);
    await close();
  });
});
