import { fold } from '../../../src/search/fold.ts';
import type { SearchDoc } from '../../../src/types.ts';

/** The recall baseline: a document matches when every space-separated word occurs verbatim
 * (white space beside Chinese ignored, as `fold` ignores it). */
export function substringMatches(text: string, query: string): boolean {
  const haystack = fold(text);
  // Like the engine: the reader's spaces separate words; in the text, a space beside hanzi is ignored.
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  return words.length > 0 && words.every((word) => haystack.includes(word));
}

export function docText(doc: SearchDoc): string {
  return [doc.title, doc.subtitle, doc.headings, doc.body].join('\n');
}

/** Deterministic pseudo-random queries cut from the documents themselves. */
export function sampleQueries(docs: SearchDoc[], lengths: number[], perLength: number): string[] {
  let seed = 42;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const queries: string[] = [];
  for (const length of lengths) {
    for (let i = 0; i < perLength; i++) {
      const chars = Array.from(docText(docs[Math.floor(next() * docs.length)]!));
      const start = Math.floor(next() * Math.max(1, chars.length - length));
      const query = chars.slice(start, start + length).join('');
      if (query.trim() && !/\s/.test(query)) queries.push(query);
    }
  }
  return queries;
}
