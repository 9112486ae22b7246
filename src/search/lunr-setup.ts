import lunr from 'lunr';
import { FIELD_BOOSTS, FIELDS, type Posting, type StoredPosting } from './shard-format.ts';
import { indexTerms } from './tokenizer.ts';

/**
 * Lunr configured for the shared tokenizer, on both sides. Lunr's default pipeline
 * (trimmer, English stop words, Porter stemmer) would mangle Latin terms differently from
 * the query, so both the indexing pipeline and the search pipeline are emptied.
 */
export function lunrTokens(value: unknown, metadata?: object): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return indexTerms(String(value)).map(
    // The position is the offset in the folded field text; the phrase check relies on it.
    ({ term, offset }) => new lunr.Token(term, { ...metadata, position: offset }),
  );
}

export function configureBuilder(builder: lunr.Builder): void {
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  (builder as unknown as { tokenizer: typeof lunrTokens }).tokenizer = lunrTokens;
  builder.metadataWhitelist = ['position'];
}

/** Lunr's BM25 parameters, read from a builder so they are whatever this Lunr uses. */
const builderDefaults = new lunr.Builder() as unknown as { _k1: number; _b: number };
const lunrIdf = (lunr as unknown as { idf(posting: object, documentCount: number): number }).idf;

/** What Lunr's builder knows about the whole collection when it weighs a term. */
export interface CollectionStats {
  documentCount: number;
  /** Field lengths in tokens, document by document, FIELDS order. */
  fieldLengths: ArrayLike<number>;
  /** Lunr's averageFieldLength, per field in FIELDS order. */
  averageFieldLength: number[];
}

export function collectionStats(fieldLengths: ArrayLike<number>): CollectionStats {
  const documentCount = fieldLengths.length / FIELDS.length;
  // Lunr records a length for every field of every document (0 when empty) and divides by that count.
  const averageFieldLength = FIELDS.map((_, f) => {
    let sum = 0;
    for (let n = 0; n < documentCount; n++) sum += fieldLengths[n * FIELDS.length + f]!;
    return sum / documentCount;
  });
  return { documentCount, fieldLengths, averageFieldLength };
}

/**
 * Lunr's idf for a term from its posting counts per field (FIELDS order), through Lunr's own
 * function: it counts a posting per field, so a document with the term in two fields counts twice.
 */
export function lunrTermIdf(postingCounts: number[], documentCount: number): number {
  const posting: Record<string, unknown> = { _index: 0 };
  // lunr.idf counts the keys of each field's postings; an array of that length has as many.
  FIELDS.forEach((field, f) => (posting[field] = new Array<number>(postingCounts[f] ?? 0).fill(0)));
  return lunrIdf(posting, documentCount);
}

/**
 * The weight Lunr's builder puts in a document's field vector for one term (createFieldVectors
 * in lunr.js 2.3): its BM25 expression, boosts and rounding, operation for operation, so the
 * value is bit-for-bit the one a full Lunr index holds (tests/search/build-index.test.ts
 * compares them with a real lunr.Index).
 */
export function lunrFieldWeight(idf: number, field: number, doc: number, tf: number, stats: CollectionStats): number {
  const { _k1: k1, _b: b } = builderDefaults;
  const fieldBoost = FIELD_BOOSTS[FIELDS[field]!] || 1;
  const docBoost = 1;
  const fieldLength = stats.fieldLengths[doc * FIELDS.length + field]!;
  let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / stats.averageFieldLength[field]!)) + tf);
  score *= fieldBoost;
  score *= docBoost;
  return Math.round(score * 1000) / 1000;
}

/** Every posting of a term with Lunr's weight (lunrTermIdf, lunrFieldWeight). */
export function lunrWeights(perField: StoredPosting[][], stats: CollectionStats): Posting[][] {
  const idf = lunrTermIdf(perField.map((postings) => postings.length), stats.documentCount);
  return perField.map((postings, f) => postings.map(({ doc, tf, positions }) => ({ doc, weight: lunrFieldWeight(idf, f, doc, tf, stats), positions })));
}

/**
 * A lunr.Index from its parts, as lunr.Index.load would make it from a serialised index: the
 * inverted index (term → { _index, field → { doc: {} } }) and the field vectors ("field/doc").
 */
export function lunrIndexFromParts(invertedIndex: Record<string, Record<string, unknown>>, fieldVectors: Record<string, lunr.Vector>): lunr.Index {
  return new lunr.Index({
    invertedIndex,
    fieldVectors,
    // fromArray exists in Lunr 2.3 but is missing from @types/lunr.
    tokenSet: (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(Object.keys(invertedIndex).sort()),
    fields: [...FIELDS],
    pipeline: new lunr.Pipeline(),
  } as unknown as lunr.Index.Attributes);
}

export { lunr };
