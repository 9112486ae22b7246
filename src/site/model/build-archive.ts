import type { ArchiveYear, SiteIssue } from './types.ts';

/** Issues (newest first) grouped by year, then by publication in name order. */
export function buildArchive(issues: SiteIssue[]): ArchiveYear[] {
  const years = new Map<string, Map<string, SiteIssue[]>>();
  for (const issue of issues) {
    const year = issue.date.slice(0, 4);
    const publications = years.get(year) ?? new Map<string, SiteIssue[]>();
    publications.set(issue.publication, [...(publications.get(issue.publication) ?? []), issue]);
    years.set(year, publications);
  }
  return [...years.entries()].map(([year, publications]) => ({
    year,
    publications: [...publications.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([publication, publicationIssues]) => ({ publication, issues: publicationIssues })),
  }));
}
