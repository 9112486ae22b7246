import { isHeadingKind, type LineKind, type Paragraph } from '../../types.ts';

/** One item of an enumeration: a short term of Chinese characters, letters or digits. */
const TERM = '[\\u4e00-\\u9fffA-Za-z0-9]';
/** Three or more short terms parted by "、" ("氢能、储能、海上风电"), standing as a list of their own. */
const ENUMERATION = new RegExp(`(?<!${TERM})((?:${TERM}{2,6}、){2,}${TERM}{2,6})(?!${TERM})`, 'g');

/** How many headings after an introduction are read for its parts: a round-up seldom has more. */
const MOST_PARTS = 8;

/** Headings that must take up listed fields, in order, before they are read as a round-up's parts. */
const FEWEST_PARTS = 3;

/** How many paragraphs under a heading make its introduction. */
const INTRODUCTION_PARAGRAPHS = 2;

/** The terms of every enumeration in a text, in the order printed. */
export function enumeratedTerms(text: string): string[] {
  return [...text.matchAll(ENUMERATION)].flatMap((m) => m[1].split('、'));
}

/**
 * Where in `terms` a heading takes one up: the term itself, or, for a term of four or more
 * characters, its last two, the head of the compound ("固态电池" and "钠离子电池" both name a kind of
 * 电池). -1 if it names none.
 */
function termNamed(heading: string, terms: string[]): number {
  return terms.findIndex((term) => heading.includes(term) || ([...term].length >= 4 && heading.includes(term.slice(-2))));
}

/**
 * The parts of round-ups: stories whose introduction lists the fields they cover
 * ("…氢能、储能、海上风电……") and whose subheadings take them up one by one, in the order
 * listed. When three or more of the headings after such an introduction name listed fields in
 * that order, each of them is a part of the round-up, not a new story, whatever its form or its
 * classifier score (a "X：…" heading is also how stories in a row are titled; the classifier,
 * which reads a heading with a few paragraphs around it, cannot see an introduction several parts
 * back). Maps each such heading's index to its introduction's (the first paragraph under the
 * round-up's headline).
 */
export function roundupParts(paragraphs: Paragraph[], kinds: LineKind[]): Map<number, number> {
  const parts = new Map<number, number>();
  kinds.forEach((kind, headline) => {
    if (!isHeadingKind(kind)) return;
    const introduction = introductionOf(paragraphs, kinds, headline);
    const terms = enumeratedTerms(introduction.map((k) => paragraphs[k].text).join(''));
    if (terms.length === 0) return;
    const named: number[] = [];
    let last = -1;
    let seen = 0;
    for (let k = headline + 1; k < paragraphs.length && seen < MOST_PARTS && kinds[k] !== 'section' && kinds[k] !== 'source'; k++) {
      if (!isHeadingKind(kinds[k])) continue;
      seen++;
      const term = termNamed(paragraphs[k].text, terms);
      if (term > last) {
        named.push(k);
        last = term;
      }
    }
    if (named.length >= FEWEST_PARTS) for (const k of named) if (!parts.has(k)) parts.set(k, introduction[0]);
  });
  return parts;
}

function introductionOf(paragraphs: Paragraph[], kinds: LineKind[], heading: number): number[] {
  const found: number[] = [];
  for (let k = heading + 1; k < paragraphs.length && kinds[k] === 'prose' && found.length < INTRODUCTION_PARAGRAPHS; k++) found.push(k);
  return found;
}
