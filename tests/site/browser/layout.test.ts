import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, SCREENSHOTS, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

describe('layout on screens and paper in Chromium', () => {
  it('fits every page type on a 360 px phone without sideways scrolling', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    for (const [type, url] of Object.entries(suite.pageTypes)) {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), type).toBeLessThanOrEqual(PHONE.width);
    }
    await close();
  });

  it('prints an issue on A4 with no navigation and each article starting on a new page', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.print!);
    const articles = await page.locator('.print-article').count();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SCREENSHOTS}/print-media-a4.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    // A cover with the contents, then every article on a page (or more) of its own.
    expect(pages.length).toBeGreaterThanOrEqual(articles + 1);
    await close();
  });

  it('takes phone and desktop screenshots of every page type in light and dark mode', async () => {
    for (const [device, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, close } = await suite.site.watched({ viewport, colorScheme });
        for (const [type, url] of Object.entries(suite.pageTypes)) {
          await page.goto(url);
          const shot = await page.screenshot({ path: `${SCREENSHOTS}/${type}-${device}-${colorScheme}.png`, fullPage: true });
          expect(shot.length).toBeGreaterThan(1000);
        }
        await close();
      }
    }
  });
});
