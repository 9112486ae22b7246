/**
 * The on-disk format of the search data, shared by the Node writer and the browser reader.
 *
 * Lunr's own JSON repeats every term, field and document ref in every posting (5 MB for five
 * bulletins). Here the index is split into shards by a hash of each term, so a query loads
 * only the shards of its own terms, and postings are delta-coded number lists. Every file is a classic script that
 * calls a global registration function, because file:// refuses fetch() and module scripts.
 */

/** Global through which data scripts hand their payload to the loader. */
export const REGISTRY = '__bulletinSearch';

/** Fields in index order; the weights are Lunr field boosts. */
export const FIELDS = ['title', 'subtitle', 'headings', 'body'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_BOOSTS: Record<Field, number> = { title: 10, subtitle: 5, headings: 3, body: 1 };

/** Term weights are stored as integers in thousandths: ranking never needs more precision. */
export const WEIGHT_SCALE = 1000;

export interface SearchMeta {
  /** Changes with every build, so cached shards of an older build are never mixed in. */
  build: string;
  shardCount: number;
  sections: string[];
  issues: { id: string; date: string }[];
  /** One per document (its number is its position): [slug without slashes, section index, issue index]. */
  docs: [slug: string, section: number, issue: number][];
}

/**
 * Per field, a flat list of postings: docDelta, weight, positionCount, positionDeltas...
 * Deltas keep the numbers short; 0 stands for "no posting in this field".
 */
export type FieldPostings = number[] | 0;
export type ShardEntry = [term: string, ...postings: FieldPostings[]];
export type Shard = ShardEntry[];

/** The text of one document, loaded only to show a snippet or check a phrase. */
export interface DocText {
  title: string;
  subtitle: string;
  headings: string;
  body: string;
}

/** FNV-1a over the term's UTF-16 code units: cheap, and spreads neighbouring hanzi apart. */
export function shardOf(term: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 16777619);
  return (hash >>> 0) % shardCount;
}

export interface Posting {
  doc: number;
  weight: number;
  positions: number[];
}

export function decodePostings(flat: FieldPostings): Posting[] {
  if (flat === 0) return [];
  const postings: Posting[] = [];
  let doc = 0;
  for (let i = 0; i < flat.length; ) {
    doc += flat[i++]!;
    const weight = flat[i++]! / WEIGHT_SCALE;
    const count = flat[i++]!;
    const positions: number[] = [];
    let position = 0;
    for (let k = 0; k < count; k++) positions.push((position += flat[i++]!));
    postings.push({ doc, weight, positions });
  }
  return postings;
}

export function encodePostings(postings: Posting[]): FieldPostings {
  if (postings.length === 0) return 0;
  const flat: number[] = [];
  let previousDoc = 0;
  for (const { doc, weight, positions } of [...postings].sort((a, b) => a.doc - b.doc)) {
    flat.push(doc - previousDoc, Math.round(weight * WEIGHT_SCALE), positions.length);
    previousDoc = doc;
    let previous = 0;
    for (const p of [...positions].sort((a, b) => a - b)) {
      flat.push(p - previous);
      previous = p;
    }
  }
  return flat;
}

export const paths = {
  meta: 'search/meta.js',
  shard: (k: number) => `search/shards/${k}.js`,
  text: (doc: number) => `search/text/${doc}.js`,
};
