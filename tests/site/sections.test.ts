import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { sectionPath, SECTION_SLUGS } from '../../src/site/sections.ts';
import { SECTIONS } from '../../src/types.ts';

describe('section slugs', () => {
  it('give every section a distinct ASCII slug', () => {
    const slugs = SECTIONS.map((section) => SECTION_SLUGS[section]);
    expect(new Set(slugs).size).toBe(SECTIONS.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('spell each section name in toneless pinyin, so a reader can guess the URL', () => {
    for (const section of SECTIONS) {
      const syllables = pinyin(section, { toneType: 'none', type: 'array' });
      expect(SECTION_SLUGS[section].replace(/-/g, '')).toBe(syllables.join(''));
    }
  });

  it('put later pages of a section under page/N/ and the first at the section root', () => {
    expect(sectionPath('技术情报')).toBe('/sections/jishu-qingbao/');
    expect(sectionPath('技术情报', 3)).toBe('/sections/jishu-qingbao/page/3/');
  });
});
