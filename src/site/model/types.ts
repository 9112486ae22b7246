import type { FrontMatter, Section } from '../../types.ts';
import type { OutlineEntry } from '../content/render-markdown.ts';

/** One article as the site templates see it: the front matter plus what the pages show. */
export interface SiteArticle extends FrontMatter {
  url: string;
  issueUrl: string;
  sectionSlug: string;
  sectionUrl: string;
  html: string;
  /** Its subheadings with levels and ids, for the table of contents. */
  outline: OutlineEntry[];
  excerpt: string;
  headings: string[];
  characters: number;
  minutes: number;
  previous: ArticleLink | null;
  next: ArticleLink | null;
  /** The issues before and after this article's own issue in time (null at the ends). */
  olderIssue: IssueLink | null;
  newerIssue: IssueLink | null;
  /** Plain text of the body: what topics and related articles are computed from. */
  text: string;
  /**
   * A digest of what the body gives (html, outline, excerpt, headings, text), made with them
   * and cached with them: what a page's key takes of them (page-keys.ts), without reading 20 MB
   * of them again in every build of a ten-year archive.
   */
  bodyDigest: string;
  /** The topics this article is about (see src/site/topics/). */
  topics: TopicLink[];
  /** Three to five articles from earlier issues with the most similar content, best first. */
  related: RelatedArticle[];
}

export interface TopicLink {
  name: string;
  url: string;
}

export interface RelatedArticle extends ArticleLink {
  date: string;
  publication: string;
  section: Section;
}

export interface MonthCount {
  /** "2020-11" */
  month: string;
  count: number;
}

/** A topic's articles of one issue. */
export interface TopicIssue {
  issue: string;
  date: string;
  publication: string;
  url: string;
  articles: SiteArticle[];
}

/** A topic's articles of one year, grouped by issue, newest issue first. */
export interface TopicYear {
  /** "2020" */
  year: string;
  /** Where the year is listed: its own page, or the topic's page for the latest year. */
  url: string;
  count: number;
  issues: TopicIssue[];
}

export interface SiteTopic {
  name: string;
  slug: string;
  url: string;
  kind: string;
  kindLabel: string;
  /** Newest first. */
  articles: SiteArticle[];
  /** The topic's articles grouped by issue, newest issue first. */
  issues: TopicIssue[];
  /** Articles per month from the topic's first month to its last, oldest first (months without any included). */
  months: MonthCount[];
  /** The year of its newest article, listed on the topic's page. */
  latest: TopicYear;
  /** Earlier years with articles, newest first, each on its own page. */
  earlier: { year: string; url: string; count: number }[];
}

/**
 * An earlier year of a topic, on a page of its own: only what does not change while that
 * year's issues do not (no totals, no chart), so a new issue leaves the page as it was.
 */
export interface TopicYearPage {
  name: string;
  slug: string;
  kindLabel: string;
  topicUrl: string;
  year: string;
  url: string;
  issues: TopicIssue[];
  /**
   * The years before and after with articles (the latest is the topic's page). Only these, not
   * every year: a new year would otherwise change every earlier year's page of the topic.
   */
  newer: { year: string; url: string } | null;
  older: { year: string; url: string } | null;
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
  /** The issue before this one in time, and the one after (null at the ends). */
  older: IssueLink | null;
  newer: IssueLink | null;
}

export interface IssueLink {
  url: string;
  date: string;
  publication: string;
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
  /** Every topic at least two articles are about, most articles first. */
  topics: SiteTopic[];
  /** The pages of topics' earlier years. */
  topicYears: TopicYearPage[];
  /** Topic kinds in display order, each with its topics. */
  topicGroups: { kind: string; label: string; topics: SiteTopic[] }[];
  /** Known terms for search suggestions and splitting a run-together query: topics and aliases. */
  vocabulary: string[];
  /** What the browser search shows instead of ids, written to assets/search-labels.js. */
  searchLabels: { issues: Record<string, string>; vocabulary: string[] };
}

/** The paginated templates: one page per item. */
export type PagedKind = 'article' | 'issue' | 'print' | 'section' | 'topic' | 'topic-year';

/**
 * The templates' global `bulletin`: the model, the pages this build renders of each paginated
 * template (the others are reused from the previous build: src/site/reuse/), and every
 * paginated page's URL for the sitemap.
 */
export interface SiteData extends SiteModel {
  render: { articles: SiteArticle[]; issues: SiteIssue[]; prints: SiteIssue[]; sectionPages: SectionPage[]; topics: SiteTopic[]; topicYears: TopicYearPage[] };
  pagedUrls: { url: string; lastmod: string | null }[];
}
