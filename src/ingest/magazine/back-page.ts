import type { LineKind, Paragraph } from '../../types.ts';
import { isColophonLine } from '../rules/line-kinds.ts';

/** A line of the notice: short, and no Chinese sentence (its slogans and names carry no full stop). */
const isNoticeLine = (p: Paragraph) => p.text.length <= 200 && !/[。！？]/.test(p.text);

/**
 * A magazine's back page prints the publisher's notice: its name, "欢迎投稿", telephone, address,
 * slogans. It ends the text, after the last story, and none of it is that story's heading or
 * prose. The notice is the run of notice lines that ends the text, if it holds a contact line;
 * every line of it is kept, as a note.
 */
export function markBackPage(paragraphs: Paragraph[], kinds: LineKind[]): LineKind[] {
  const start = backPageStart(paragraphs, kinds);
  return kinds.map((kind, i) => (i >= start ? 'note' : kind));
}

/** Where the publisher's notice starts: the index of its first paragraph, or the length when there is none. */
export function backPageStart(paragraphs: Paragraph[], kinds: LineKind[]): number {
  let start = paragraphs.length;
  while (start > 0 && isNoticeLine(paragraphs[start - 1]) && kinds[start - 1] !== 'source' && kinds[start - 1] !== 'table') start--;
  return paragraphs.slice(start).some((p) => isColophonLine(p.text)) ? start : paragraphs.length;
}
