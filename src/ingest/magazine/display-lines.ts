import type { DisplayRole, SourceLine, WrapStyle } from '../../types.ts';
import { lineKind } from '../rules/line-kinds.ts';
import { displayWidth, endsSentence, hasWideGap, tidySpaces } from '../rules/text.ts';

/** Where the layout sets a line apart: a display role, or 'apart' for a line that only stands alone. */
export type LineSetting = DisplayRole | 'apart';

export interface DisplayLines {
  /** The setting of each line set apart, keyed by its source line number. */
  settings: Map<number, LineSetting>;
  /**
   * Source lines that resume a sentence a display block interrupted: the column goes on, set in
   * on the line right under the block ("…要看综" / headline / " 合支出与综合收益…").
   */
  resumptions: Set<number>;
}

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
 */
export function findDisplayLines(lines: SourceLine[], style: WrapStyle): DisplayLines {
  const settings = new Map<number, LineSetting>();
  const resumptions = new Set<number>();
  const { wrapWidth } = style;
  // Only a magazine's double-spaced, unmarked text says anything by printing lines tight together.
  if (!style.doubleSpaced || wrapWidth === null || style.trailingSpaceEndsParagraph) return { settings, resumptions };
  const printed = lines.filter((l) => l.text.trim() !== '');
  const fullColumn = (k: number) => displayWidth(printed[k].text.trim()) >= wrapWidth * DISPLAY_SHARE_OF_COLUMN;
  const displayShaped = printed.map((l, k) => !fullColumn(k) && isDisplayShaped(l.text));
  const touching = (k: number) => k > 0 && k < printed.length && printed[k - 1].line === printed[k].line - 1;
  const tight = (k: number) => touching(k) && displayShaped[k - 1] && displayShaped[k];
  // A full line that does not end its sentence: a display line after it interrupts the sentence.
  const cutBefore = (k: number) => k > 0 && fullColumn(k - 1) && !endsSentence(printed[k - 1].text);

  for (let k = 0; k < printed.length; k++) {
    const first = k;
    if (tight(k + 1)) {
      settings.set(printed[k].line, 'start');
      for (k++; k < printed.length && tight(k); k++) settings.set(printed[k].line, /^\s/.test(printed[k].text) ? 'start' : 'tight');
      k--;
    } else if (hasWideGap(printed[k].text) && standsApart(printed[k].text)) {
      settings.set(printed[k].line, cutBefore(k) ? 'start' : 'apart');
    } else {
      continue;
    }
    // The column resumes, set in, on the line right under the block: the sentence goes on there.
    const next = k + 1;
    if (cutBefore(first) && next < printed.length && touching(next) && /^\s/.test(printed[next].text) && !displayShaped[next]) {
      resumptions.add(printed[next].line);
    }
  }
  return { settings, resumptions };
}

function headingShaped(raw: string): boolean {
  return lineKind({ text: tidySpaces(raw), line: 0 }) === 'heading';
}

/** A heading, or a caption ("视频直播二维码    图片直播二维码"): short lines that are not prose. */
function standsApart(raw: string): boolean {
  const kind = lineKind({ text: tidySpaces(raw), line: 0 });
  return kind === 'heading' || kind === 'note';
}

function isDisplayShaped(raw: string): boolean {
  return headingShaped(raw) || SPEAKER_LEAD.test(tidySpaces(raw));
}
