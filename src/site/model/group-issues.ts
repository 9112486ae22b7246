import { SECTIONS } from '../../types.ts';
import { issuePath } from '../../urls.ts';
import { sectionPath, sectionSlug } from '../sections.ts';
import type { SectionGroup, SiteArticle, SiteIssue } from './types.ts';

/** Articles (already sorted newest issue first) to issues, each with its sections in canonical order. */
export function groupIssues(articles: SiteArticle[]): SiteIssue[] {
  const byIssue = new Map<string, SiteArticle[]>();
  for (const article of articles) {
    const list = byIssue.get(article.issue) ?? [];
    list.push(article);
    byIssue.set(article.issue, list);
  }
  return [...byIssue.entries()].map(([issue, issueArticles]) => {
    const first = issueArticles[0]!;
    return {
      issue,
      date: first.date,
      publication: first.publication,
      url: issuePath(issue),
      printUrl: `${issuePath(issue)}print/`,
      articles: issueArticles,
      sections: groupSections(issueArticles),
      sectionsInferred: issueArticles.some((article) => article.sectionInferred === true),
    };
  });
}

function groupSections(articles: SiteArticle[]): SectionGroup[] {
  return SECTIONS.map((section) => {
    const inSection = articles.filter((article) => article.section === section);
    return {
      section,
      slug: sectionSlug(section),
      url: sectionPath(section),
      inferred: inSection.some((article) => article.sectionInferred === true),
      articles: inSection,
    };
  }).filter((group) => group.articles.length > 0);
}
