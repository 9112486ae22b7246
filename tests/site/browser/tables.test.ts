import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

interface CellLines {
  text: string;
  lines: number;
  overflowWrap: string;
}

/** For every figure and Latin cell: how many lines its text takes, measured from its glyph boxes. */
function measureCells(page: Page, selector: string): Promise<CellLines[]> {
  return page.$$eval(selector, (cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      // One box per line fragment; boxes on one line share their top.
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { text: cell.textContent ?? '', lines: tops.size, overflowWrap: getComputedStyle(cell).overflowWrap };
    }),
  );
}

describe('tables on a phone', () => {
  it('never breaks a figure or a URL inside a cell at 360 px, and scrolls the wide table inside its wrapper', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    await page.goto(suite.pageTypes.articleWithTable!);
    const cells = await measureCells(page, '.article-body td.num, .article-body td.nowrap');
    expect(cells.length).toBeGreaterThanOrEqual(10); // the fixture table has figures and URLs
    expect(cells.filter((cell) => cell.lines !== 1)).toEqual([]);
    expect(cells.filter((cell) => cell.overflowWrap === 'anywhere')).toEqual([]);

    const wrapper = page.locator('.table-scroll').first();
    const sizes = await wrapper.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const scrolled = await wrapper.evaluate((el) => {
      el.scrollLeft = 120;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    // The page itself does not scroll sideways: only the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await close();
  });

  it('right-aligns figures in tabular digits', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    await page.goto(suite.pageTypes.articleWithTable!);
    const styles = await page.$$eval('.article-body td.num', (cells) =>
      cells.map((cell) => ({ align: getComputedStyle(cell).textAlign, figures: getComputedStyle(cell).fontVariantNumeric })),
    );
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(style).toEqual({ align: 'right', figures: 'tabular-nums' });
    await close();
  });

  it('takes screenshots of the table on a phone and a desktop in light and dark mode', async () => {
    for (const [device, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await suite.site.watched({ viewport, colorScheme });
        await page.goto(suite.pageTypes.articleWithTable!);
        const wrapper = page.locator('.table-scroll').first();
        await wrapper.screenshot({ path: `${SCREENSHOTS}/table-${device}-${colorScheme}.png` });
        // What the picture is for: every figure on one line, in any scheme and width.
        const cells = await measureCells(page, '.article-body td.num');
        expect(cells.filter((cell) => cell.lines !== 1)).toEqual([]);
        await close();
      }
    }
  });
});
