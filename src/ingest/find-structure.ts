import type { IngestWarning, NormalisedText, Paragraph } from '../types.ts';
import { detectTables } from './detect-tables.ts';
import { headlineFeatures } from './headline-features.ts';
import { measureCohesion } from './lexical-cohesion.ts';
import weights from './headline-weights.json' with { type: 'json' };
import { lineKind, type LineKind } from './line-kinds.ts';
import { predict, type LogisticModel } from './logistic.ts';
import { matchTocEntries } from './match-toc.ts';
import { mergeHeadingLines } from './merge-heading-lines.ts';

/** The learned headline classifier: weights from scripts/train-headlines.ts, and its cut-off. */
export type HeadlineModel = LogisticModel & { threshold: number };

export interface Structure {
  paragraphs: Paragraph[];
  kinds: LineKind[];
  headlines: number[];
  /** Recovered tables, by the source line where each starts; their paragraphs are of kind 'table'. */
  tables: Map<number, string[][]>;
  warnings: IngestWarning[];
}

/**
 * Decides which paragraphs are headlines. A table of contents, when printed, is the authority;
 * without one the text must tell, through the learned headline classifier.
 */
export function findStructure(text: NormalisedText, model: HeadlineModel = weights): Structure {
  const found = detectTables(text.paragraphs, text.paragraphs.map(lineKind));
  const tableLines = found.map((t) => ({ from: text.paragraphs[t.start].line, to: text.paragraphs[t.end - 1].line, rows: t.rows }));
  const inTable = (p: Paragraph) => tableLines.find((t) => p.line >= t.from && p.line <= t.to);
  const paragraphs = text.toc.length > 0 ? text.paragraphs : mergeHeadingLines(text.paragraphs, (p) => inTable(p) !== undefined);
  const kinds = paragraphs.map((p) => (inTable(p) ? 'table' : lineKind(p)));
  const tables = new Map(tableLines.map((t) => [t.from, t.rows]));
  if (text.toc.length > 0) return { ...fromToc(text, paragraphs, kinds), tables };
  const headlines = classifyHeadlines(paragraphs, kinds, model);
  return { paragraphs, kinds, headlines, tables, warnings: [] };
}

/**
 * Without a table of contents: the heading after a section heading or a "来源：" credit opens
 * a story; outside the magazine layout, any other heading does when the classifier says so.
 */
function classifyHeadlines(paragraphs: Paragraph[], kinds: LineKind[], model: HeadlineModel): number[] {
  const headings = kinds.flatMap((kind, i) => (kind === 'heading' ? [i] : []));
  const opensStory = (i: number) => i === 0 || kinds[i - 1] === 'section' || kinds[i - 1] === 'source';
  // In the magazine layout (no section headings, "来源：" credits closing the stories) a story
  // opens right after a credit, and a heading elsewhere is a subheading or a caption: on the
  // magazine bulletin, letting the classifier cut there too only added false splits
  // (leave-one-out F1 0.786 without it, 0.647 at 0.95). A sectioned bulletin that credits some
  // stories still needs the classifier for the others.
  const magazine = kinds.filter((k) => k === 'source').length >= 3 && !kinds.includes('section');
  if (magazine) return headings.filter(opensStory);
  const cohesion = measureCohesion(paragraphs, kinds);
  return headings.filter((i) => opensStory(i) || predict(model, headlineFeatures(paragraphs, kinds, i, cohesion)) >= model.threshold);
}

function fromToc(text: NormalisedText, paragraphs: Paragraph[], kinds: LineKind[]): Omit<Structure, 'tables'> {
  const warnings: IngestWarning[] = [];
  const matches = matchTocEntries(text.toc, paragraphs, (i) => kinds[i] !== 'section' && paragraphs[i].text.length <= 80);
  const headlines: number[] = [];
  matches.forEach((index, k) => {
    if (index === null) {
      const entry = text.toc[k];
      warnings.push({ file: text.file, line: entry.line, message: `table-of-contents entry "${entry.title}" has no matching headline in the text; its article is part of the one before` });
    } else {
      headlines.push(index);
      // The TOC decides: the matched line is a headline even if it is long or ends a sentence.
      kinds[index] = 'heading';
    }
  });
  return { paragraphs, kinds, headlines, warnings };
}
