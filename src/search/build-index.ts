import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SearchDoc } from '../types.ts';
import { configureBuilder, lunr } from './lunr-setup.ts';
import { indexTerms, isUnigram } from './tokenizer.ts';
import { encodeNumber, encodeNumbers, FIELD_BOOSTS, FIELDS, shardOf, type DocText, type SearchMeta, type Shard } from './shard-format.ts';

export interface BuiltSearchData {
  meta: SearchMeta;
  /** Empty when the shards were written where they were made (`shardsWritten`). */
  shards: Shard[];
  texts: DocText[];
  shardsWritten?: ShardsWritten;
}

/** Shards made and written into the site by the thread that joined the postings (postings-cache.ts). */
export interface ShardsWritten {
  shardCount: number;
  /** As SearchDataWrite counts them (write-search-data.ts). */
  written: number;
  reused: number;
  unchanged: number;
}

/**
 * A full Lunr index of the documents, configured exactly as the site's search. The build
 * does not use it (see buildSearchData); tests compare against it and the bench prints its size.
 */
export function buildLunrIndex(docs: SearchDoc[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this);
    this.ref('ref');
    for (const field of FIELDS) this.field(field, { boost: FIELD_BOOSTS[field] });
    docs.forEach((doc, n) => this.add({ ...doc, ref: String(n) }));
  });
}

/** Target raw size of one shard (a query fetches one per term), so the shard count grows with the archive. */
const SHARD_TARGET_BYTES = 3_000;

/**
 * One document's contribution to the index: per field, its length in tokens and, per term,
 * its offsets. Unigram offsets are dropped at once: no query uses them.
 */
export interface DocTerms {
  lengths: number[];
  /** Per field: term → offsets (bigrams) or a bare count (unigrams). */
  fields: Map<string, number[] | number>[];
}

/** Tokenises one document with the shared tokenizer, as Lunr's builder would (its pipeline is empty). */
export function docTerms(doc: SearchDoc): DocTerms {
  const lengths: number[] = [];
  const fields = FIELDS.map((field) => {
    const terms = indexTerms(doc[field] ?? '');
    lengths.push(terms.length);
    const byTerm = new Map<string, number[] | number>();
    for (const { term, offset } of terms) {
      const seen = byTerm.get(term);
      if (isUnigram(term)) byTerm.set(term, ((seen as number | undefined) ?? 0) + 1);
      else if (seen) (seen as number[]).push(offset);
      else byTerm.set(term, [offset]);
    }
    return byTerm;
  });
  return { lengths, fields };
}

/**
 * The same string as encodePostings, straight from the flat [field, doc, tf, ...positions]
 * runs: one pass per field, with no posting objects in between.
 */
function encodeFlatPostings(flat: number[], withPositions: boolean): string {
  const out: string[] = [];
  const step = (i: number) => i + 3 + (withPositions ? flat[i + 2]! : 0);
  for (let f = 0; f < FIELDS.length; f++) {
    let count = 0;
    for (let i = 0; i < flat.length; i = step(i)) if (flat[i] === f) count++;
    encodeNumber(count, out);
    let previousDoc = 0;
    for (let i = 0; i < flat.length; i = step(i)) {
      if (flat[i] !== f) continue;
      const doc = flat[i + 1]!;
      const tf = flat[i + 2]!;
      encodeNumber(doc - previousDoc, out);
      encodeNumber(tf, out);
      previousDoc = doc;
      if (!withPositions) continue;
      let previous = 0;
      for (let k = i + 3; k < i + 3 + tf; k++) {
        encodeNumber(flat[k]! - previous, out);
        previous = flat[k]!;
      }
    }
  }
  return out.join('');
}

/** Which of `parts` workers collects a term's postings: a hash bit, so the halves are even. */
export function partOf(term: string, parts: number): number {
  return shardOf(term, 0x7fffffff) % parts;
}

export interface CollectedPostings {
  /** [term, encoded postings], for the terms of this part. */
  entries: Shard;
  /** Every document's field lengths, FIELDS order. */
  fieldLengths: number[];
  /** Set when the shards were made from these postings and written already; `entries` is then empty. */
  shardsWritten?: ShardsWritten;
}

