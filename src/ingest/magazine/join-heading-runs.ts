import type { LineKind, Paragraph } from '../../types.ts';
import { MAX_MERGED_HEADING_LENGTH } from '../rules/merge-heading-lines.ts';

/**
 * A speaker or a topic introducing the words that follow: "某所副总经理某某：", "5G ﹢ VR 直播：";
 * not a sentence introducing a list ("主要措施如下：").
 */
const SPEAKER_LEAD = /^(?!.*(如下|以下|包括|分别是|主要有)[：:]$)[^，。；：、]{2,20}[：:]$/;
const MAX_RUN = 3;
/** A part this long filled its line: the next part goes on from it with no phrase gap. */
const FULL_LINE = 20;

/**
 * A magazine sets an in-story heading over two or three lines with a blank line between every
 * two printed lines, so its parts arrive as separate paragraphs: "从“互联网 +”到“智能 ×”" then
 * "为全球经济复苏注入新动能", or a speaker's name then the words quoted. Inside a story such a
 * run of lines is one heading: a short part keeps a phrase gap (U+3000) after it, a part that
 * filled its line and a speaker's colon run straight on.
 */
export function joinHeadingRuns(paragraphs: Paragraph[], kinds: LineKind[]): { paragraphs: Paragraph[]; kinds: LineKind[] } {
  const outParagraphs: Paragraph[] = [];
  const outKinds: LineKind[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const run = headingRun(paragraphs, kinds, i);
    if (run > 1) {
      const parts = paragraphs.slice(i, i + run).map((p) => p.text);
      const text = parts.reduce((joined, part, k) => (/[：:]$/.test(joined) || parts[k - 1].length >= FULL_LINE ? joined + part : `${joined}\u3000${part}`));
      outParagraphs.push({ ...paragraphs[i], text });
      outKinds.push('heading');
      i += run;
      continue;
    }
    outParagraphs.push(paragraphs[i]);
    outKinds.push(kinds[i]);
    i++;
  }
  return { paragraphs: outParagraphs, kinds: outKinds };
}

/** How many lines from `start` make one heading: 1 when they do not. */
function headingRun(paragraphs: Paragraph[], kinds: LineKind[], start: number): number {
  // After prose or a note (a caption, a serial marker), never where a story opens.
  if (start === 0 || (kinds[start - 1] !== 'prose' && kinds[start - 1] !== 'note')) return 1;
  // Lines after "…如下：" are the items it introduces.
  if (/[：:]$/.test(paragraphs[start - 1].text)) return 1;
  const opensRun = kinds[start] === 'heading' || (kinds[start] === 'prose' && SPEAKER_LEAD.test(paragraphs[start].text));
  if (!opensRun || paragraphs[start].display) return 1;
  let end = start + 1;
  let length = paragraphs[start].text.length;
  while (end < paragraphs.length && end - start < MAX_RUN && kinds[end] === 'heading' && !paragraphs[end].display) {
    if (length + paragraphs[end].text.length > MAX_MERGED_HEADING_LENGTH) break;
    length += paragraphs[end].text.length;
    end++;
  }
  // The run must end where the story's text resumes: a heading and its text are not one heading.
  if (end === start + 1 || kinds[end] !== 'prose') return 1;
  return end - start;
}
