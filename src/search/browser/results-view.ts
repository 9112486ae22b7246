import { likelyFirst, type Hit, type RankedHits } from '../engine.ts';
import { matchRanges, segments, snippet, type Segment } from '../highlight.ts';
import type { DocText, SearchMeta } from '../shard-format.ts';
import type { QueryWord } from '../tokenizer.ts';

/** Results are rendered in pages as the reader scrolls, so a long list stays cheap (and is only scored as far as shown). */
export const PAGE_SIZE = 20;

export interface ResultsContext {
  list: HTMLElement;
  more: HTMLButtonElement;
  meta: SearchMeta;
  text(doc: number): Promise<DocText>;
  /** The article's URL; its slug comes with its text. */
  href(doc: number, text: DocText): string;
  /** The issue's name and month, never its id. */
  issueLabel(doc: number): string;
  /** Whether the doc matched the query as typed (not only its split words). */
  isExact(doc: number): boolean;
}

export type SortOrder = 'relevance' | 'date';

/** Relevance is the engine's order; by date, the newest issue first and relevance within it (which scores every hit). */
export function sortHits(hits: RankedHits, meta: SearchMeta, order: SortOrder): RankedHits {
  if (order === 'relevance') return hits;
  const date = (hit: Hit) => meta.issues[meta.docs[hit.doc]![1]]!.date;
  return hits.slice(0, hits.length).map((hit, rank) => ({ hit, rank })).sort((a, b) => date(b.hit).localeCompare(date(a.hit)) || a.rank - b.rank).map(({ hit }) => hit);
}

/**
 * Starts loading the text of the hit that will almost surely lead, before any hit is scored, so
 * its round trip runs while Lunr scores the first page. The result that shows the text asks
 * for it again and gets the same load (the data client keeps one per file), failure included.
 */
export function prefetchLeader(hits: RankedHits, text: (doc: number) => Promise<DocText>): void {
  const doc = likelyFirst(hits);
  if (doc !== undefined) text(doc).catch(() => undefined);
}

function appendSegments(parent: HTMLElement, parts: Segment[]): void {
  for (const part of parts) {
    if (!part.marked) parent.append(part.text); // text nodes: "<script>" stays text
    else parent.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
  }
}

function bestSnippet([, , headings, body, subtitle]: DocText, words: QueryWord[]): Segment[] {
  for (const field of [body, headings, subtitle]) {
    if (field && matchRanges(field, words).length > 0) return snippet(field, words);
  }
  return snippet(body, words);
}

function resultItem(ctx: ResultsContext, hit: Hit, words: QueryWord[]): HTMLLIElement {
  const [section] = ctx.meta.docs[hit.doc]!;
  const item = document.createElement('li');
  item.className = 'search-result';
  item.dataset.doc = String(hit.doc);
  item.dataset.match = ctx.isExact(hit.doc) ? 'exact' : 'words';
  // The link gets its URL with the text, which carries the slug: until then it is only a placeholder.
  const link = Object.assign(document.createElement('a'), { className: 'search-result-title' });
  link.textContent = '…';
  const info = Object.assign(document.createElement('p'), { className: 'search-result-meta' });
  info.append(
    Object.assign(document.createElement('span'), { className: 'search-result-section', textContent: ctx.meta.sections[section] }),
    ' · ',
    Object.assign(document.createElement('span'), { className: 'search-result-issue', textContent: ctx.issueLabel(hit.doc) }),
  );
  const excerpt = Object.assign(document.createElement('p'), { className: 'search-result-snippet' });
  item.append(link, info, excerpt);
  ctx.text(hit.doc).then(
    (text) => {
      link.href = ctx.href(hit.doc, text);
      link.textContent = '';
      const [, title] = text;
      appendSegments(link, segments(title, matchRanges(title, words)));
      appendSegments(excerpt, bestSnippet(text, words));
      item.dataset.ready = 'true';
    },
    () => (excerpt.textContent = '（摘要暂时无法载入）'),
  );
  return item;
}

/** Renders hits; returns a function that renders the next page, or null when all are shown. */
export function renderResults(ctx: ResultsContext, hits: RankedHits, words: QueryWord[]): void {
  ctx.list.replaceChildren();
  let shown = 0;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) showMore();
  });
  function showMore(): void {
    const page = hits.slice(shown, shown + PAGE_SIZE);
    ctx.list.append(...page.map((hit) => resultItem(ctx, hit, words)));
    shown += page.length;
    observer.disconnect();
    ctx.more.hidden = shown >= hits.length;
    if (!ctx.more.hidden) observer.observe(ctx.more);
  }
  ctx.more.onclick = showMore;
  prefetchLeader(hits, ctx.text);
  showMore();
}
