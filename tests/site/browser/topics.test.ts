import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

describe('topics across issues', () => {
  it('lists every topic with its article count, each linking to a page that, with the pages of its earlier years, lists that many articles', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.topics!);
    const entries = await page.$$eval('.topic-index li', (lis) =>
      lis.map((li) => ({ href: li.querySelector('a')!.href, name: li.querySelector('a')!.textContent!, count: Number(/(\d+) 篇/.exec(li.textContent ?? '')?.[1]) })),
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.count).toBeGreaterThanOrEqual(2);
      expect(new URL(entry.href).pathname).toMatch(/^\/topics\/[a-z0-9][a-z0-9-]*\/$/);
      await page.goto(entry.href);
      expect(await page.locator('h1').textContent()).toBe(entry.name);
      let listed = await page.locator('.topic-issue .article-item').count();
      const earlier = await page.locator('.topic-years a:not([aria-current])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const year of earlier) {
        await page.goto(year);
        listed += await page.locator('.topic-issue .article-item').count();
      }
      expect(listed).toBe(entry.count);
      await page.goto(suite.pageTypes.topics!);
    }
    await close();
  });

  it('groups a topic’s articles by issue, newest issue first, with a chart of articles per month and its text', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.topic!);
    const issues = await page.locator('.topic-issue h2 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues).toEqual([...issues].sort().reverse());
    const chart = page.locator('svg.month-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    const bars = await chart.locator('rect.chart-bar').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    const perMonth = await chart.locator('rect.chart-bar title').allTextContents();
    const counted = perMonth.reduce((sum, title) => sum + Number(/(\d+) 篇/.exec(title)![1]), 0);
    // The chart counts every year's articles: the topic's total, however many this page lists.
    const total = Number(/共 (\d+) 篇/.exec((await page.locator('.page-header .issue-line').textContent()) ?? '')![1]);
    expect(counted).toBe(total);
    // A month without articles has no bar: every bar drawn stands for some.
    expect(bars.every((h) => h > 0)).toBe(true);
    expect(perMonth.some((t) => /：0 篇/.test(t))).toBe(false);
    const summary = await page.locator('.topic-chart figcaption').textContent();
    expect(summary).toMatch(/\d{4}年\d{1,2}月 \d+ 篇/);
    await close();
  });

  it('puts each earlier year of a topic on a page of its own, listing that year’s issues and linking back to the topic and its other years', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.topicYear!);
    const year = /\/(\d{4})\/$/.exec(new URL(page.url()).pathname)![1]!;
    const issues = await page.locator('.topic-issue h2 a').allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue.startsWith(`${year}年`)).toBe(true);
    expect(await page.locator('.topic-years a[aria-current="page"]').textContent()).toBe(`${year} 年`);
    const topicUrl = await page.locator('.breadcrumbs li:last-child a').evaluate((a) => (a as HTMLAnchorElement).href);
    expect(await page.locator('.topic-years a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(topicUrl);
    await page.goto(topicUrl);
    expect(await page.locator('.topic-years a:not([aria-current])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))).toContain(suite.pageTypes.topicYear!);
    await close();
  });

  it('draws the chart in the page’s colours in dark mode and in black for print', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await suite.site.watched({ colorScheme });
      await page.goto(suite.pageTypes.topic!);
      const colours = await page.evaluate(() => {
        const svg = document.querySelector('svg.month-chart')!;
        return { bar: getComputedStyle(svg.querySelector('rect.chart-bar')!).fill, background: getComputedStyle(document.body).backgroundColor };
      });
      expect(colours.bar).not.toBe(colours.background);
      await page.locator('.topic-chart').screenshot({ path: `${SCREENSHOTS}/topic-chart-${colorScheme}.png` });
      if (colorScheme === 'light') {
        await page.emulateMedia({ media: 'print' });
        const fill = await page.evaluate(() => getComputedStyle(document.querySelector('svg.month-chart rect.chart-bar')!).fill);
        expect(fill).toBe('rgb(0, 0, 0)');
      }
      await close();
    }
  });
});

describe('an article’s topics, related articles and citation', () => {
  it('links its topics and three to five related articles, all from earlier issues', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.longArticle!);
    const own = new URL(page.url()).pathname.split('/')[1];
    const related = await page.locator('.related a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related.length).toBeLessThanOrEqual(5);
    // Issue folders begin with the issue's year and month, so earlier sorts first.
    for (const path of related) expect(path.split('/')[1]! < own!).toBe(true);
    for (const href of await page.locator('.article-topics a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect(new URL(href).pathname).toMatch(/^\/topics\/[a-z0-9-]+\/$/);
    }
    await close();
  });

  it('cites the article in GB/T 7714 form and copies the citation with one click', async () => {
    const { page, close } = await suite.site.watched({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(suite.pageTypes.longArticle!);
    const title = (await page.locator('h1').textContent())!;
    const citation = (await page.locator('#citation-text').textContent())!;
    expect(citation).toMatch(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[J/OL\\]\\. [^,]+, \\d{4}\\(\\d{1,2}\\)\\. https?://\\S+\\.$`));
    await page.click('.copy-button');
    await page.waitForFunction(() => document.querySelector('.copy-button')?.textContent === '已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    await close();
  });
});
