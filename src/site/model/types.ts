import type { FrontMatter, Section } from '../../types.ts';

/** One article as the site templates see it: the front matter plus what the pages show. */
export interface SiteArticle extends FrontMatter {
  url: string;
  issueUrl: string;
  sectionSlug: string;
  sectionUrl: string;
  html: string;
  excerpt: string;
  headings: string[];
  characters: number;
  minutes: number;
  previous: ArticleLink | null;
  next: ArticleLink | null;
}

export interface ArticleLink {
  title: string;
  url: string;
}

export interface SectionGroup {
  section: Section;
  slug: string;
  url: string;
  inferred: boolean;
  articles: SiteArticle[];
}

export interface SiteIssue {
  issue: string;
  date: string;
  publication: string;
  url: string;
  printUrl: string;
  articles: SiteArticle[];
  /** Only the sections the issue has, in canonical order. */
  sections: SectionGroup[];
  /** True when any article's section was guessed: the bulletin printed none. */
  sectionsInferred: boolean;
}

/** One page of a section's listing across all issues. */
export interface SectionPage {
  section: Section;
  slug: string;
  url: string;
  pageNumber: number;
  pageCount: number;
  total: number;
  articles: SiteArticle[];
  previousUrl: string | null;
  nextUrl: string | null;
}

export interface ArchiveYear {
  year: string;
  publications: { publication: string; issues: SiteIssue[] }[];
}

export interface SiteModel {
  articles: SiteArticle[];
  /** Newest first. */
  issues: SiteIssue[];
  sectionPages: SectionPage[];
  /** The five sections, each with its total article count and first page URL. */
  sections: { section: Section; slug: string; url: string; total: number }[];
  archive: ArchiveYear[];
}
