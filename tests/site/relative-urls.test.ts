import { describe, expect, it } from 'vitest';
import { relativeUrl, relativizeHtml } from '../../src/site/relative-urls.ts';

describe('relativeUrl', () => {
  it('walks up from an article to the site root', () => {
    expect(relativeUrl('/', '/2020-11-x/03-a/')).toBe('../../');
  });

  it('reaches a sibling page and keeps its trailing slash', () => {
    expect(relativeUrl('/2020-11-x/04-b/', '/2020-11-x/03-a/')).toBe('../04-b/');
  });

  it('points at the current folder as ./ rather than an empty link', () => {
    expect(relativeUrl('/', '/')).toBe('./');
    expect(relativeUrl('/2020-11-x/#jishu-qingbao', '/2020-11-x/')).toBe('./#jishu-qingbao');
  });

  it('keeps query and fragment', () => {
    expect(relativeUrl('/search/?q=5G#top', '/about/')).toBe('../search/?q=5G#top');
  });

  it('resolves from a file-named page by its folder', () => {
    expect(relativeUrl('/assets/site.css', '/404.html')).toBe('assets/site.css');
  });

  it('leaves absolute, protocol-relative, relative and fragment links alone', () => {
    for (const url of ['https://example.org/', '//cdn.example/x.js', '../x/', '#main', 'mailto:a@b.c']) {
      expect(relativeUrl(url, '/a/b/')).toBe(url);
    }
  });
});

describe('relativizeHtml', () => {
  it('rewrites href, src and action attributes and nothing else', () => {
    const html = '<a href="/a/">x</a><script src="/assets/s.js"></script><form action="/search/"></form><p data-x="/a/">/a/</p>';
    expect(relativizeHtml(html, '/a/b/')).toBe(
      '<a href="../">x</a><script src="../../assets/s.js"></script><form action="../../search/"></form><p data-x="/a/">/a/</p>',
    );
  });
});
