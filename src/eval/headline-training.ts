import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleArticles } from '../ingest/stages/assemble-articles.ts';
import { decodeBulletin } from '../ingest/decode.ts';
import { classifierView, findStructure, type HeadlineModel } from '../ingest/stages/find-structure.ts';
import { headlineFeatures } from '../ingest/headlines/features.ts';
import { measureCohesion } from '../ingest/headlines/cohesion.ts';
import { trainLogistic, type LogisticModel } from '../ingest/headlines/logistic.ts';
import { headlineSimilarity } from '../ingest/headlines/match-toc.ts';
import { normaliseLines } from '../ingest/stages/normalise.ts';
import type { NormalisedText } from '../types.ts';
import { readLabels, type LabelledArticle } from './labels.ts';
import { reprintedAsPdf } from './pdf-layout.ts';
import { titleF1, type F1 } from './title-f1.ts';

interface Sample { x: number[]; y: number }

/** A bulletin with reference labels, read as if it had no table of contents. */
export interface LabelledBulletin {
  name: string;
  text: NormalisedText;
  labels: LabelledArticle[];
  /**
   * One per heading candidate, and whether it is a labelled headline. A bulletin with a table of
   * contents gives its candidates twice: as printed, and printed again as a PDF extract
   * (pdf-layout.ts), the layout the classifier is used on, where headlines wrap and merge.
   */
  samples: Sample[];
}

export function readLabelledBulletins(seedDir: string, labelDir: string): LabelledBulletin[] {
  const bulletins: LabelledBulletin[] = [];
  for (const name of readdirSync(seedDir).filter((f) => /\.txt$/i.test(f)).sort()) {
    const labels = readLabels(labelDir, name);
    if (!labels) continue;
    const normalised = normaliseLines(decodeBulletin(name, readFileSync(join(seedDir, name))));
    const text = { ...normalised, toc: [] };
    const samples = candidateSamples(text, labels, true);
    if (normalised.toc.length > 0) samples.push(...candidateSamples(reprintedAsPdf(name, normalised), labels, false));
    bulletins.push({ name, text, labels, samples });
  }
  return bulletins;
}

/** Labels name their line in the seed as printed; a reprint has other line numbers, so only titles match there. */
function candidateSamples(text: NormalisedText, labels: LabelledArticle[], sameLines: boolean): Sample[] {
  // The classifier learns from paragraphs and kinds exactly as its own path in find-structure gets them.
  const { paragraphs, kinds } = classifierView(text);
  const cohesion = measureCohesion(paragraphs, kinds);
  const samples: Sample[] = [];
  paragraphs.forEach((p, i) => {
    if (kinds[i] !== 'heading') return;
    const y = labels.some((l) => (sameLines && l.line === p.line) || headlineSimilarity(l.title, p.text) >= 0.9) ? 1 : 0;
    samples.push({ x: headlineFeatures(paragraphs, kinds, i, cohesion), y });
  });
  return samples;
}

export function trainHeadlineModel(bulletins: LabelledBulletin[]): LogisticModel {
  return trainLogistic(bulletins.flatMap((b) => b.samples));
}

/**
 * Title F1 of each bulletin split by a model trained on all the others, through the ingest's
 * own decision path: the honest estimate of how a bulletin never seen will be split.
 */
export function leaveOneOut(bulletins: LabelledBulletin[], threshold: number): { name: string; score: F1 }[] {
  return bulletins.map((held) => {
    const model: HeadlineModel = { ...trainHeadlineModel(bulletins.filter((b) => b !== held)), threshold };
    return { name: held.name, score: titleF1(splitTitles(held.name, held.text, model), held.labels.map((l) => l.title)) };
  });
}

/** The titles of the articles a text is split into, as the ingest assembles them. */
export function splitTitles(name: string, text: NormalisedText, model: HeadlineModel): string[] {
  return assembleArticles({ ...findStructure(text, model), file: name }).articles.map((a) => a.title);
}
