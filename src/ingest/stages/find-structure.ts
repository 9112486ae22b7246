import type { IngestWarning, LineKind, NormalisedText, Paragraph, Structure } from '../../types.ts';
import { decodeHeadlines } from '../headlines/decoder.ts';
import { detectTables } from '../rules/detect-tables.ts';
import { backPageStart } from '../magazine/back-page.ts';
import { applyEditorHeadlines } from '../editor-headlines.ts';
import { headlineFeatures } from '../headlines/features.ts';
import { endsInterview } from '../headlines/question-and-answer.ts';
import { roundupParts } from '../headlines/round-up.ts';
import { joinHeadingRuns } from '../magazine/join-heading-runs.ts';
import { untangleColumns } from '../magazine/untangle-columns.ts';
import { measureCohesion } from '../headlines/cohesion.ts';
import weights from '../headlines/weights.json' with { type: 'json' };
import { lineKind } from '../rules/line-kinds.ts';
import { predict, type LogisticModel } from '../headlines/logistic.ts';
import { matchTocEntries } from '../headlines/match-toc.ts';
import { mergeHeadingLines } from '../rules/merge-heading-lines.ts';

/** The learned headline classifier: weights from scripts/train-headlines.ts, and its cut-off. */
export type HeadlineModel = LogisticModel & { threshold: number };

/**
 * Decides which paragraphs are headlines. A table of contents, when printed, names them, and the
 * classifier adds only a headline it is sure the TOC left out; without one the text must tell,
 * through the learned headline classifier. The editor's front matter, if any, has the last word.
 */
export function findStructure(text: NormalisedText, model: HeadlineModel = weights): Structure {
  const found = findHeadlines(text, model);
  const edited = applyEditorHeadlines(text.file, text.overrides, found.paragraphs, found.kinds, found.headlines);
  const kept = new Set(edited.headlines);
  const storyStarts = new Map([...found.storyStarts].filter(([headline]) => kept.has(headline)));
  // A line the editor names as a headline is a title: the story starting there is titled.
  const untitledStarts = found.untitledStarts.filter((start) => !kept.has(start));
  // A line the editor's lists name is decided: the doubts raised about it are settled.
  const decided = new Set(edited.named.map((i) => found.paragraphs[i].line));
  const open = found.warnings.filter((w) => !(SETTLED_BY_EDITOR.has(w.kind) && w.line !== null && decided.has(w.line)));
  return { ...found, headlines: edited.headlines, kinds: edited.kinds, storyStarts, untitledStarts, warnings: [...open, ...edited.warnings] };
}

/** The warnings that ask whether a line is a headline, which a headlines: / not-headlines: entry answers. */
const SETTLED_BY_EDITOR = new Set<IngestWarning['kind']>(['close-call', 'given-up-headline', 'headline-not-in-toc']);

/**
 * The paragraphs and their kinds as the headline classifier is given them: tables recovered and
 * wrapped heading lines merged, before any layout's own handling. It learns from this view too.
 */
export function classifierView(text: NormalisedText): Pick<Structure, 'paragraphs' | 'kinds' | 'tables'> {
  const found = detectTables(text.paragraphs, text.paragraphs.map(lineKind));
  const tableLines = found.map((t) => ({ from: text.paragraphs[t.start].line, to: text.paragraphs[t.end - 1].line, rows: t.rows }));
  const inTable = (p: Paragraph) => tableLines.find((t) => p.line >= t.from && p.line <= t.to);
  const paragraphs = text.toc.length > 0 ? text.paragraphs : mergeHeadingLines(text.paragraphs, (p) => inTable(p) !== undefined);
  const kinds = paragraphs.map((p): LineKind => (inTable(p) ? 'table' : lineKind(p)));
  return { paragraphs, kinds, tables: new Map(tableLines.map((t) => [t.from, t.rows])) };
}

function findHeadlines(text: NormalisedText, model: HeadlineModel): Structure {
  const { paragraphs, kinds, tables } = classifierView(text);
  if (text.toc.length > 0) return { ...fromToc(text, paragraphs, kinds, model), storyStarts: new Map(), untitledStarts: [], tables };
  if (isMagazineLayout(kinds)) {
    // The back page belongs to no story: it is set aside as the colophon.
    const backPage = backPageStart(paragraphs, kinds);
    const colophon = paragraphs.slice(backPage);
    const joined = joinHeadingRuns(paragraphs.slice(0, backPage), kinds.slice(0, backPage));
    const untangled = untangleColumns(text.file, joined.paragraphs, joined.kinds);
    const stories = magazineStories(text.file, untangled.paragraphs, untangled.kinds);
    return { paragraphs: untangled.paragraphs, kinds: untangled.kinds, ...stories, warnings: [...untangled.warnings, ...stories.warnings], tables, ...(colophon.length > 0 ? { colophon } : {}) };
  }
  return { paragraphs, kinds, ...classifyHeadlines(text.file, paragraphs, kinds, model), storyStarts: new Map(), untitledStarts: [], tables };
}

