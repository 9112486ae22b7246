import lunr from 'lunr';
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

export { lunr };
