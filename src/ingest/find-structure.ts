import type { IngestWarning, NormalisedText, Paragraph } from '../types.ts';
import { headlineFeatures } from './headline-features.ts';
import weights from './headline-weights.json' with { type: 'json' };
import { lineKind, type LineKind } from './line-kinds.ts';
import { predict } from './logistic.ts';
import { matchTocEntries } from './match-toc.ts';
import { mergeHeadingLines } from './merge-heading-lines.ts';

export interface Structure {
  paragraphs: Paragraph[];
  kinds: LineKind[];
  headlines: number[];
  warnings: IngestWarning[];
}

/**
 * Decides which paragraphs are headlines. A table of contents, when printed, is the authority;
 * without one the text must tell, through the learned headline classifier.
 */
export function findStructure(text: NormalisedText): Structure {
  const paragraphs = text.toc.length > 0 ? text.paragraphs : mergeHeadingLines(text.paragraphs);
  const kinds = paragraphs.map(lineKind);
  if (text.toc.length > 0) return fromToc(text, paragraphs, kinds);
  const headlines: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (kinds[i] !== 'heading') continue;
    const opensSection = kinds[i - 1] === 'section' || kinds[i - 1] === 'source' || i === 0;
    if (opensSection || predict(weights, headlineFeatures(paragraphs, kinds, i)) >= weights.threshold) headlines.push(i);
  }
  return { paragraphs, kinds, headlines, warnings: [] };
}

function fromToc(text: NormalisedText, paragraphs: Paragraph[], kinds: LineKind[]): Structure {
  const warnings: IngestWarning[] = [];
  const matches = matchTocEntries(text.toc, paragraphs, (i) => kinds[i] !== 'section' && paragraphs[i].text.length <= 80);
  const headlines: number[] = [];
  matches.forEach((index, k) => {
    if (index === null) {
      const entry = text.toc[k];
      warnings.push({ file: text.file, line: entry.line, message: `table-of-contents entry "${entry.title}" has no matching headline in the text; its article is part of the one before` });
    } else {
      headlines.push(index);
      // A headline the classifier would also take for one is a headline; the TOC decides.
      kinds[index] = 'heading';
    }
  });
  return { paragraphs, kinds, headlines, warnings };
}
