/**
 * The contract between the stages of the pipeline, the site and the search.
 * Every hand-off type is defined here once; stages import, never redefine.
 */

/** The five sections of a bulletin, in their canonical printed order. */
export const SECTIONS = ['产业环境', '运营竞争', '技术情报', '企业情报', '海外借鉴'] as const;
export type Section = (typeof SECTIONS)[number];

export function isSection(text: string): text is Section {
  return (SECTIONS as readonly string[]).includes(text);
}

/** Values an editor may set in a YAML block at the top of a dropped-in text file. */
export interface SourceOverrides {
  publication?: string;
  date?: string;
  issue?: string;
  /** Lines that open an article, as printed or by their opening words, where splitting got them wrong. */
  headlines?: string[];
  /** Lines that do not open an article (subheadings, captions) although splitting took them for headlines. */
  notHeadlines?: string[];
  /** Per-article corrections from the sidecar file (or the block): see src/ingest/corrections/. */
  articles?: ArticleCorrection[];
}

/** One `articles:` entry of a correction file, naming an article by its title or opening words. */
export interface ArticleCorrection {
  match: string;
  /** The correction file and the line of this entry in it, for reports. */
  file: string;
  line: number;
  mergeWithPrevious?: boolean;
  title?: string;
  subtitle?: string;
  section?: Section;
  drop?: boolean;
  splitAt?: string;
}

/** decode → normalise: the file's text, whatever encoding it came in. */
export interface DecodedSource {
  file: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Text with line ends unified to "\n"; front matter removed. */
  text: string;
  /** Number of source lines taken by the front matter, so later line numbers stay true. */
  lineOffset: number;
  overrides: SourceOverrides;
}

/** decode → furniture → table of contents → reflow: one printed line of the source, as it was. */
export interface SourceLine {
  text: string;
  /** 1-based line number in the source file. */
  line: number;
}

/** How the extractor laid the text out, measured from the text itself (reflow measures it; display lines read it). */
export interface WrapStyle {
  /** The column width at which lines were hard-wrapped; null when each paragraph is one line. */
  wrapWidth: number | null;
  /** PDF extraction marks a paragraph's last line with a trailing space. */
  trailingSpaceEndsParagraph: boolean;
  /** A blank line between every two printed lines, so lines printed tight together are set apart. */
  doubleSpaced: boolean;
  /**
   * Monospaced hard wrap: every line but a paragraph's last is filled to the column, so a line
   * ends its paragraph exactly when the next line's first word would have fitted on it.
   */
  justified?: boolean;
}

/** One logical line after normalisation: a reflowed paragraph or a short standalone line. */
export interface Paragraph {
  text: string;
  /** 1-based line in the source file where it starts. */
  line: number;
  /** Set when the layout, not the wording, marks the line as display type (see display-lines.ts). */
  display?: DisplayRole;
  /**
   * The paragraph opens on a drop cap: its first character printed apart, larger, as a magazine
   * sets the first letter of a story (" 建" on a line of its own, " 2 020 年…").
   */
  dropCap?: true;
}

/**
 * How a magazine layout sets a display line: 'start' opens a display block (a headline),
 * 'tight' is printed tight under the line before, 'subtitle' is a tight line that does not
 * go on from the headline above it.
 */
export type DisplayRole = 'start' | 'tight' | 'subtitle';

export interface TocEntry {
  title: string;
  section: Section | null;
  page: number | null;
  line: number;
}

/** What a normalised paragraph looks like on its own, before its neighbours are considered. */
export type LineKind = 'section' | 'subtitle' | 'numbered' | 'source' | 'note' | 'heading' | 'table' | 'prose';

/** Headings of either kind: a numbered one ("（一）…") is a heading too. */
export const isHeadingKind = (kind: LineKind | undefined) => kind === 'heading' || kind === 'numbered';

/** structure → assemble: the paragraphs, what each is, and where the articles open. */
export interface Structure {
  paragraphs: Paragraph[];
  kinds: LineKind[];
  /** Indices of headline paragraphs, ascending. */
  headlines: number[];
  /**
   * For a headline that two-column extraction printed after the first part of its own story:
   * the paragraph where that story starts. Keyed by the headline's index.
   */
  storyStarts: Map<number, number>;
  /**
   * Where a story starts that has no headline at all: prose after a "来源：" credit that no later
   * headline claims. Such a story is published under a title taken from its first words.
   */
  untitledStarts: number[];
  /** Recovered tables, by the source line where each starts; their paragraphs are of kind 'table'. */
  tables: Map<number, string[][]>;
  warnings: IngestWarning[];
  /** The back page (masthead, notices, contacts, slogans), kept out of every story. */
  colophon?: Paragraph[];
}