const headingIndices = (kinds: LineKind[]) => kinds.flatMap((kind, i) => (kind === 'heading' ? [i] : []));
const opensStory = (kinds: LineKind[], i: number) => i === 0 || kinds[i - 1] === 'section' || kinds[i - 1] === 'source';

/** A classifier score this close to the cut is reported, so the editor knows which splits to check. */
const CLOSE_CALL = 0.1;

/**
 * Without a table of contents, in a bulletin with sections: the heading after a section heading
 * or a "来源：" credit opens a story; any other heading does when the classifier, read over the
 * whole run of headings (decode-headlines.ts), says so.
 */
function classifyHeadlines(file: string, paragraphs: Paragraph[], kinds: LineKind[], model: HeadlineModel): { headlines: number[]; warnings: IngestWarning[] } {
  const score = headingScorer(paragraphs, kinds, model);
  const indices = headingIndices(kinds);
  const numberedBetween = (from: number, to: number) => kinds.slice(from, to).filter((kind) => kind === 'numbered').length;
  const proseBetween = (from: number, to: number) => paragraphs.slice(from, to).reduce((n, p, k) => n + (kinds[from + k] === 'prose' ? p.text.length : 0), 0);
  const scores = indices.map((i) => score(i));
  // A part of a round-up whose introduction lists its fields is no headline, whatever it scores.
  const parts = roundupParts(paragraphs, kinds);
  const introductions = indices.map((i) => parts.get(i) ?? null);
  const candidates = indices.map((i, k) => {
    // After a section heading, a "来源：" credit or an interview's last answer, a story opens.
    const forced = opensStory(kinds, i) || endsInterview(paragraphs, kinds, i);
    const from = k === 0 ? 0 : indices[k - 1] + 1;
    return { score: forced ? 1 : introductions[k] !== null ? 0 : scores[k], forced, numberedBefore: numberedBetween(from, i), proseBefore: proseBetween(from, i) };
  });
  const taken = decodeHeadlines(candidates, model.threshold, numberedBetween((indices.at(-1) ?? -1) + 1, kinds.length));
  const warnings = candidates.flatMap(({ score, forced }, k): IngestWarning[] => {
    const { text, line } = paragraphs[indices[k]];
    const introduction = introductions[k];
    if (!forced && introduction !== null && scores[k] >= model.threshold) {
      return [{ kind: 'given-up-headline', file, line, message: `given up: "${text}" scored ${scores[k].toFixed(3)} (cut ${model.threshold}) but was not taken for a headline, as it takes up, in order, one of the fields the introduction on line ${paragraphs[introduction].line} lists, so it reads as a part of that round-up; if that is wrong, list it under headlines: in the correction file (seeds/<name>.yml)` }];
    }
    const alone = score >= model.threshold;
    if (alone && !taken[k]) {
      return [{ kind: 'given-up-headline', file, line, message: `given up: "${text}" scored ${score.toFixed(3)} (cut ${model.threshold}) but was not taken for a headline, as splitting there would leave an article with a single subheading; if that is wrong, list it under headlines: in the correction file (seeds/<name>.yml)` }];
    }
    if (forced || Math.abs(score - model.threshold) >= CLOSE_CALL) return [];
    const fix = taken[k] ? 'not-headlines' : 'headlines';
    return [{ kind: 'close-call', file, line, message: `close call: "${text}" was ${taken[k] ? '' : 'not '}taken for a headline (score ${score.toFixed(3)}, cut ${model.threshold}); if that is wrong, list it under ${fix}: in the correction file (seeds/<name>.yml)` }];
  });
  return { headlines: indices.filter((_, k) => taken[k]), warnings };
}

/** The classifier's probability that the heading at a paragraph index opens a story. */
function headingScorer(paragraphs: Paragraph[], kinds: LineKind[], model: HeadlineModel): (i: number) => number {
  const cohesion = measureCohesion(paragraphs, kinds);
  return (i) => predict(model, headlineFeatures(paragraphs, kinds, i, cohesion));
}

/**
 * The magazine layout: a story opens right after a "来源：" credit, or where the layout sets a
 * headline in display type (display-lines.ts). Any other heading is a subheading or a caption:
 * on the magazine bulletin, letting the classifier cut there too only added false splits.
 * A story that opens with prose after its credit had its headline printed further down by
 * two-column extraction; the next headline (one the layout set in display type, as none follows
 * the credit directly) is lifted to its start, and the editor told.
 */
