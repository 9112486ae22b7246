import { SearchEngine } from '../engine.ts';
import { planQuery, splitMessage, type QueryPlan } from '../query-plan.ts';
import { parseQuery } from '../tokenizer.ts';
import { chineseMonth } from '../../site/format.ts';
import { HIGHLIGHT_PARAM } from './article-highlight.ts';
import { createDataClient } from './data-client.ts';
import { PAGE_SIZE, prefetchLeader, renderResults, sortHits, type SortOrder } from './results-view.ts';
import { API_GLOBAL, highlightFor, labels, type SearchApi } from './search-api.ts';
import { pageUrl, siteRootFrom } from './site-root.ts';
import { enableResultKeys } from './result-keys.ts';
import { isImeKey, onSettledInput } from './typing.ts';
import type { SearchMeta } from '../shard-format.ts';

/**
 * The search bundle. On every page it offers the search API (for the header's dropdown);
 * on the search page it also runs the page. Page state lives in the URL
 * (?q=&section=&issue=&sort=), so results deep-link and survive back/forward. The first
 * keystroke after a settled query adds a history entry and further typing updates it, so
 * Back returns to the previous query, not to each keystroke.
 */
const root = siteRootFrom(document.currentScript);
const client = createDataClient(root);
let enginePromise: Promise<SearchEngine> | null = null;
const engine = (): Promise<SearchEngine> => (enginePromise ??= client.meta().then((meta) => new SearchEngine(meta, client.shard)));

const api: SearchApi = {
  meta: () => engine().then((e) => e.meta),
  plan: async (query, filters) => planQuery(await engine(), query, labels().vocabulary, filters),
  text: client.text,
  prefetchLeader: (hits) => prefetchLeader(hits, client.text),
  href: (meta, doc, [slug], highlight) => {
    const [, issue] = meta.docs[doc]!;
    return pageUrl(root, `${meta.issues[issue]!.id}/${slug}/`, { [HIGHLIGHT_PARAM]: highlight });
  },
  issueLabel: (meta, doc) => {
    const issue = meta.issues[meta.docs[doc]![1]]!;
    return labels().issues[issue.id] ?? chineseMonth(issue.date);
  },
};
(globalThis as Record<string, unknown>)[API_GLOBAL] = api;

// For `npm run bench`: one query answered up to its first page of results and the first
// snippet, as a reader would see it.
(window as unknown as Record<string, unknown>).__bulletinSearchBench = async (query: string) => {
  const hits = await (await engine()).rank(query);
  prefetchLeader(hits, client.text);
  const [first] = hits.slice(0, PAGE_SIZE);
  if (first) await client.text(first.doc);
  return hits.length;
};

if (document.getElementById('search-page-input')) runSearchPage();

function runSearchPage(): void {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const input = byId<HTMLInputElement>('search-page-input');
  const form = byId<HTMLFormElement>('search-page-form');
  const sectionSelect = byId<HTMLSelectElement>('search-section');
  const issueSelect = byId<HTMLSelectElement>('search-issue');
  const sortSelect = byId<HTMLSelectElement>('search-sort');
  const status = byId<HTMLElement>('search-status');
  const hint = byId<HTMLElement>('search-hint');
  const list = byId<HTMLElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');

  function readUrl(): void {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    sectionSelect.value = params.get('section') ?? '';
    issueSelect.value = params.get('issue') ?? '';
    sortSelect.value = params.get('sort') === 'date' ? 'date' : '';
  }

  /** True while the reader is typing into an entry this page already pushed. */
  let editingEntry = false;

  function writeUrl(push: boolean): void {
    const state = { q: input.value.trim(), section: sectionSelect.value, issue: issueSelect.value, sort: sortSelect.value };
    const url = pageUrl(root, 'search/', state);
    if (url === location.href) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function showHint(plan: QueryPlan): void {
    hint.replaceChildren();
    hint.hidden = true;
    if (plan.kind === 'split') {
      hint.textContent = splitMessage(plan);
      hint.hidden = false;
    } else if (plan.kind === 'none' && plan.suggestion) {
      const link = Object.assign(document.createElement('a'), {
        href: pageUrl(root, 'search/', { q: plan.suggestion, section: sectionSelect.value, issue: issueSelect.value }),
        textContent: plan.suggestion,
      });
      link.addEventListener('click', (event) => {
        event.preventDefault();
        input.value = plan.suggestion!;
        writeUrl(true);
        editingEntry = false;
        void run();
      });
      hint.append('您要找的是不是“', link, '”？');
      hint.hidden = false;
    }
  }

  let latest = 0;
  async function run(): Promise<void> {
    const ticket = ++latest;
    const query = input.value.trim();
    const header = document.getElementById('site-search-input');
    if (header instanceof HTMLInputElement) header.value = query;
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      hint.hidden = true;
      status.textContent = '输入关键词搜索全部文章。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const meta: SearchMeta = await api.meta();
      const plan = await api.plan(query, { section: sectionSelect.value, issue: issueSelect.value });
      if (ticket !== latest) return; // a newer query has started; drop this answer
      const words = parseQuery(highlightFor(plan));
      const order: SortOrder = sortSelect.value === 'date' ? 'date' : 'relevance';
      status.textContent =
        plan.kind === 'none' ? `没有找到与“${query}”相关的文章。` : plan.kind === 'split' ? `找到 ${plan.hits.length} 篇相关文章` : `找到 ${plan.hits.length} 篇文章`;
      showHint(plan);
      // Only a split plan holds hits that did not match the query as typed.
      const exact = plan.kind === 'split' ? new Set(plan.hits.slice(0, plan.exactCount).map((h) => h.doc)) : null;
      renderResults(
        {
          list, more, meta, text: client.text,
          href: (doc, text) => api.href(meta, doc, text, highlightFor(plan)),
          issueLabel: (doc) => api.issueLabel(meta, doc),
          isExact: (doc) => !exact || exact.has(doc),
        },
        sortHits(plan.hits, meta, order),
        words,
      );
      list.dataset.query = query;
    } catch {
      if (ticket === latest) status.textContent = '搜索索引无法载入，请检查网络后重试。';
    }
  }

  const typing = onSettledInput(input, () => {
    writeUrl(!editingEntry);
    editingEntry = true;
    void run();
  });
  // Enter that confirms an IME candidate is the input method's, not a submit.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && isImeKey(event)) event.preventDefault();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (typing.composing()) return;
    typing.cancel();
    writeUrl(!editingEntry);
    editingEntry = false;
    void run();
  });
  for (const select of [sectionSelect, issueSelect, sortSelect]) {
    select.addEventListener('change', () => {
      writeUrl(true);
      editingEntry = false;
      void run();
    });
  }
  window.addEventListener('popstate', () => {
    editingEntry = false;
    readUrl();
    void run();
  });
  enableResultKeys(input, list);
  readUrl();
  void run();
  if (!input.value) input.focus();
}