/** normalise → structure. */
export interface NormalisedText {
  file: string;
  paragraphs: Paragraph[];
  toc: TocEntry[];
  /** Text of removed page furniture (running heads, footers): where the date and publication hide. */
  furniture: string[];
  overrides: SourceOverrides;
}

export type Block =
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'subheading'; text: string; line: number }
  /** Captions, serial markers, notices: short lines that must never be glued into prose. */
  | { type: 'note'; text: string; line: number }
  | { type: 'table'; rows: string[][]; line: number };

export interface Article {
  title: string;
  subtitle?: string;
  section: Section;
  /** True when the bulletin printed no section headings and the section was guessed from content. */
  sectionInferred: boolean;
  /** True when the story had no headline and its title was taken from its first words. */
  titleInferred?: boolean;
  /** 1-based position in the bulletin. */
  order: number;
  line: number;
  blocks: Block[];
  /** The title the URL is made from when a correction renamed the article, so its URL stays. */
  urlTitle?: string;
}

export interface BulletinMeta {
  /** Stable, unique per bulletin, URL-safe: e.g. "2020-11-xxcyjc". */
  issue: string;
  /** ISO date, YYYY-MM-DD (day 01 when only the month is known). */
  date: string;
  publication: string;
  /** The bulletin's file name, e.g. "001_e53d8c12716debb9.txt". */
  source: string;
}

/**
 * What a warning is about, for machines: the review page groups by it and tests assert on it.
 * Extend the union when a stage learns a new kind of doubt; never reuse a kind for another meaning.
 */
export type WarningKind =
  | 'close-call'
  | 'given-up-headline'
  | 'untitled-story'
  | 'displaced-headline'
  | 'woven-columns'
  | 'woven-columns-unplaced'
  | 'toc-entry-unmatched'
  | 'headline-not-in-toc'
  | 'text-before-first-headline'
  | 'correction-unmatched'
  | 'issue-id-taken'
  | 'no-date'
  | 'no-publication'
  | 'section-inferred'
  | 'article-short'
  | 'article-long'
  | 'opens-mid-thought'
  | 'ends-unpunctuated'
  | 'credit-mid-article'
  | 'text-unplaced'
  | 'bulletin-cut'
  | 'article-count'
  | 'duplicate-bulletin';

export interface IngestWarning {
  kind: WarningKind;
  file: string;
  line: number | null;
  message: string;
  /** A ready-to-paste entry for the bulletin's correction file (seeds/<name>.yml) that would settle it. */
  correction?: string;
}

export interface Bulletin {
  meta: BulletinMeta;
  articles: Article[];
  warnings: IngestWarning[];
  /** The issue's colophon: its back page (masthead, notices, contacts, slogans), in no article. */
  colophon?: string[];
}

/** YAML front matter of every article file in content/<issue>/<slug>.md. */
export interface FrontMatter {
  title: string;
  subtitle?: string;
  section: Section;
  /** Present (true) only when the section was inferred from content. */
  sectionInferred?: true;
  /** Present (true) only when the story had no headline and its title was taken from its first words. */
  titleInferred?: true;
  issue: string;
  date: string;
  publication: string;
  source: string;
  order: number;
  /** "NN-pinyin-of-title": stable, ASCII, unique within the issue. */
  slug: string;
}

/** One article as the search index sees it. */
export interface SearchDoc {
  /** The article's URL path relative to the site root, e.g. "2020-11-xxcyjc/03-shu-zi/" */
  id: string;
  title: string;
  subtitle: string;
  headings: string;
  body: string;
  section: Section;
  issue: string;
  date: string;
}

/** content/ as the search reads it (collect-docs.ts): its documents, and what names them all. */
export interface CollectedDocs {
  docs: SearchDoc[];
  /**
   * A hash of every issue's articles as read, in order (the keys the documents are cached by):
   * it changes exactly when a document can, and costs nothing more to make, where hashing the
   * documents themselves took 0.2 s of a ten-year archive's build thread.
   */
  digest: string;
}
