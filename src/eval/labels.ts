import { readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Inclusive range of 1-based source lines. */
export type LineSpan = [number, number];

export interface LabelledArticle {
  title: string;
  subtitle?: string;
  section: string;
  line: number;
  /**
   * The source lines that hold the story, in reading order, as a careful reader finds them: its
   * headline, its text, its credit. Two-column extraction can print a story in several runs, with
   * another story's lines between them, so a story is a list of spans.
   */
  spans?: LineSpan[];
}

/** What a careful reader says about the bulletin as a whole, beside its articles. */
export interface LabelledBulletinKey {
  articles: LabelledArticle[];
  /**
   * Page furniture (running heads, footers, page numbers) as printed, digits written "#": a line
   * of that shape is no story's text, and must appear in no article.
   */
  furniture?: string[];
  /** Lines that are in no story: the back page (masthead, notices, address, slogans). */
  outside?: LineSpan[];
}

/** Hand-made reference labels for a bulletin (tests/fixtures/labels/<name>.json), if there are any. */
export function readLabels(labelDir: string, source: string): LabelledArticle[] | null {
  return readLabelKey(labelDir, source)?.articles ?? null;
}

export function readLabelKey(labelDir: string, source: string): LabelledBulletinKey | null {
  const file = join(labelDir, basename(source).replace(/\.txt$/, '.json'));
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledBulletinKey;
}
