import type { Paragraph } from '../types.ts';
import type { LineKind } from './line-kinds.ts';

/** How a news story opens: a date, "近日", "据…报道", a reporter's byline. */
const NEWS_LEAD =
  /^((\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|(\d{4}\s*年\s*)?\d{1,2}\s*月(初|中旬|下旬|底|以来)|近日|日前|近期|昨日|昨天|今天|今年|本报讯|当地时间|美东时间|北京时间|记者|据[^，。]{1,20}(报道|消息|介绍|了解|悉|统计|显示)|\d{4}\s*年[，,]|\d{4}\s*年(以来|是|全球|我国|中国)|[^，。]{2,20}(日前|近日|近期)[，,]?)/;

export function looksLikeNewsLead(text: string): boolean {
  return NEWS_LEAD.test(text);
}

/**
 * Scores how much a heading-shaped paragraph looks like an article headline rather than a
 * subheading inside an article. Without a table of contents the text itself must tell:
 * a headline opens a story (a news lead follows, a "——" subtitle hangs under it, a section
 * heading or a "来源：" line came just before) and reads as a full clause; a subheading is
 * short, often numbered, and follows the article's own paragraphs.
 */
export function headlineScore(paragraphs: Paragraph[], kinds: LineKind[], i: number): number {
  const text = paragraphs[i].text;
  const length = [...text.replace(/\s/g, '')].length;
  const previous = kinds[i - 1];
  let score = 0;
  if (previous === undefined || previous === 'section' || previous === 'source') score += 4;
  let next = i + 1;
  if (kinds[next] === 'subtitle') {
    score += 3;
    next++;
  }
  if (paragraphs[next] && kinds[next] === 'prose' && looksLikeNewsLead(paragraphs[next].text)) score += 2.5;
  if (length >= 16) score += 1;
  if (length >= 22) score += 1;
  if (length <= 9) score -= 1.5;
  // Two phrases set apart by a space or colon is the headline style of these bulletins.
  if (/[\u4e00-\u9fff”》] [\u4e00-\u9fff“《\d]/.test(text) || /^[^：:]{2,12}[：:]./.test(text)) score += 0.5;
  // A subheading usually sits between paragraphs of one story; two headings in a row mean the
  // first opens a story and the second is its first subheading, or a deck.
  if (kinds[next] === 'heading' || kinds[next] === 'numbered') score += 0.5;
  if (/[？?]$/.test(text)) score -= 1;
  return score;
}

export const HEADLINE_THRESHOLD = 2.5;

export function findHeadlines(paragraphs: Paragraph[], kinds: LineKind[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (kinds[i] === 'heading' && headlineScore(paragraphs, kinds, i) >= HEADLINE_THRESHOLD) found.push(i);
  }
  return found;
}
