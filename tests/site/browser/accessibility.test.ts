import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../../helpers/axe.ts';
import { useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

describe('accessibility and security in Chromium', () => {
  it('has zero serious or critical axe-core violations on every page type, in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems, close } = await suite.site.watched({ colorScheme });
      for (const [type, url] of Object.entries(suite.pageTypes)) {
        await page.goto(url);
        expect(await seriousAxeViolations(page), `${type} (${colorScheme})`).toEqual([]);
      }
      expect(problems).toEqual([]);
      await close();
    }
  });

  it('loads every page type with no console error, failed or external request under a strict CSP', async () => {
    const { page, problems, close } = await suite.site.watched();
    for (const url of Object.values(suite.pageTypes)) {
      // Until every request of the page has finished, not only those 'load' waits for: the
      // search page fetches its data after 'load', and the next page would cut that off unchecked.
      await page.goto(url, { waitUntil: 'networkidle' });
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('offers a skip link as the first keyboard stop, with a visible focus ring, that jumps to main', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.article!);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle, top: el.getBoundingClientRect().top };
    });
    expect(focused.text).toBe('跳到正文');
    expect(focused.outline).not.toBe('none');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });
});
