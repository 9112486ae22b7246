import type { LineKind, Paragraph } from '../../types.ts';
import { lineKind } from './line-kinds.ts';
import { displayWidth, joinWrapped } from './text.ts';

/**
 * A headline or subheading printed over two or three short lines arrives as separate
 * paragraphs. Join a heading line to the next when it cannot stand alone: very short, or
 * ending or continuing on a linking word ("…的", "暨…").
 */
/** Longer than this, lines are a heading and the text under it, not one heading. */
export const MAX_MERGED_HEADING_LENGTH = 48;

export function mergeHeadingLines(paragraphs: Paragraph[], keepApart: (p: Paragraph) => boolean = () => false): Paragraph[] {
  const out: Paragraph[] = [];
  let previousKind: LineKind | null = null;
  // Right after a "来源：" credit a new story starts, and its headline may take three lines.
  let lastOpensStory = false;
  let joined = 0;
  for (const paragraph of paragraphs) {
    const kind = lineKind(paragraph);
    const last = out[out.length - 1];
    if (last?.display && paragraph.display === 'tight' && !keepApart(last) && !keepApart(paragraph)) {
      // A display block's next line goes on from the headline when the headline cannot stand
      // alone or filled its line first (a wrap); otherwise it is the headline's subtitle, and
      // any further line goes on from the subtitle.
      const wraps = last.display === 'subtitle' || incomplete(last.text, paragraph.text) || displayWidth(last.text) >= displayWidth(paragraph.text);
      if (wraps) {
        out[out.length - 1] = { ...last, text: joinWrapped(last.text, paragraph.text) };
        previousKind = lineKind(out[out.length - 1]);
        joined++;
      } else {
        out.push({ ...paragraph, display: 'subtitle' });
        previousKind = 'subtitle';
        lastOpensStory = false;
        joined = 0;
      }
      continue;
    }
    // A line the layout set as a new display block never continues the heading before it.
    if (last && paragraph.display !== 'start' && previousKind === 'heading' && kind === 'heading' && !keepApart(last) && !keepApart(paragraph)) {
      const storyHeadline = lastOpensStory && joined < 2 && [...last.text].length + [...paragraph.text].length <= MAX_MERGED_HEADING_LENGTH;
      if (storyHeadline || incomplete(last.text, paragraph.text)) {
        const merged = { ...last, text: joinWrapped(last.text, paragraph.text) };
        out[out.length - 1] = merged;
        previousKind = lineKind(merged);
        joined++;
        continue;
      }
    }
    lastOpensStory = kind === 'heading' && (previousKind === null || previousKind === 'source');
    joined = 0;
    out.push(paragraph);
    previousKind = kind;
  }
  return out;
}

function incomplete(first: string, second: string): boolean {
  return [...first].length <= 12 || /[的和与及暨、：:]$/.test(first) || /^[暨与和及——]/.test(second);
}
