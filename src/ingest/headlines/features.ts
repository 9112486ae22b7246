import { isHeadingKind, type LineKind, type Paragraph } from '../../types.ts';
import type { LexicalCohesion } from './cohesion.ts';

/** How a news story opens: a date, "近日", "据…报道", a reporter's byline. */
const NEWS_LEAD =
  /^((\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日|(\d{4}\s*年\s*)?\d{1,2}\s*月(初|中旬|下旬|底|以来)|近日|日前|近期|昨日|昨天|今天|今年|本报讯|当地时间|美东时间|北京时间|记者|据[^，。]{1,20}(报道|消息|介绍|了解|悉|统计|显示)|[^，。]{2,24}(日前|近日|近期|\d{1,2}月\d{1,2}日)[，,]?)/;

/**
 * A lead that opens by pointing back ("与此同时", "此外", "另一方面") goes on from the text above
 * it: the heading over it parts one story, it does not open one.
 */
const CONTINUING_LEAD = /^(与此同时|同时|此外|另外|另一方面|而|但是?|不过|然而|对此|因此|首先|其次|最后)[，,]?/;

/**
 * The evidence, for one heading-shaped paragraph, that it opens a new article rather than
 * a part of one. Weights for these are learned from bulletins whose table of contents
 * labels every line (scripts/train-headlines.ts); the names say what each one measures.
 */
export const FEATURE_NAMES = [
  'opensSectionOrFollowsSource',
  'hasSubtitle',
  'newsLeadFollows',
  'lengthOver15',
  'lengthOver21',
  'lengthUnder10',
  'twoPhrases',
  'headingFollows',
  'question',
  'sameShapeAsNeighbourHeading',
  'longGapBefore',
  'headingsNearby',
  'previousEndsWithQuoteOrSaid',
  'leadIsLong',
  'lengthOver11',
  'dateOrReporterInLead',
  'hasNumberOrName',
  'sharesWordsWithLead',
  'nextHeadingIsShorter',
  'longRunAfter',
  'cohesionAcross600',
  'cohesionAcross1200',
  'wordsInPrevious600',
  'wordsInPrevious1200',
  'inRoundupOfColonHeadings',
  'echoedByNextHeadings',
  'proseSincePreviousHeading',
  'numberedSoonAfter',
  'echoesHeadingsBefore',
  'leadContinuesBefore',
] as const;

export function headlineFeatures(paragraphs: Paragraph[], kinds: LineKind[], i: number, cohesion: LexicalCohesion): number[] {
  const text = paragraphs[i].text;
  const length = [...text.replace(/\s/g, '')].length;
  const previous = kinds[i - 1];
  let next = i + 1;
  const hasSubtitle = kinds[next] === 'subtitle';
  if (hasSubtitle) next++;
  const lead = kinds[next] === 'prose' ? paragraphs[next].text : '';
  const neighbours = [previousHeading(kinds, i), nextHeading(kinds, i)].filter((k) => k >= 0);
  const gapBefore = i - Math.max(previousHeading(kinds, i), previousBoundary(kinds, i));
  let nearby = 0;
  for (let k = Math.max(0, i - 6); k <= Math.min(kinds.length - 1, i + 6); k++) if (k !== i && isHeadingKind(kinds[k])) nearby++;
  return [
    previous === undefined || previous === 'section' || previous === 'source' ? 1 : 0,
    hasSubtitle ? 1 : 0,
    NEWS_LEAD.test(lead) ? 1 : 0,
    length >= 16 ? 1 : 0,
    length >= 22 ? 1 : 0,
    length <= 9 ? 1 : 0,
    /[\u4e00-\u9fff”》\d] +[\u4e00-\u9fff“《\d]/.test(text) || /^[^：:]{2,14}[：:]./.test(text) ? 1 : 0,
    isHeadingKind(kinds[next]) ? 1 : 0,
    /[？?]$/.test(text) ? 1 : 0,
    neighbours.some((k) => sameShape(text, paragraphs[k].text)) ? 1 : 0,
    gapBefore >= 6 ? 1 : 0,
    Math.min(nearby, 4) / 4,
    /[”"]$|(说|表示|指出|认为)。$/.test(paragraphs[i - 1]?.text ?? '') ? 1 : 0,
    lead.length >= 80 ? 1 : 0,
    length >= 12 ? 1 : 0,
    /\d{1,2}月\d{1,2}日|记者|日前|近日|据.{1,12}(报道|消息)/.test(lead.slice(0, 40)) ? 1 : 0,
    /\d|《|：|:/.test(text) ? 1 : 0,
    bigramOverlap(text, firstSentence(lead)),
    nextHeadingShorter(paragraphs, kinds, i, length),
    nextHeading(kinds, i) < 0 || nextHeading(kinds, i) - i >= 6 ? 1 : 0,
    cohesion.across(i, 600),
    cohesion.across(i, 1200),
    cohesion.headingWordsBefore(i, 600),
    cohesion.headingWordsBefore(i, 1200),
    colonRoundup(paragraphs, kinds, i),
    cohesion.echoInNextHeadings(i, 3),
    proseSince(paragraphs, kinds, i),
    numberedSoonAfter(kinds, i),
    cohesion.echoOfPreviousHeadings(i, 4),
    CONTINUING_LEAD.test(lead) ? 1 : 0,
  ];
}

function previousHeading(kinds: LineKind[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (isHeadingKind(kinds[k])) return k;
  return -1;
}

function nextHeading(kinds: LineKind[], i: number): number {
  for (let k = i + 1; k < kinds.length; k++) if (isHeadingKind(kinds[k])) return k;
  return -1;
}

function previousBoundary(kinds: LineKind[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (kinds[k] === 'section' || kinds[k] === 'source') return k;
  return -1;
}

/**
 * Siblings in one article share a pattern: "上海：…" and "浙江：…", the same opening word, or
 * two short phrases parted by one comma ("应对变局下的挑战，主流媒体积极应答显担当").
 */
export function sameShape(a: string, b: string): boolean {
  const colon = (s: string) => /^[^：:]{2,6}[：:]/.test(s);
  if (colon(a) && colon(b) && phraseCount(a) === phraseCount(b)) return true;
  const oneComma = (s: string) => (s.match(/[，,]/g) ?? []).length === 1 && s.length <= 24;
  if (oneComma(a) && oneComma(b)) return true;
  return a.length <= 12 && b.length <= 12 && a.slice(0, 2) === b.slice(0, 2);
}

const phraseCount = (s: string) => s.split('\u3000').length;

const firstSentence = (text: string) => text.split(/[。！？]/)[0];

/**
 * A news story opens by saying again what its headline says (the inverted pyramid), so the lead's
 * first sentence repeats the headline's words; the text under a subheading seldom opens that way.
 * Later sentences are left out: they repeat the topic's words under any heading.
 */
function bigramOverlap(heading: string, lead: string): number {
  const chars = [...heading.replace(/[\s“”：:，、]/g, '')];
  if (chars.length < 2) return 0;
  let shared = 0;
  for (let k = 0; k < chars.length - 1; k++) if (lead.includes(chars[k] + chars[k + 1])) shared++;
  return shared / (chars.length - 1);
}

/** Under a headline, the subheadings that follow are usually shorter than it. */
function nextHeadingShorter(paragraphs: Paragraph[], kinds: LineKind[], i: number, length: number): number {
  const k = nextHeading(kinds, i);
  if (k < 0 || k - i > 12) return 0;
  return [...paragraphs[k].text].length < length ? 1 : 0;
}

/** "上海：…", "浙江：…" a few lines apart are items of one round-up story, not stories. */
function colonRoundup(paragraphs: Paragraph[], kinds: LineKind[], i: number): number {
  const topical = (text: string) => /^[^：:，。]{2,6}[：:]/.test(text);
  if (!topical(paragraphs[i].text)) return 0;
  let siblings = 0;
  for (let k = Math.max(0, i - 8); k <= Math.min(paragraphs.length - 1, i + 8); k++) {
    if (k !== i && kinds[k] === 'heading' && topical(paragraphs[k].text) && phraseCount(paragraphs[k].text) === phraseCount(paragraphs[i].text)) siblings++;
  }
  return Math.min(siblings, 3) / 3;
}

/** How much prose has passed since the heading before, up to a long story's worth: a story's end is far from its start. */
function proseSince(paragraphs: Paragraph[], kinds: LineKind[], i: number): number {
  let chars = 0;
  for (let k = i - 1; k >= 0 && !isHeadingKind(kinds[k]) && kinds[k] !== 'section'; k--) chars += paragraphs[k].text.length;
  return Math.min(chars, 2000) / 2000;
}

/** A story divided in numbered parts ("（一）…") opens a few paragraphs above the first of them. */
function numberedSoonAfter(kinds: LineKind[], i: number): number {
  for (let k = i + 1; k < Math.min(kinds.length, i + 8); k++) {
    if (kinds[k] === 'numbered') return 1;
    if (kinds[k] === 'section') return 0;
  }
  return 0;
}
