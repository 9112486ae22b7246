import { SECTIONS } from '../../types.ts';
import { sectionPath, sectionSlug } from '../sections.ts';
import type { SectionPage, SiteArticle } from './types.ts';

/**
 * Every section's articles (sorted newest first) cut into pages. Done here rather than
 * with Eleventy pagination because Eleventy cannot paginate inside a paginated list.
 * A section with no articles still gets one (empty) page so its URL always exists.
 */
export function paginateSections(articles: SiteArticle[], pageSize: number): SectionPage[] {
  return SECTIONS.flatMap((section) => {
    const inSection = articles.filter((article) => article.section === section);
    const pageCount = Math.max(1, Math.ceil(inSection.length / pageSize));
    return Array.from({ length: pageCount }, (_, index): SectionPage => {
      const pageNumber = index + 1;
      return {
        section,
        slug: sectionSlug(section),
        url: sectionPath(section, pageNumber),
        pageNumber,
        pageCount,
        total: inSection.length,
        articles: inSection.slice(index * pageSize, pageNumber * pageSize),
        previousUrl: pageNumber > 1 ? sectionPath(section, pageNumber - 1) : null,
        nextUrl: pageNumber < pageCount ? sectionPath(section, pageNumber + 1) : null,
      };
    });
  });
}
