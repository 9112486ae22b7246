import type { SearchDoc } from '../types.ts';
import { configureBuilder, lunr } from './lunr-setup.ts';
import { isUnigram } from './tokenizer.ts';
import {
  FIELDS,
  FIELD_BOOSTS,
  encodePostings,
  shardOf,
  type Posting,
  type SearchMeta,
  type Shard,
  type DocText,
} from './shard-format.ts';

export interface BuiltSearchData {
  meta: SearchMeta;
  shards: Shard[];
  texts: DocText[];
}

/** Lunr does the indexing and the BM25 weighting; this only re-packs what it computed. */
export function buildLunrIndex(docs: SearchDoc[]): lunr.Index {
  return lunr(function () {
    configureBuilder(this);
    this.ref('ref');
    for (const field of FIELDS) this.field(field, { boost: FIELD_BOOSTS[field] });
    docs.forEach((doc, n) => this.add({ ...doc, ref: String(n) }));
  });
}

/** Target raw size of one shard; the shard count grows with the archive. */
const SHARD_TARGET_BYTES = 24_000;

type Posted = Record<string, Record<string, { position?: number[] }>> & { _index: number };

export function buildSearchData(docs: SearchDoc[], build: string): BuiltSearchData {
  // Lunr's typings hide the internals that are re-packed here; this is their documented shape.
  const index = buildLunrIndex(docs) as unknown as {
    fieldVectors: Record<string, { elements: number[] }>;
    invertedIndex: Record<string, Posted>;
  };
  const weights = new Map<string, Map<number, number>>();
  for (const [fieldRef, vector] of Object.entries(index.fieldVectors)) {
    const elements = vector.elements;
    const byTerm = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i]!, elements[i + 1]!);
    weights.set(fieldRef, byTerm);
  }

  const entries = Object.entries(index.invertedIndex).map(
    ([term, posting]) => {
      const perField = FIELDS.map((field) =>
        encodePostings(
          Object.entries(posting[field] ?? {}).map(([ref, meta]): Posting => ({
            doc: Number(ref),
            weight: weights.get(`${field}/${ref}`)?.get(posting._index) ?? 0,
            positions: isUnigram(term) ? [] : (meta.position ?? []),
          })),
        ),
      );
      return [term, ...perField] as Shard[number];
    },
  );

  const totalBytes = entries.reduce((sum, entry) => sum + JSON.stringify(entry).length, 0);
  const shardCount = Math.max(1, Math.ceil(totalBytes / SHARD_TARGET_BYTES));
  const shards: Shard[] = Array.from({ length: shardCount }, () => []);
  for (const entry of entries) shards[shardOf(entry[0], shardCount)]!.push(entry);

  const sections = [...new Set(docs.map((d) => d.section))];
  const issues = [...new Map(docs.map((d) => [d.issue, { id: d.issue, date: d.date }])).values()];
  const meta: SearchMeta = {
    build,
    shardCount,
    sections,
    issues,
    docs: docs.map((d) => [
      d.id.slice(d.issue.length + 1).replace(/\/$/, ''),
      sections.indexOf(d.section),
      issues.findIndex((i) => i.id === d.issue),
    ]),
  };
  const texts = docs.map(({ title, subtitle, headings, body }) => ({ title, subtitle, headings, body }));
  return { meta, shards, texts };
}