function magazineStories(file: string, paragraphs: Paragraph[], kinds: LineKind[]): Pick<Structure, 'headlines' | 'storyStarts' | 'untitledStarts' | 'warnings'> {
  const headlines = headingIndices(kinds).filter((i) => opensStory(kinds, i) || paragraphs[i].display === 'start');
  const storyStarts = new Map<number, number>();
  const untitledStarts: number[] = [];
  const warnings: IngestWarning[] = [];
  kinds.forEach((kind, credit) => {
    if (kind !== 'source') return;
    const headline = headlines.find((h) => h > credit);
    if (headline === undefined && isUntitledStory(paragraphs, kinds, credit + 1)) {
      untitledStarts.push(credit + 1);
      const { line } = paragraphs[credit + 1];
      warnings.push({ kind: 'untitled-story', file, line, message: `the text after the credit on line ${paragraphs[credit].line} has no headline; it is published as its own article, titled by its first words; to give it a title, add a headline line above line ${line}` });
    }
    if (headline === undefined || headline === credit + 1) return;
    // Another credit first means the text after this one is a tail woven in, not an opening.
    if (kinds.slice(credit + 1, headline).includes('source')) return;
    storyStarts.set(headline, credit + 1);
    const start = paragraphs[credit + 1].line;
    warnings.push({ kind: 'displaced-headline', file, line: paragraphs[headline].line, message: `"${paragraphs[headline].text}" was printed after the start of its story (two-column extraction); its article starts at line ${start}, after the credit` });
  });
  return { headlines, storyStarts, untitledStarts, warnings };
}

/** Enough prose to be a story, not a back-page notice or a stray caption after the last credit. */
const UNTITLED_STORY_CHARACTERS = 200;

function isUntitledStory(paragraphs: Paragraph[], kinds: LineKind[], start: number): boolean {
  if (kinds[start] !== 'prose') return false;
  let prose = 0;
  for (let i = start; i < paragraphs.length && kinds[i] !== 'source'; i++) if (kinds[i] === 'prose') prose += paragraphs[i].text.length;
  return prose >= UNTITLED_STORY_CHARACTERS;
}

/** No section headings, and "来源：" credits closing the stories: the classifier is not consulted. */
function isMagazineLayout(kinds: LineKind[]): boolean {
  return kinds.filter((k) => k === 'source').length >= 3 && !kinds.includes('section');
}

/**
 * A table of contents can leave out an article: its headline is then printed in the body but
 * listed nowhere. The TOC's silence counts against such a line, so the classifier must be surer
 * than its usual cut. On the seeds any cut from 0.35 to 0.94 gives the same split: the one
 * unlisted headline scores 0.944, the best-scoring unlisted subheading 0.349.
 */
const UNLISTED_HEADLINE_SCORE = 0.8;

function fromToc(text: NormalisedText, paragraphs: Paragraph[], kinds: LineKind[], model: HeadlineModel): Omit<Structure, 'tables' | 'storyStarts' | 'untitledStarts'> {
  const warnings: IngestWarning[] = [];
  const matches = matchTocEntries(text.toc, paragraphs, (i) => kinds[i] !== 'section' && paragraphs[i].text.length <= 80);
  const listed: number[] = [];
  matches.forEach((index, k) => {
    if (index === null) {
      const entry = text.toc[k];
      warnings.push({ kind: 'toc-entry-unmatched', file: text.file, line: entry.line, message: `table-of-contents entry "${entry.title}" has no matching headline in the text, so no article opens for it; if its headline is printed in other words, list that line under headlines: in the correction file (seeds/<name>.yml)` });
    } else {
      listed.push(index);
    }
  });
  const unlisted = headingIndices(kinds).filter((i) => !listed.includes(i));
  // The TOC decides: the matched line is a headline even if it is long or ends a sentence.
  for (const i of listed) kinds[i] = 'heading';
  // Paragraphs here were not merged as the classifier's training text was (mergeHeadingLines):
  // a TOC layout prints a headline on one line, so there is nothing to merge.
  const score = headingScorer(paragraphs, kinds, model);
  const added = unlisted.filter((i) => score(i) >= UNLISTED_HEADLINE_SCORE);
  for (const i of added) {
    const { text: title, line } = paragraphs[i];
    warnings.push({ kind: 'headline-not-in-toc', file: text.file, line, message: `"${title}" has no table-of-contents entry but reads as a headline, so it opens an article; if it is part of the article before, list it under not-headlines: in the correction file (seeds/<name>.yml)` });
  }
  const headlines = [...listed, ...added].sort((a, b) => a - b);
  return { paragraphs, kinds, headlines, warnings };
}
