import { isHeadingKind, type LineKind, type Paragraph } from '../../types.ts';

/**
 * How much the text on either side of a heading shares its vocabulary (TextTiling's idea).
 * A subheading sits inside one story, so the words before and after it overlap, and its own
 * words are already in play; a headline opens a new story, so both drop. Words are Chinese
 * character pairs, weighted by how rare they are in the bulletin, so that 发展 or 我国 count
 * for little and 量子 or 反垄断 for much.
 */
export interface LexicalCohesion {
  /** Weighted cosine similarity of the `size` characters before paragraph i and after it. */
  across(i: number, size: number): number;
  /** The share of paragraph i's own character pairs found in the `size` characters before it. */
  headingWordsBefore(i: number, size: number): number;
  /**
   * How much of one of the next `count` headings is made of paragraph i's own character pairs,
   * at most. A story's subheadings take up its headline's words ("量子通信：城域网加速落地" is
   * followed by "城域网加速落地"); a subheading is seldom echoed by its siblings.
   */
  echoInNextHeadings(i: number, count: number): number;
  /**
   * How much of paragraph i is made of the character pairs of one of the `count` headings before
   * it, at most: a subheading takes up its story's headline or its siblings' words ("城域网加速落地"
   * under "量子通信：城域网加速落地"); the next story's headline seldom does.
   */
  echoOfPreviousHeadings(i: number, count: number): number;
}

const isHan = (code: number) => code >= 0x3400 && code <= 0x9fff;

function characterPairs(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // The characters counted (U+3400 to U+9FFF) all lie in the Basic Multilingual Plane, so
  // stepping by UTF-16 unit finds every pair of them.
  for (let k = 0; k < text.length - 1; k++) {
    if (!isHan(text.charCodeAt(k)) || !isHan(text.charCodeAt(k + 1))) continue;
    const pair = text.slice(k, k + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

export function measureCohesion(paragraphs: Paragraph[], kinds: LineKind[]): LexicalCohesion {
  const documentFrequency = new Map<string, number>();
  for (const p of paragraphs) for (const pair of characterPairs(p.text).keys()) documentFrequency.set(pair, (documentFrequency.get(pair) ?? 0) + 1);
  const rarities = new Map([...documentFrequency].map(([pair, n]) => [pair, Math.log(paragraphs.length / n)]));
  const rarity = (pair: string) => rarities.get(pair) ?? 0;

  // A section heading ends the run on either side: text across it is not one story.
  // Both measures read the same window before a heading: build it once.
  const windowsBefore = new Map<string, string>();
  const before = (i: number, size: number) => {
    const key = `${i}:${size}`;
    let window = windowsBefore.get(key);
    if (window === undefined) {
      let text = '';
      for (let k = i - 1; k >= 0 && text.length < size && kinds[k] !== 'section'; k--) text = paragraphs[k].text + text;
      window = text.slice(-size);
      windowsBefore.set(key, window);
    }
    return window;
  };
  const after = (i: number, size: number) => {
    let text = '';
    for (let k = i + 1; k < paragraphs.length && text.length < size && kinds[k] !== 'section'; k++) text += paragraphs[k].text;
    return text.slice(0, size);
  };

  return {
    across(i, size) {
      const a = characterPairs(before(i, size));
      const b = characterPairs(after(i, size));
      let dot = 0, normA = 0, normB = 0;
      for (const [pair, n] of a) {
        const w = rarity(pair);
        normA += (n * w) ** 2;
        dot += n * w * (b.get(pair) ?? 0) * w;
      }
      for (const [pair, n] of b) normB += (n * rarity(pair)) ** 2;
      return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
    },
    headingWordsBefore(i, size) {
      const pairs = [...characterPairs(paragraphs[i].text).keys()];
      if (pairs.length === 0) return 0;
      const text = before(i, size);
      return pairs.filter((pair) => text.includes(pair)).length / pairs.length;
    },
    echoInNextHeadings(i, count) {
      const own = characterPairs(paragraphs[i].text);
      let best = 0;
      let seen = 0;
      for (let k = i + 1; k < paragraphs.length && seen < count && kinds[k] !== 'section' && kinds[k] !== 'source'; k++) {
        if (!isHeadingKind(kinds[k])) continue;
        seen++;
        const pairs = [...characterPairs(paragraphs[k].text).keys()];
        if (pairs.length > 0) best = Math.max(best, pairs.filter((pair) => own.has(pair)).length / pairs.length);
      }
      return best;
    },
    echoOfPreviousHeadings(i, count) {
      const own = [...characterPairs(paragraphs[i].text).keys()];
      if (own.length === 0) return 0;
      let best = 0;
      let seen = 0;
      for (let k = i - 1; k >= 0 && seen < count && kinds[k] !== 'section'; k--) {
        if (!isHeadingKind(kinds[k])) continue;
        seen++;
        const theirs = characterPairs(paragraphs[k].text);
        best = Math.max(best, own.filter((pair) => theirs.has(pair)).length / own.length);
      }
      return best;
    },
  };
}
