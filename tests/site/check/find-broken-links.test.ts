import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../../src/site/check/find-broken-links.ts';

function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), html);
  }
  return root;
}

describe('findBrokenLinks', () => {
  it('accepts relative and root-relative links to folders, files and existing anchors', () => {
    const root = siteWith({
      'index.html': '<a href="a/">a</a><a href="./#top">top</a><p id="top"></p>',
      'a/index.html': '<a href="../">home</a><a href="/a/#x">x</a><link href="../s.css"><i id="x"></i>',
      's.css': '',
    });
    expect(findBrokenLinks(root)).toEqual([]);
  });

  it('reports a link to a page that was not built', () => {
    const root = siteWith({ 'index.html': '<a href="missing/">m</a>' });
    expect(findBrokenLinks(root)).toEqual([{ page: 'index.html', link: 'missing/', reason: 'missing page' }]);
  });

  it('reports a link to an anchor the target page lacks', () => {
    const root = siteWith({ 'index.html': '<a href="a/#nope">n</a>', 'a/index.html': '<p id="yes"></p>' });
    expect(findBrokenLinks(root)).toEqual([{ page: 'index.html', link: 'a/#nope', reason: 'missing anchor' }]);
  });

  it('reports a relative link that climbs out of the site', () => {
    const root = siteWith({ 'index.html': '<a href="../outside/">o</a>' });
    expect(findBrokenLinks(root)).toHaveLength(1);
  });

  it('ignores external links', () => {
    const root = siteWith({ 'index.html': '<a href="https://example.org/">e</a>' });
    expect(findBrokenLinks(root)).toEqual([]);
  });
});
