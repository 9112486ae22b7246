import { SECTIONS, type Article, type Block, type IngestWarning, type LineKind, type Section, type Structure } from '../../types.ts';

export type ArticlePlan = Omit<Structure, 'warnings'> & { file: string };

/**
 * Cuts the paragraph stream at the headlines and files each article under the section
 * heading printed above it. Nothing is dropped: text before the first headline opens the
 * first article's body, with a warning. A story whose headline was printed after its first
 * part keeps that part, in order, at the start of its body.
 */
export function assembleArticles(plan: ArticlePlan): { articles: Article[]; warnings: IngestWarning[] } {
  const { paragraphs, kinds, headlines, tables, file } = plan;
  const liftedAt = new Set(plan.storyStarts.values());
  const untitled = new Set(plan.untitledStarts);
  const warnings: IngestWarning[] = [];
  const articles: Article[] = [];
  const starts = new Set(headlines);
  let section: Section = SECTIONS[0];
  let pending: Block[] = [];
  let current: Article | null = null;
  /** The first part of a story whose headline comes later. */
  let opening: Block[] | null = null;
  const target = () => opening ?? (current ? current.blocks : pending);

  for (let i = 0; i < paragraphs.length; i++) {
    const { text, line } = paragraphs[i];
    const kind = kinds[i];
    if (kind === 'section') {
      section = text as Section;
      continue;
    }
    if (liftedAt.has(i)) opening = [];
    if (starts.has(i) || untitled.has(i)) {
      const headline = starts.has(i);
      // A story without a headline opens at its first paragraph, which stays in its body.
      const title = headline ? { title: text } : { title: titleFromFirstWords(text), titleInferred: true };
      current = { ...title, section, sectionInferred: false, order: articles.length + 1, line, blocks: [...pending, ...(headline ? (opening ?? []) : [])] };
      if (pending.length > 0) {
        warnings.push({ kind: 'text-before-first-headline', file, line: pending[0].line, message: `text before the first headline was kept at the start of "${current.title}"` });
      }
      pending = [];
      articles.push(current);
      if (headline) {
        opening = null;
        if (kinds[i + 1] === 'subtitle') {
          current.subtitle = paragraphs[i + 1].text;
          i++;
        }
        continue;
      }
    }
    if (kind === 'table') {
      const rows = tables.get(line);
      // Only a table's first paragraph carries its rows; the rest were folded into them.
      if (!rows) continue;
      target().push({ type: 'table', rows, line });
      continue;
    }
    target().push(toBlock(kind, text, line));
  }
  // A story start whose headline never came keeps its text in the article before.
  if (opening) (current ? current.blocks : pending).push(...opening);
  // Text is pending only until the first headline; with none at all the pipeline stops with an error.
  return { articles, warnings };
}

/** The first clause of a story's opening sentence that says something, cut to a headline's length. */
const INFERRED_TITLE_LENGTH = 24;

/** Shorter than this, a first clause is an opener ("近日", "据悉", "9月27日"), not a subject. */
const OPENER_LENGTH = 6;

export function titleFromFirstWords(text: string): string {
  const clauses = text.split(/[，。；：！？,;:!?]/).map((c) => c.trim()).filter(Boolean);
  const first = clauses.findIndex((c) => [...c].length >= OPENER_LENGTH);
  const clause = [...(clauses[first] ?? text.trim())];
  return clause.length <= INFERRED_TITLE_LENGTH ? clause.join('') : `${clause.slice(0, INFERRED_TITLE_LENGTH).join('')}…`;
}

function toBlock(kind: LineKind, text: string, line: number): Block {
  switch (kind) {
    case 'heading':
    case 'numbered':
      return { type: 'subheading', text, line };
    case 'note':
    case 'source':
      return { type: 'note', text, line };
    default:
      return { type: 'paragraph', text, line };
  }
}
