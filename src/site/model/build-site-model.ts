import { SECTIONS } from '../../types.ts';
import { chineseMonth } from '../format.ts';
import type { LoadedArticle } from '../content/load-articles.ts';
import { sectionPath, sectionSlug } from '../sections.ts';
import { buildArchive } from './build-archive.ts';
import { buildArticles } from './build-articles.ts';
import { buildTopics } from './build-topics.ts';
import { groupIssues } from './group-issues.ts';
import { paginateSections } from './paginate-sections.ts';
import type { SiteModel } from './types.ts';

export const SECTION_PAGE_SIZE = 20;

/** Everything the templates render, computed once per build from the loaded articles. */
export function buildSiteModel(loaded: LoadedArticle[], sectionPageSize = SECTION_PAGE_SIZE): SiteModel {
  const articles = buildArticles(loaded);
  const issues = groupIssues(articles);
  const topics = buildTopics(articles);
  return {
    articles,
    issues,
    sectionPages: paginateSections(articles, sectionPageSize),
    sections: SECTIONS.map((section) => ({
      section,
      slug: sectionSlug(section),
      url: sectionPath(section),
      total: articles.filter((article) => article.section === section).length,
    })),
    archive: buildArchive(issues),
    ...topics,
    searchLabels: {
      issues: Object.fromEntries(issues.map((issue) => [issue.issue, `${chineseMonth(issue.date)} · ${issue.publication}`])),
      vocabulary: topics.vocabulary,
    },
  };
}
