import { isHeadingKind, type LineKind, type Paragraph } from '../../types.ts';
import { sameShape } from './features.ts';

const isQuestion = (text: string) => /[？?]$/.test(text.trim());

/** A heading this short after an interview ("结语", "编后") is the interview's own closing part. */
const SHORTEST_STORY_AFTER_INTERVIEW = 10;

/**
 * Whether the heading at `i` opens a new story because it ends a question-and-answer interview.
 * An interview is divided by the questions it asks ("…有什么重要意义？", "…如何…？"); an answer may
 * have its own subheadings, parallel in form to one another ("加大…，打造…", "深化…，构建…").
 * Read back from `i`, the interview is the run of headings that are questions or parallel to a
 * neighbouring heading, up to its headline (the first that is neither). After two or more
 * questions each answered right under it, a heading that is no question and parallel in form to nothing in the run, nor to the
 * heading after it, is no part of the interview: its last answer has ended, and a new story opens,
 * as it would after a "来源：" credit. The classifier alone cannot see this: such a heading, read
 * one at a time, looks like one more subheading among many.
 */
export function endsInterview(paragraphs: Paragraph[], kinds: LineKind[], i: number): boolean {
  const text = paragraphs[i].text;
  if (kinds[i] !== 'heading' || isQuestion(text) || [...text.replace(/\s/g, '')].length < SHORTEST_STORY_AFTER_INTERVIEW) return false;
  const run: string[] = [];
  let questions = 0;
  let after = text;
  for (let k = i - 1; k >= 0 && kinds[k] !== 'section' && kinds[k] !== 'source'; k--) {
    if (!isHeadingKind(kinds[k])) continue;
    const heading = paragraphs[k].text;
    const before = headingBefore(paragraphs, kinds, k);
    // Numbered parts ("（一）…") are subheadings whatever they say.
    const parallel = kinds[k] === 'numbered' || sameShape(heading, after) || (before !== null && sameShape(heading, before));
    if (!isQuestion(heading) && !parallel) break;
    // A question is the interview's only when answered right under it: questions in a row with
    // no answer between them are a story's lead asking them, wrapped into short lines.
    if (isQuestion(heading) && kinds[k + 1] === 'prose') questions++;
    run.push(heading);
    after = heading;
  }
  if (questions < 2) return false;
  const next = headingAfter(paragraphs, kinds, i);
  return !run.some((heading) => sameShape(text, heading)) && !(next !== null && sameShape(text, next));
}

function headingBefore(paragraphs: Paragraph[], kinds: LineKind[], i: number): string | null {
  for (let k = i - 1; k >= 0 && kinds[k] !== 'section' && kinds[k] !== 'source'; k--) if (isHeadingKind(kinds[k])) return paragraphs[k].text;
  return null;
}

function headingAfter(paragraphs: Paragraph[], kinds: LineKind[], i: number): string | null {
  for (let k = i + 1; k < paragraphs.length && kinds[k] !== 'section' && kinds[k] !== 'source'; k++) if (isHeadingKind(kinds[k])) return paragraphs[k].text;
  return null;
}
