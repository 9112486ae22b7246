import type { IngestWarning, LineKind, Paragraph } from '../../types.ts';
import { endsSentence, joinWrapped } from '../rules/text.ts';

/** An item of a spoken or written enumeration: "一是…", "二是…", "第三，…". */
const ITEM = /^(?:([一二三四五六七八九十])是|第([一二三四五六七八九十])[，、：])/;
const NUMERALS = '一二三四五六七八九十';
/** How far after a credit the next item of an enumeration may come and still continue it. */
const ITEM_REACH = 3;

function itemNumber(text: string): number | null {
  const m = ITEM.exec(text);
  return m ? NUMERALS.indexOf(m[1] ?? m[2]) + 1 : null;
}

/** A headline as the magazine layout knows one: after a credit or at the start, or set in display type. */
export function isMagazineHeadline(paragraphs: Paragraph[], kinds: LineKind[], i: number): boolean {
  return kinds[i] === 'heading' && (i === 0 || kinds[i - 1] === 'source' || paragraphs[i].display === 'start');
}

/**
 * Two-column extraction can weave two stories together: story B opens (often on a drop cap) in
 * the middle of story A, B's headline follows, then the rest of A and A's "来源：" credit, then
 * the rest of B. The credit closes A, so text after it that goes on from B's opening (it finishes
 * B's unfinished last sentence, or brings the next item of B's enumeration, "三是" after "二是")
 * is B's; and the text between B's headline and the credit is A's. Such a weave is put back in
 * reading order: A whole with its credit, then B's headline, B's opening and the rest of B.
 * B's opening starts at the drop cap before it; without one it cannot be placed exactly, and the
 * editor is told which lines to check. Every paragraph is kept.
 */
export function untangleColumns(file: string, paragraphs: Paragraph[], kinds: LineKind[]): { paragraphs: Paragraph[]; kinds: LineKind[]; warnings: IngestWarning[] } {
  let ps = [...paragraphs];
  let ks = [...kinds];
  const warnings: IngestWarning[] = [];
  let previousCredit = -1;
  for (let c = 0; c < ps.length; c++) {
    if (ks[c] !== 'source') continue;
    const woven = findWeave(ps, ks, previousCredit, c);
    previousCredit = c;
    if (!woven) continue;
    const { opening, headline, headlineEnd, mend } = woven;
    const order = [...range(0, opening), ...range(headlineEnd + 1, c + 1), ...range(headline, headlineEnd + 1), ...range(opening, headline), ...range(c + 1, ps.length)];
    const moved = order.map((k) => ps[k]);
    const movedKinds = order.map((k) => ks[k]);
    const credit = opening + (c - headlineEnd) - 1;
    if (mend) {
      // The opening's cut sentence goes on right after the credit: mend it.
      const cut = c;
      moved.splice(cut, 2, { ...moved[cut], text: joinWrapped(moved[cut].text, moved[cut + 1].text) });
      movedKinds.splice(cut, 2, movedKinds[cut]);
    }
    warnings.push({
      kind: woven.exact ? 'woven-columns' : 'woven-columns-unplaced',
      file,
      line: ps[headline].line,
      message: woven.exact
        ? `two-column extraction wove "${ps[headline].text}" into the story before it: lines ${ps[headlineEnd + 1].line}–${ps[c].line} (up to the credit) were kept in the story before, and lines ${ps[opening].line}–${ps[headline - 1].line} open "${ps[headline].text}"; check the split`
        : `two-column extraction wove "${ps[headline].text}" into the story before it, but where its opening starts is not clear (no drop cap): lines ${ps[opening].line}–${ps[headline - 1].line} were taken as its opening and lines ${ps[headlineEnd + 1].line}–${ps[c].line} kept in the story before; if that is wrong, move the lines in the text file`,
    });
    ps = moved;
    ks = movedKinds;
    previousCredit = credit;
    c = credit;
  }
  return { paragraphs: ps, kinds: ks, warnings };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

interface Weave {
  /** Where B's opening starts. */
  opening: number;
  /** B's headline, and its last line (a subtitle under it). */
  headline: number;
  headlineEnd: number;
  /** B's opening ends mid-sentence and the text after the credit finishes it. */
  mend: boolean;
  /** The opening was found at a drop cap. */
  exact: boolean;
}

function findWeave(ps: Paragraph[], ks: LineKind[], previousCredit: number, credit: number): Weave | null {
  const headlines = range(previousCredit + 1, credit).filter((i) => isMagazineHeadline(ps, ks, i));
  if (headlines.length < 2) return null;
  const headline = headlines[headlines.length - 1];
  const storyBefore = headlines[headlines.length - 2];
  let headlineEnd = headline;
  while (ks[headlineEnd + 1] === 'subtitle') headlineEnd++;
  const after = credit + 1;
  if (ks[after] !== 'prose' || ps[after].dropCap || headlineEnd + 1 >= credit) return null;
  let anchor: number | null = null;
  let mend = false;
  // B's opening stops mid-sentence right before its headline, and the text after the credit goes on.
  const last = headline - 1;
  if (last > storyBefore && ks[last] === 'prose' && !endsSentence(ps[last].text) && itemNumber(ps[after].text) === null) {
    anchor = last;
    mend = true;
  }
  // Or the text after the credit brings the next item of an enumeration B's opening began.
  if (anchor === null) {
    for (let k = after; k < Math.min(after + ITEM_REACH, ps.length) && ks[k] === 'prose'; k++) {
      const n = itemNumber(ps[k].text);
      if (n === null || n < 2) continue;
      let first: number | null = null;
      let wanted = n - 1;
      for (let j = headline - 1; j > storyBefore && wanted >= 1; j--) {
        if (itemNumber(ps[j].text) === wanted) {
          first = j;
          wanted--;
        }
      }
      if (first !== null && wanted < n - 1) anchor = first;
      break;
    }
  }
  if (anchor === null) return null;
  let opening: number | null = null;
  for (let j = anchor; j > storyBefore; j--) {
    if (ps[j].dropCap) {
      opening = j;
      break;
    }
  }
  return { opening: opening ?? anchor, headline, headlineEnd, mend, exact: opening !== null };
}
