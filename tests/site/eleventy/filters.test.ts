import { describe, expect, it } from 'vitest';
import { absoluteUrl, demoteHeadings } from '../../../src/site/eleventy/filters.ts';

describe('demoteHeadings', () => {
  it('moves every heading one level down, opening and closing tags alike', () => {
    expect(demoteHeadings('<h2 id="x">甲</h2><p>乙</p><h3>丙</h3>')).toBe('<h3 id="x">甲</h3><p>乙</p><h4>丙</h4>');
  });

  it('leaves tags that merely start with h alone', () => {
    expect(demoteHeadings('<header><hr></header>')).toBe('<header><hr></header>');
  });
});

describe('absoluteUrl', () => {
  it('joins a root-relative path to the site origin', () => {
    expect(absoluteUrl('/2020-11-x/', 'https://example.org')).toBe('https://example.org/2020-11-x/');
  });
});
