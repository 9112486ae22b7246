import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { siteMeta } from '../../../src/site/site-meta.ts';

// Rendered with plain Nunjucks, as Eleventy would, to pin the contract other pages rely on
// (the search page lists its own scripts in front matter).
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader('templates/_includes'), { autoescape: true });

function renderBase(data: Record<string, unknown>): string {
  return env.render('layouts/base.njk', { siteMeta: siteMeta({}), page: { url: '/search/' }, content: '<p>正文</p>', ...data });
}

describe('the base layout', () => {
  it('loads scripts listed in front matter after site.js and search-box.js, as classic deferred scripts', () => {
    const html = renderBase({ scripts: ['/assets/search-page.js', '/assets/lunr.js'] });
    const scripts = [...html.matchAll(/<script src="([^"]+)" defer><\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/assets/site.js', '/assets/search-box.js', '/assets/search-page.js', '/assets/lunr.js']);
  });

  it('renders the page content unescaped inside main#main', () => {
    expect(renderBase({})).toMatch(/<main id="main"[^>]*>\s*<p>正文<\/p>\s*<\/main>/);
  });

  it('puts the search form with its labelled input in the header', () => {
    const header = /<header class="site-header">([\s\S]*?)<\/header>/.exec(renderBase({}))![1]!;
    expect(header).toContain('<form role="search" action="/search/" class="site-search">');
    expect(header).toMatch(/<label for="site-search-input"[^>]*>搜索[^<]*<\/label>/);
    expect(header).toMatch(/<input id="site-search-input" name="q" type="search"/);
  });
});
