import type { Filters, RankedHits } from '../engine.ts';
import type { QueryPlan } from '../query-plan.ts';
import type { DocText, SearchMeta } from '../shard-format.ts';

/**
 * What the search bundle (assets/search-page.js) offers the small header script once loaded:
 * the header's dropdown uses it on every page without shipping the engine in every page.
 */
export interface SearchApi {
  meta(): Promise<SearchMeta>;
  plan(query: string, filters?: Filters): Promise<QueryPlan>;
  text(doc: number): Promise<DocText>;
  /** Starts loading the text of the hit that will almost surely lead, before the hits are sliced (results-view.ts). */
  prefetchLeader(hits: RankedHits): void;
  /** The article's URL (its slug comes with its text), carrying what to highlight on it. */
  href(meta: SearchMeta, doc: number, text: DocText, highlight: string): string;
  /** "2021年1月 · 行业信息监测与市场分析" for a document's issue: never its id. */
  issueLabel(meta: SearchMeta, doc: number): string;
}

/** Written by templates/search-labels.njk into assets/search-labels.js. */
export interface SearchLabels {
  issues: Record<string, string>;
  vocabulary: string[];
}

export const API_GLOBAL = '__bulletinSearchApi';
export const LABELS_GLOBAL = '__bulletinLabels';

export function labels(): SearchLabels {
  return ((globalThis as Record<string, unknown>)[LABELS_GLOBAL] as SearchLabels | undefined) ?? { issues: {}, vocabulary: [] };
}

/** The words to highlight on an article for a plan: the split words when the phrase was split. */
export function highlightFor(plan: QueryPlan): string {
  return plan.kind === 'split' ? plan.words.join(' ') : plan.query;
}