/**
 * Collects the postings of the terms of one part (all terms when parts = 1) without holding a
 * Lunr index: Lunr's builder keeps an object per term, field, document and position (3.8 GB
 * and two minutes for a ten-year archive, most of it in the garbage collector). Postings are
 * appended document by document to one flat number list per term, in document order, so
 * nothing is sorted afterwards. Scores stay Lunr's: the postings keep the term frequencies and
 * field lengths from which Lunr's weights follow (lunrWeights), and the browser runs the query
 * through a real lunr.Index.
 */
export function collectPostings(docs: SearchDoc[], part = 0, parts = 1): CollectedPostings {
  /** term → flat [field, doc, tf, ...positions] runs. */
  const postings = new Map<string, number[]>();
  const fieldLengths: number[] = [];
  const mine = new Map<string, boolean>();
  docs.forEach((doc, n) => {
    const { lengths, fields } = docTerms(doc);
    fieldLengths.push(...lengths);
    fields.forEach((byTerm, f) => {
      for (const [term, seen] of byTerm) {
        let keep = mine.get(term);
        if (keep === undefined) mine.set(term, (keep = parts === 1 || partOf(term, parts) === part));
        if (!keep) continue;
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        if (typeof seen === 'number') list.push(f, n, seen);
        else {
          list.push(f, n, seen.length);
          for (const offset of seen) list.push(offset);
        }
      }
    });
  });
  const entries: Shard = [];
  for (const [term, flat] of postings) entries.push([term, encodeFlatPostings(flat, !isUnigram(term))]);
  return { entries, fieldLengths };
}

/** Shards and meta from collected postings; every shard sorted by term, whichever part made it. */
export function assembleSearchData(docs: SearchDoc[], build: string, collected: CollectedPostings[]): BuiltSearchData {
  const shardsWritten = collected[0]?.shardsWritten;
  const shards = shardsWritten ? [] : shardsOf(collected);
  const shardCount = shardsWritten ? shardsWritten.shardCount : shards.length;

  const sections = [...new Set(docs.map((d) => d.section))];
  const issues = [...new Map(docs.map((d) => [d.issue, { id: d.issue, date: d.date }])).values()];
  const issueIndex = new Map(issues.map((issue, i) => [issue.id, i]));
  const meta: SearchMeta = {
    build,
    shardCount,
    sections,
    issues,
    docs: docs.map((d) => [sections.indexOf(d.section), issueIndex.get(d.issue)!]),
    fieldLengths: encodeNumbers(collected[0]?.fieldLengths ?? []),
  };
  const texts = docs.map(({ id, issue, title, subtitle, headings, body }): DocText => {
    const slug = id.slice(issue.length + 1).replace(/\/$/, '');
    return subtitle ? [slug, title, headings, body, subtitle] : [slug, title, headings, body];
  });
  return { meta, shards, texts, ...(shardsWritten ? { shardsWritten } : {}) };
}

/**
 * How many shards hold this many bytes of postings: about SHARD_TARGET_BYTES each, the count
 * rounded up to one of eight steps per doubling (…, 8192, 9216, 10240, …), so that it stays the
 * same while an archive grows by up to an eighth. A count that moved with every issue sent
 * every term to another shard, so each of a ten-year archive's 8,000 shards was new and half of
 * them shorter than the file they replaced; with the count kept, a shard of one more issue is
 * the old one and a little more.
 */
export function shardCountFor(totalBytes: number): number {
  const exact = Math.max(1, Math.ceil(totalBytes / SHARD_TARGET_BYTES));
  const step = 2 ** Math.max(0, Math.floor(Math.log2(exact)) - 3);
  return Math.ceil(exact / step) * step;
}

/** The shards of collected postings: terms by hash (shardOf), each shard sorted by term, whichever part made it. */
export function shardsOf(collected: CollectedPostings[]): Shard[] {
  let totalBytes = 0;
  for (const { entries } of collected) for (const [term, encoded] of entries) totalBytes += term.length + encoded.length + 6;
  const shardCount = shardCountFor(totalBytes);
  const shards: Shard[] = Array.from({ length: shardCount }, () => []);
  for (const { entries } of collected) for (const entry of entries) shards[shardOf(entry[0], shardCount)]!.push(entry);
  for (const shard of shards) shard.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return shards;
}

/** The whole search data in one pass over every document: the plain definition, which the cached build (postings-cache.ts) is tested against byte for byte. */
export function buildSearchData(docs: SearchDoc[], build: string): BuiltSearchData {
  return assembleSearchData(docs, build, [collectPostings(docs)]);
}
