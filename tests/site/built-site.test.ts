import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findBrokenLinks } from '../../src/site/check/find-broken-links.ts';
import { listSiteFiles } from '../../src/site/check/site-files.ts';
import { validateSiteHtml } from '../../src/site/check/validate-html.ts';
import { loadArticles } from '../../src/site/content/load-articles.ts';
import { articlePath } from '../../src/urls.ts';
import { FIXTURE_CONTENT } from '../helpers/build-site.ts';

const siteDir = inject('siteDir');
const files = listSiteFiles(siteDir);
const pages = files.filter((file) => file.endsWith('.html'));
const read = (file: string): string => readFileSync(join(siteDir, file), 'utf8');

describe('the built fixture site', () => {
  it('has a page at articlePath() for every article in content/', () => {
    for (const { frontMatter } of loadArticles(FIXTURE_CONTENT)) {
      expect(files).toContain(`${articlePath(frontMatter).slice(1)}index.html`);
    }
  });

  it('has every page type: home, issue, print view, sections, archive, about, 404, feed, sitemap', () => {
    for (const file of ['index.html', '2020-11-xxcyjc/index.html', '2020-11-xxcyjc/print/index.html',
      'sections/index.html', 'sections/jishu-qingbao/index.html', 'archive/index.html', 'about/index.html',
      '404.html', 'feed.xml', 'sitemap.xml']) {
      expect(files).toContain(file);
    }
  });

  it('uses only ASCII file paths, so no URL is percent-encoded', () => {
    expect(files.filter((file) => !/^[\x21-\x7e]+$/.test(file))).toEqual([]);
  });

  it('has zero broken internal links', () => {
    expect(findBrokenLinks(siteDir)).toEqual([]);
  });

  it('is valid HTML on every page', async () => {
    expect(await validateSiteHtml(siteDir)).toEqual([]);
  });

  it('links relatively everywhere but the 404 page, so it works from file://', () => {
    const rootRelative = pages
      .filter((page) => page !== '404.html')
      .filter((page) => /\s(?:href|src|action)="\/(?!\/)/.test(read(page)));
    expect(rootRelative).toEqual([]);
  });

  it('declares Chinese and loads site.js and search-box.js as classic deferred scripts on every page', () => {
    for (const page of pages) {
      const html = read(page);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toMatch(/<script src="[^"]*assets\/site\.js" defer><\/script>/);
      expect(html).toMatch(/<script src="[^"]*assets\/search-box\.js" defer><\/script>/);
      // On the search page itself the form's action is the page: "./".
      expect(html).toMatch(/<form role="search" action="(?:[^"]*search\/|\.\/)" class="site-search">/);
      expect(html).toContain('<main id="main"');
    }
  });

  it('has no inline script, inline event handler or module script that a strict CSP or file:// would block', () => {
    for (const page of pages) {
      const html = read(page);
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
      expect(html.match(/\son[a-z]+="/g) ?? []).toEqual([]);
      expect(html).not.toContain('type="module"');
    }
  });

  it('refers to no external host in any page, stylesheet or script', () => {
    for (const file of files.filter((f) => /\.(html|css|js)$/.test(f))) {
      expect(read(file).match(/\s(?:href|src|action)="(?:https?:)?\/\/[^"]*"|url\((?:https?:)?\/\//g) ?? []).toEqual([]);
    }
  });

  it('breaks no line between two Chinese characters, even across inline tags (browsers show it as a space)', () => {
    const strayBreak = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]\s*\n\s*[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;
    for (const page of pages) {
      const body = read(page).replace(/^[\s\S]*<body[^>]*>/, '');
      const text = body
        .replace(/<\/?(?:a|span|time|em|strong|code|abbr)(?:\s[^>]*)?>/g, '')
        .replace(/<[^>]+>/g, '\u0000');
      const offending = text.split('\u0000').filter((chunk) => strayBreak.test(chunk));
      expect(offending, page).toEqual([]);
    }
  });

  it('keeps the spaces a title was printed with, and full-width punctuation, as they are', () => {
    const article = read('2020-11-xxcyjc/04-ban-dao-ti-chan-ye-lian-chong-gou/index.html');
    expect(article).toContain('<h1 id="article-title">半导体激荡：全球产业链重构 国产替代加速</h1>');
  });

  it('puts each article body in the #article-body wrapper the search highlights', () => {
    const article = read('2020-11-xxcyjc/03-liang-zi-cun-chu-qi-wen-shi/index.html');
    expect(article).toMatch(/<div class="article-body" id="article-body">\s*<p>研究团队/);
  });

  it('writes an Atom feed with an entry per issue and per article, all with absolute links', () => {
    const feed = read('feed.xml');
    const articleCount = loadArticles(FIXTURE_CONTENT).length;
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.match(/<entry>/g)).toHaveLength(articleCount + 2);
    expect(feed.match(/<link href="([^"]*)"/g)!.every((link) => link.includes('http'))).toBe(true);
  });

  it('lists every page but the 404 in the sitemap', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>[^<]*?\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
    const expected = pages.filter((page) => page !== '404.html').map((page) => `/${page.replace(/index\.html$/, '')}`);
    expect(locs.sort()).toEqual(expected.sort());
  });

  it("points an article's issue navigation at its own issue's neighbours, whatever the newest issue", () => {
    const issues = [...new Set(loadArticles(FIXTURE_CONTENT).map(({ frontMatter }) => frontMatter.issue))].sort();
    expect(issues.length).toBeGreaterThan(1);
    for (const { frontMatter } of loadArticles(FIXTURE_CONTENT)) {
      const html = read(`${articlePath(frontMatter).slice(1)}index.html`);
      const nav = /<nav class="issue-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      const at = issues.indexOf(frontMatter.issue);
      const older = issues[at - 1];
      const newer = issues[at + 1];
      expect(/class="older"><a href="([^"]*)"/.exec(nav)?.[1], frontMatter.issue).toBe(older ? `../../${older}/` : undefined);
      expect(/class="newer"><a href="([^"]*)"/.exec(nav)?.[1], frontMatter.issue).toBe(newer ? `../../${newer}/` : undefined);
    }
  });
});
