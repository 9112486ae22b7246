import type { DisplayRole } from '../types.ts';
import type { SourceLine } from './furniture.ts';
import { lineKind } from './line-kinds.ts';
import type { WrapStyle } from './reflow.ts';
import { displayWidth, endsSentence, tidySpaces, WIDE_GAP } from './text.ts';

/** Where the layout sets a line apart: a display role, or 'apart' for a line that only stands alone. */
export type LineSetting = DisplayRole | 'apart';

/** A line this full is body text, whatever it says: display type is larger and wraps sooner. */
const DISPLAY_SHARE_OF_COLUMN = 0.9;
/** "中国工程院院士邬贺铨：" over the line that carries the rest of the headline. */
const SPEAKER_LEAD = /^[^，。；！？]{2,20}[：:]$/;

/**
 * Finds the lines a magazine extraction sets apart the way only display type is set, which
 * tells a headline from body text even where two-column extraction dropped it in the middle
 * of another story's sentence:
 * - in double-spaced text, short heading-shaped lines printed tight together with no blank
 *   line between them are one display block ('start' for its first line and for any line
 *   indented as a new block, 'tight' for the lines that follow on);
 * - a heading-shaped line with wide gaps inside it stands alone ('apart'), and is a headline
 *   block of its own ('start') when it interrupts a sentence, after a full line that goes on.
 * Returns the setting of each such line, keyed by its source line number.
 */
export function findDisplayLines(lines: SourceLine[], style: WrapStyle): Map<number, LineSetting> {
  const settings = new Map<number, LineSetting>();
  const { wrapWidth } = style;
  // Only a magazine's double-spaced, unmarked text says anything by printing lines tight together.
  if (!style.doubleSpaced || wrapWidth === null || style.trailingSpaceEndsParagraph) return settings;
  const printed = lines.filter((l) => l.text.trim() !== '');
  const displayShaped = printed.map((l) => isDisplayShaped(l.text, wrapWidth));
  const tight = (k: number) => k > 0 && printed[k - 1].line === printed[k].line - 1 && displayShaped[k - 1] && displayShaped[k];
  const fullColumn = (l: SourceLine) => displayWidth(l.text.trim()) >= wrapWidth * DISPLAY_SHARE_OF_COLUMN;
  printed.forEach((line, k) => {
    const gapped = hasWideGap(line.text) && headingShaped(line.text);
    if (tight(k) || (k + 1 < printed.length && tight(k + 1))) {
      settings.set(line.line, tight(k) && !/^\s/.test(line.text) ? 'tight' : 'start');
    } else if (gapped) {
      const interrupts = k > 0 && fullColumn(printed[k - 1]) && !endsSentence(printed[k - 1].text);
      settings.set(line.line, interrupts ? 'start' : 'apart');
    }
  });
  return settings;
}

function hasWideGap(raw: string): boolean {
  return raw.trim().split(WIDE_GAP).length > 1;
}

function headingShaped(raw: string): boolean {
  return lineKind({ text: tidySpaces(raw), line: 0 }) === 'heading';
}

function isDisplayShaped(raw: string, wrapWidth: number): boolean {
  if (displayWidth(raw.trim()) >= wrapWidth * DISPLAY_SHARE_OF_COLUMN) return false;
  return headingShaped(raw) || SPEAKER_LEAD.test(tidySpaces(raw));
}
