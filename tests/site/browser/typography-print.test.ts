import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, useSiteBrowser } from '../../helpers/site-browser.ts';

const suite = useSiteBrowser();

/** Characters on each line of every element matching the selector, measured one character at a time. */
function charactersPerLine(page: Page, selector: string): Promise<{ text: string; lines: number[] }[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const lines = new Map<number, number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        for (let i = 0; i < node.length; i++) {
          if (/\s/.test(node.data[i]!)) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const top = Math.round(rect.top / 4);
          lines.set(top, (lines.get(top) ?? 0) + 1);
        }
      }
      return { text: element.textContent ?? '', lines: [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, count]) => count) };
    }),
  );
}

describe('typography', () => {
  it('leaves no one-character last line in a headline on a phone', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    for (const type of ['home', 'issue', 'article', 'articleWithTable', 'longArticle', 'section', 'topic']) {
      await page.goto(suite.pageTypes[type]!);
      const headlines = await charactersPerLine(page, 'main :is(h1, h2, h3)');
      const orphans = headlines.filter((h) => h.lines.length > 1 && h.lines[h.lines.length - 1]! < 2);
      expect(orphans, type).toEqual([]);
    }
    await close();
  });

  it('never starts a line of the meta line with "·"', async () => {
    const { page, close } = await suite.site.watched({ viewport: PHONE });
    await page.goto(suite.pageTypes.longArticle!);
    const items = await page.$$eval('.article-meta > *', (els) =>
      els.map((el) => ({ display: getComputedStyle(el).display, after: getComputedStyle(el, '::after').content, before: getComputedStyle(el, '::before').content })),
    );
    expect(items.length).toBeGreaterThan(2);
    // The separator ends the item before it, inside an unbreakable box: it can only end a line.
    items.slice(0, -1).forEach((item) => expect(item).toEqual({ display: 'inline-block', after: '"·"', before: 'none' }));
    expect(items[items.length - 1]!.after).toBe('none');
    const lines = await charactersPerLine(page, '.article-meta');
    expect(lines[0]!.lines.length).toBeGreaterThan(1); // at 360 px the line does wrap, so this is tested
    await close();
  });

  it('sets Latin and digits in the CJK face, not DejaVu', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.articleWithTable!);
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    await cdp.send('CSS.enable');
    for (const selector of ['.article-meta', '.article-body td.num', '.article-body p']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.length, selector).toBeGreaterThan(0);
      expect(fonts.map((f) => f.familyName).filter((name) => /dejavu/i.test(name)), selector).toEqual([]);
    }
    await close();
  });
});

describe('print', () => {
  it('keeps a table caption with its table and lets a long table run over pages rather than leave a near-empty one', async () => {
    const { page, close } = await suite.site.watched();
    await page.goto(suite.pageTypes.print!.replace(/[^/]+\/print\/$/, '2020-11-xxcyjc/print/'));
    await page.emulateMedia({ media: 'print' });
    const style = await page.evaluate(() => {
      const caption = document.querySelector('.table-caption')!;
      const table = caption.nextElementSibling!;
      return {
        caption: getComputedStyle(caption).breakAfter,
        table: getComputedStyle(table).breakBefore,
        tableInside: getComputedStyle(table.querySelector('table')!).breakInside,
        row: getComputedStyle(table.querySelector('tr')!).breakInside,
      };
    });
    expect(style).toEqual({ caption: 'avoid', table: 'avoid', tableInside: 'auto', row: 'avoid' });
    await close();
  });
});
