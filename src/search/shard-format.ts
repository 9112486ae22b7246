/**
 * The on-disk format of the search data, shared by the Node writer and the browser reader.
 *
 * Lunr's own JSON repeats every term, field and document ref in every posting. Here the index
 * is split into shards by a hash of each term, so a query loads only the shards of its own
 * terms, and each term's postings are one compact string of variable-length numbers. A posting
 * stores the term frequency, not the weight: the weight is Lunr's BM25 field weight, which
 * follows exactly from the frequency, the field's length and numbers in the meta file
 * (see `lunrFieldWeight` in lunr-setup.ts), so storing it again would only cost bytes.
 * Every file is a classic script that calls a global registration function with JSON
 * arguments, because file:// refuses fetch() and module scripts; over http(s) the browser
 * fetches the same file and parses its arguments (dataScriptArguments).
 */

/** Global through which data scripts hand their payload to the loader. */
export const REGISTRY = '__bulletinSearch';

export type DataKind = 'meta' | 'shard' | 'text';

/** A payload as a classic script: `__bulletinSearch.<kind>(<JSON>,…);`, the one format that loads over http and from file://. */
export function dataScript(kind: DataKind, ...args: unknown[]): string {
  return `${REGISTRY}.${kind}(${args.map((a) => JSON.stringify(a)).join(',')});\n`;
}

/**
 * The arguments of a data script, read as JSON instead of run as a script. Throws, naming the
 * file, when the text is not a data script of that kind (a host's error page, say).
 */
export function dataScriptArguments(text: string, kind: DataKind, file: string): unknown[] {
  const head = `${REGISTRY}.${kind}(`;
  const end = text.lastIndexOf(');');
  if (!text.startsWith(head) || end < head.length || text.slice(end + 2).trim() !== '') {
    throw new Error(`${file} is not a search data file (it should begin with ${head}); rebuild the site`);
  }
  try {
    return JSON.parse(`[${text.slice(head.length, end)}]`) as unknown[];
  } catch (error) {
    throw new Error(`${file} holds arguments that are not JSON (${(error as Error).message}); rebuild the site`);
  }
}

