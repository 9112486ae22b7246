import { SearchEngine } from '../engine.ts';
import { parseQuery } from '../tokenizer.ts';
import { HIGHLIGHT_PARAM } from './article-highlight.ts';
import { createDataClient } from './data-client.ts';
import { renderResults } from './results-view.ts';
import { pageUrl, siteRootFrom } from './site-root.ts';
import { enableResultKeys } from './result-keys.ts';
import { isImeKey, onSettledInput } from './typing.ts';

/**
 * The search page: state lives in the URL (?q=&section=&issue=), so results deep-link and
 * survive back/forward. The first keystroke after a settled query adds a history entry and
 * further typing updates it, so Back returns to the previous query, not to each keystroke.
 */
const root = siteRootFrom(document.currentScript);
const client = createDataClient(root);
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = byId<HTMLInputElement>('search-page-input');
const form = byId<HTMLFormElement>('search-page-form');
const sectionSelect = byId<HTMLSelectElement>('search-section');
const issueSelect = byId<HTMLSelectElement>('search-issue');
const status = byId<HTMLElement>('search-status');
const list = byId<HTMLElement>('search-results');
const more = byId<HTMLButtonElement>('search-more');

const enginePromise = client.meta().then((meta) => {
  for (const issue of meta.issues) issueSelect.append(new Option(`${issue.id}（${issue.date}）`, issue.id));
  return new SearchEngine(meta, client.shard);
});
// For `npm run bench`: one query answered up to its first snippet, as a reader would see it.
(window as unknown as Record<string, unknown>).__bulletinSearchBench = async (query: string) => {
  const hits = await (await enginePromise).search(query);
  if (hits[0]) await client.text(hits[0].doc);
  return hits.length;
};

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sectionSelect.value = params.get('section') ?? '';
  issueSelect.dataset.wanted = params.get('issue') ?? '';
  issueSelect.value = issueSelect.dataset.wanted;
}

/** True while the reader is typing into an entry this page already pushed. */
let editingEntry = false;

function writeUrl(push: boolean): void {
  const state = { q: input.value.trim(), section: sectionSelect.value, issue: issueSelect.value };
  const url = pageUrl(root, 'search/', state);
  if (url === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
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
    status.textContent = '输入关键词搜索全部文章。';
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const engine = await enginePromise;
    if (issueSelect.dataset.wanted) issueSelect.value = issueSelect.dataset.wanted;
    const hits = await engine.search(query, { section: sectionSelect.value, issue: issueSelect.value });
    if (ticket !== latest) return; // a newer query has started; drop this answer
    const words = parseQuery(query);
    status.textContent = hits.length ? `找到 ${hits.length} 篇文章` : `没有找到与“${query}”相关的文章。`;
    const meta = engine.meta;
    renderResults(
      {
        list, more, meta, text: client.text,
        href: (doc) => {
          const [slug, , issue] = meta.docs[doc]!;
          return pageUrl(root, `${meta.issues[issue]!.id}/${slug}/`, { [HIGHLIGHT_PARAM]: query });
        },
      },
      hits,
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
for (const select of [sectionSelect, issueSelect]) {
  select.addEventListener('change', () => {
    issueSelect.dataset.wanted = issueSelect.value;
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
