import { SECTIONS, type Section } from '../types.ts';

/**
 * Fixed ASCII slugs for the five sections. Written out rather than computed with a
 * pinyin library so a library upgrade can never move a section's URL.
 */
export const SECTION_SLUGS: Readonly<Record<Section, string>> = {
  产业环境: 'chanye-huanjing',
  运营竞争: 'yunying-jingzheng',
  技术情报: 'jishu-qingbao',
  企业情报: 'qiye-qingbao',
  海外借鉴: 'haiwai-jiejian',
};

export function sectionSlug(section: Section): string {
  return SECTION_SLUGS[section];
}

export function sectionPath(section: Section, pageNumber = 1): string {
  const base = `/sections/${sectionSlug(section)}/`;
  return pageNumber === 1 ? base : `${base}page/${pageNumber}/`;
}

/** Position in the printed order, for sorting. */
export function sectionRank(section: Section): number {
  return SECTIONS.indexOf(section);
}