/** Fields in index order; the weights are Lunr field boosts. */
export const FIELDS = ['title', 'subtitle', 'headings', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_BOOSTS: Record<Field, number> = { title: 10, subtitle: 5, headings: 3, body: 1 };

export interface SearchMeta {
  /** Changes with every build, so cached shards of an older build are never mixed in. */
  build: string;
  shardCount: number;
  sections: string[];
  issues: { id: string; date: string }[];
  /**
   * One per document (its number is its position): [section index, issue index]. What only a
   * shown result needs (its URL slug, its text) is in the document's own text file, which a
   * result loads anyway: every first query pays for this file.
   */
  docs: [section: number, issue: number][];
  /** Every document's field lengths in tokens, FIELDS order, as one number string (see encodeNumbers). */
  fieldLengths: string;
}

/**
 * One term: its postings in every field, as one number string. Per field: the posting count,
 * then per posting the doc delta, the term frequency and, for a bigram, that many position
 * deltas (a unigram's positions are never used: one-character queries need no phrase check).
 */
export type ShardEntry = [term: string, postings: string];
export type Shard = ShardEntry[];

/**
 * One document as a result shows it, loaded only for a shown result: its URL slug (the
 * article's folder inside its issue's, without slashes) and its text for the snippet. The
 * values alone, as its file holds them, and the subtitle last and left out when empty (as
 * nearly every article's is): JSON's keys cost about 40 bytes gzipped in every text file,
 * more than the file's name in its registration adds (see textName), and the first result of
 * every cold query loads one.
 */
export type DocText = [slug: string, title: string, headings: string, body: string, subtitle?: string];

/**
 * A document's text file name: its issue's id and its position among that issue's documents,
 * e.g. "2021-01-x/3". Documents are numbered newest issue first, so one more issue shifts
 * every number; a name made of the number would rename and rewrite every text file of the
 * archive, while this one stays as long as the issue's own articles do. The writer and the
 * browser both name files with this, from the meta file (an issue's documents are consecutive).
 */
export function textName({ docs, issues }: Pick<SearchMeta, 'docs' | 'issues'>, doc: number): string {
  const issue = docs[doc]![1];
  // Back to the issue's first document: a few steps, where a search from the start would make
  // naming every file of a large archive quadratic.
  let first = doc;
  while (docs[first - 1]?.[1] === issue) first--;
  return `${issues[issue]!.id}/${doc - first}`;
}

/** FNV-1a over the term's UTF-16 code units: cheap, and spreads neighbouring hanzi apart. */
export function shardOf(term: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
  return (hash >>> 0) % shardCount;
}

/** A posting as the engine reads it: the weight is computed on decoding. */
export interface Posting {
  doc: number;
  weight: number;
  positions: number[];
}

/** A posting as stored. */
export interface StoredPosting {
  doc: number;
  tf: number;
  positions: number[];
}

/**
 * Base-32 digits, most significant first: the last digit of a number comes from FINAL, the
 * others from MORE. Neither needs escaping in a JavaScript string, and small numbers (most
 * deltas and frequencies) take one character instead of JSON's two or more.
 */
const FINAL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const MORE = 'ghijklmnopqrstuvwxyz0123456789-_';
/** By character code: the digit's value, plus 32 for a MORE digit; -1 for any other character. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 32; i++) {
  DIGIT[FINAL.charCodeAt(i)] = i;
  DIGIT[MORE.charCodeAt(i)] = i + 32;
}

export function encodeNumber(n: number, out: string[]): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`cannot encode ${n}: only non-negative integers`);
  let digits = FINAL[n & 31]!;
  for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) digits = MORE[n & 31]! + digits;
  out.push(digits);
}

export function encodeNumbers(numbers: number[]): string {
  const out: string[] = [];
  for (const n of numbers) encodeNumber(n, out);
  return out.join('');
}

export function decodeNumbers(text: string): number[] {
  const numbers: number[] = [];
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT[code]! : -1;
    if (digit < 0) throw new Error(`not a number string: ${JSON.stringify(text[i])} at ${i}`);
    if (digit < 32) {
      numbers.push(value * 32 + digit);
      value = 0;
    } else value = value * 32 + (digit - 32);
  }
  return numbers;
}

/** Encodes one term's postings per field (FIELDS order); positions only where `withPositions`. */
export function encodePostings(perField: StoredPosting[][], withPositions: boolean): string {
  const out: string[] = [];
  for (const postings of perField) {
    encodeNumber(postings.length, out);
    let previousDoc = 0;
    for (const { doc, tf, positions } of postings) {
      encodeNumber(doc - previousDoc, out);
      encodeNumber(tf, out);
      previousDoc = doc;
      if (!withPositions) continue;
      if (positions.length !== tf) throw new Error(`a bigram posting needs one position per occurrence (${positions.length} ≠ ${tf})`);
      let previous = 0;
      for (const p of positions) {
        encodeNumber(p - previous, out);
        previous = p;
      }
    }
  }
  return out.join('');
}

export function decodePostings(encoded: string, fieldCount: number, withPositions: boolean): StoredPosting[][] {
  const numbers = decodeNumbers(encoded);
  const perField: StoredPosting[][] = [];
  let i = 0;
  for (let f = 0; f < fieldCount; f++) {
    const count = numbers[i++]!;
    const postings: StoredPosting[] = [];
    let doc = 0;
    for (let k = 0; k < count; k++) {
      doc += numbers[i++]!;
      const tf = numbers[i++]!;
      const positions: number[] = [];
      if (withPositions) {
        let position = 0;
        for (let m = 0; m < tf; m++) positions.push((position += numbers[i++]!));
      }
      postings.push({ doc, tf, positions });
    }
    perField.push(postings);
  }
  return perField;
}

/**
 * One field's postings of one term, decoded without their positions: a query needs the
 * documents and frequencies of every posting, but positions only for the few documents that
 * contain all of its terms, and for a common bigram the positions are most of the string.
 */
export interface FieldPostings {
  /** Ascending. */
  docs: Int32Array;
  tfs: Int32Array;
  /** Where each posting's positions start in the encoded string (bigrams only; 0 otherwise). */
  positionsAt: Int32Array;
}

/** A term's postings as the engine keeps them: per field (FIELDS order), positions still encoded. */
export interface LazyPostings {
  encoded: string;
  fields: FieldPostings[];
}

/**
 * Where the next number of the string being read starts. One module-level cursor rather than
 * a returned [value, next] pair: the decoder reads millions of numbers for a common term, and
 * a pair per number is garbage.
 */
let cursor = 0;

/** Reads the number of `text` at the cursor and moves the cursor past it. */
function readNumber(text: string): number {
  let value = 0;
  for (let i = cursor; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT[code]! : -1;
    if (digit < 0) throw new Error(`not a number string: ${JSON.stringify(text[i])} at ${i}`);
    if (digit < 32) {
      cursor = i + 1;
      return value * 32 + digit;
    }
    value = value * 32 + (digit - 32);
  }
  throw new Error(`number string ends inside a number at ${text.length}`);
}

/** Moves the cursor past `n` numbers: a number ends on its one FINAL digit, so this only counts them. */
function skipNumbers(text: string, n: number): void {
  let i = cursor;
  for (let left = n; left > 0; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT[code]! : -1;
    if (digit < 0) throw new Error(`not a number string: ${JSON.stringify(text[i])} at ${i}`);
    if (digit < 32) left--;
  }
  cursor = i;
}

/** The same postings as decodePostings, with the positions stepped over and left in the string. */
export function decodeLazyPostings(encoded: string, fieldCount: number, withPositions: boolean): LazyPostings {
  const fields: FieldPostings[] = [];
  cursor = 0;
  for (let f = 0; f < fieldCount; f++) {
    const count = readNumber(encoded);
    const docs = new Int32Array(count);
    const tfs = new Int32Array(count);
    const positionsAt = new Int32Array(count);
    let doc = 0;
    for (let k = 0; k < count; k++) {
      docs[k] = doc += readNumber(encoded);
      const tf = (tfs[k] = readNumber(encoded));
      if (!withPositions) continue;
      positionsAt[k] = cursor;
      skipNumbers(encoded, tf);
    }
    fields.push({ docs, tfs, positionsAt });
  }
  if (cursor !== encoded.length) throw new Error(`postings string has ${encoded.length - cursor} characters beyond its ${fieldCount} fields`);
  return { encoded, fields };
}

/** The k-th posting's positions in one field of a lazily decoded term (bigrams only). */
export function readPositions(postings: LazyPostings, field: number, k: number): number[] {
  const { tfs, positionsAt } = postings.fields[field]!;
  const positions: number[] = [];
  cursor = positionsAt[k]!;
  let position = 0;
  for (let m = 0; m < tfs[k]!; m++) positions.push((position += readNumber(postings.encoded)));
  return positions;
}

/** Where `value` is in an ascending list, or -1: a binary search (no Set per document or term). */
export function indexOfSorted(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** Where a document's posting is in one field of a term, or -1 (its docs are ascending). */
export function findPosting(field: FieldPostings, doc: number): number {
  return indexOfSorted(field.docs, doc);
}

export const paths = {
  meta: 'search/meta.js',
  shard: (k: number) => `search/shards/${k}.js`,
  /** A name from textName: search/text/<issue id>/<position>.js. */
  text: (name: string) => `search/text/${name}.js`,
};
