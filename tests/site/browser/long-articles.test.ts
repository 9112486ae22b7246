import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

describe('a long article with numbered subheadings', () => {
  it('gives 一、 （一） 1. subheadings the levels h2, h3, h4, each with a non-empty unique id', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.longArticle!);
    const headings = await page.$$eval('#article-body :is(h2, h3, h4)', (hs) => hs.map((h) => ({ tag: h.tagName, id: h.id, text: h.textContent ?? '' })));
    const levelOf = (text: string) => (/^[一二三四五六七八九十]+、/.test(text) ? 'H2' : /^（[一二三四五六七八九十]+）/.test(text) ? 'H3' : /^\d+\./.test(text) ? 'H4' : 'H2');
    expect(headings.length).toBeGreaterThanOrEqual(6);
    for (const heading of headings) {
      expect(heading.tag, heading.text).toBe(levelOf(heading.text));
      expect(heading.id).toMatch(/^[a-z][a-z0-9-]*$/);
    }
    expect(new Set(headings.map((h) => h.id)).size).toBe(headings.length);
    await close();
  });

  it('lists every subheading in a table of contents beside the text on a desktop, with working links', async () => {
    const { page, close } = await suite.site.watched({ viewport: DESKTOP });
    await page.goto(suite.pageTypes.longArticle!);
    const toc = page.locator('#article-toc');
    expect(await toc.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const links = await toc.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const ids = await page.$$eval('#article-body :is(h2, h3, h4)', (hs) => hs.map((h) => `#${h.id}`));
    expect(links).toEqual(ids);
    const [tocBox, articleBox] = [await toc.boundingBox(), await page.locator('article.article').boundingBox()];
    expect(tocBox!.x).toBeGreaterThanOrEqual(articleBox!.x + articleBox!.width); // the right-hand column
    await toc.locator('a').last().click();
    expect(new URL(page.url()).hash).toBe(ids[ids.length - 1]);
    const top = await page.locator(ids[ids.length - 1]!).evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThan(DESKTOP.height / 2);
    await page.screenshot({ path: `${SCREENSHOTS}/long-article-desktop.png` });
    await close();
  });

  it('folds the table of contents above the text on a phone, and opens it on a tap', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    await page.goto(suite.pageTypes.longArticle!);
    const toc = page.locator('#article-toc');
    expect(await toc.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const [tocBox, bodyBox] = [await toc.boundingBox(), await page.locator('#article-body').boundingBox()];
    expect(tocBox!.y + tocBox!.height).toBeLessThanOrEqual(bodyBox!.y);
    await toc.locator('summary').click();
    expect(await toc.locator('a').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SCREENSHOTS}/long-article-phone.png` });
    await close();
  });

  it('has no table of contents for an article with fewer than three subheadings', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.articleWithTable!);
    expect(await page.locator('#article-body :is(h2, h3, h4)').count()).toBeLessThan(3);
    expect(await page.locator('#article-toc').count()).toBe(0);
    await close();
  });

  it('offers a way back to the top at the end', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    await page.goto(suite.pageTypes.longArticle!);
    await page.locator('.back-to-top a').scrollIntoViewIfNeeded();
    await page.click('.back-to-top a');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
    await close();
  });
});

describe('moving across issues and sections', () => {
  it('links an issue to the issues before and after it, and jumps to each of its sections', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(`${suite.site.server.url}/2021-01-xxcyjc/`);
    const older = await page.locator('.issue-nav .older a').getAttribute('href');
    expect(older).toContain('2020-11-xxcyjc');
    expect(await page.locator('.issue-nav .newer a').count()).toBe(0); // the newest issue
    const jumps = await page.locator('.section-jump a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(jumps.length).toBe(await page.locator('section.toc-section').count());
    for (const jump of jumps) expect(await page.locator(jump).count(), jump).toBe(1);
    await page.goto(`${suite.site.server.url}/2020-11-xxcyjc/`);
    expect(await page.locator('.issue-nav .newer a').getAttribute('href')).toContain('2021-01-xxcyjc');
    await close();
  });

  it('links an article to the older and newer issue too', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.longArticle!);
    expect(await page.locator('.issue-nav .older a').textContent()).toContain('2020年11月');
    await close();
  });
});
