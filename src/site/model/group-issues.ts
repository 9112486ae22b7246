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
  const issues: SiteIssue[] = [...byIssue.entries()].map(([issue, issueArticles]) => {
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
      older: null,
      newer: null,
    };
  });
  // Newest first: the next in the list is the older issue.
  const link = (issue: SiteIssue | undefined) => (issue ? { url: issue.url, date: issue.date, publication: issue.publication } : null);
  issues.forEach((issue, i) => {
    issue.older = link(issues[i + 1]);
    issue.newer = link(issues[i - 1]);
    for (const article of issue.articles) {
      article.olderIssue = issue.older;
      article.newerIssue = issue.newer;
    }
  });
  return issues;
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
