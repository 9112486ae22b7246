import { highlightArticle, HIGHLIGHT_PARAM } from './article-highlight.ts';
import { API_GLOBAL, highlightFor, type SearchApi } from './search-api.ts';
import { pageUrl, siteRootFrom } from './site-root.ts';
import { isImeKey, onSettledInput } from './typing.ts';

/**
 * Loaded on every page, so it stays small: it loads the search bundle only once the reader
 * types in the header box. It gives the box its `/` shortcut and its search-as-you-type
 * dropdown, sends it to the search page (spelling out index.html from file://), highlights a
 * result's query on an article page, and installs the service worker.
 */
const root = siteRootFrom(document.currentScript);
/** How many results the dropdown shows before "all results". */
const DROPDOWN_SIZE = 6;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || isImeKey(event) || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const input = document.getElementById('search-page-input') ?? document.getElementById('site-search-input');
  if (!(input instanceof HTMLInputElement)) return;
  event.preventDefault();
  input.focus();
  input.select();
});

for (const form of document.querySelectorAll<HTMLFormElement>('form.site-search')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new FormData(form).get('q')?.toString() ?? '';
    location.href = pageUrl(root, 'search/', { q });
  });
}

/** Classic scripts, because file:// refuses fetch() and module scripts. */
function loadScript(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(path, root).href;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${path}`));
    document.head.append(script);
  });
}

let apiPromise: Promise<SearchApi> | null = null;
function searchApi(): Promise<SearchApi> {
  apiPromise ??= loadScript('assets/search-labels.js')
    .then(() => loadScript('assets/search-page.js'))
    .then(() => (globalThis as Record<string, unknown>)[API_GLOBAL] as SearchApi)
    .catch((error: unknown) => {
      apiPromise = null; // let a later keystroke retry
      throw error;
    });
  return apiPromise;
}

/** The header box's dropdown: a combobox with a listbox of the first results. */
function enableDropdown(input: HTMLInputElement, listbox: HTMLElement, status: HTMLElement): void {
  let active = -1;
  let latest = 0;
  const options = () => [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];

  function setActive(index: number): void {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', all[active]!.id);
      all[active]!.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function close(): void {
    latest++;
    listbox.hidden = true;
    listbox.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function option(id: string, href: string, ...content: (Node | string)[]): HTMLElement {
    const li = Object.assign(document.createElement('li'), { id, className: 'search-suggestion' });
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.href = href;
    li.append(...content);
    return li;
  }

  async function update(): Promise<void> {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) return close();
    try {
      const api = await searchApi();
      const [meta, plan] = await Promise.all([api.meta(), api.plan(query)]);
      if (ticket !== latest) return;
      api.prefetchLeader?.(plan.hits); // absent from a search bundle older than this script
      const shown = plan.hits.slice(0, DROPDOWN_SIZE);
      const texts = await Promise.all(shown.map((hit) => api.text(hit.doc).catch(() => null)));
      if (ticket !== latest) return;
      const items = shown.map((hit, i) => {
        const [section] = meta.docs[hit.doc]!;
        const text = texts[i];
        const [, title = '…'] = text ?? [];
        return option(
          `site-search-option-${i}`,
          // Without its text (offline, not kept) the article's URL is unknown: the option opens the search page.
          text ? api.href(meta, hit.doc, text, highlightFor(plan)) : pageUrl(root, 'search/', { q: query }),
          Object.assign(document.createElement('span'), { className: 'search-suggestion-title', textContent: title }),
          Object.assign(document.createElement('span'), { className: 'search-suggestion-meta', textContent: `${api.issueLabel(meta, hit.doc)} · ${meta.sections[section]}` }),
        );
      });
      const all = pageUrl(root, 'search/', { q: query });
      const summary = plan.hits.length ? `查看全部 ${plan.hits.length} 篇结果` : `没有找到“${query}”${plan.kind === 'none' && plan.suggestion ? `，试试“${plan.suggestion}”` : ''}`;
      items.push(option('site-search-option-all', plan.kind === 'none' && plan.suggestion ? pageUrl(root, 'search/', { q: plan.suggestion }) : all, summary));
      items[items.length - 1]!.classList.add('search-suggestion-all');
      listbox.replaceChildren(...items);
      listbox.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = plan.hits.length ? `${plan.hits.length} 篇结果，按上下键选择` : summary;
      setActive(-1);
    } catch {
      if (ticket === latest) status.textContent = '搜索暂时无法使用。';
    }
  }

  onSettledInput(input, () => void update());
  input.addEventListener('keydown', (event) => {
    if (isImeKey(event)) {
      if (event.key === 'Enter') event.preventDefault(); // the IME's Enter picks a candidate
      return;
    }
    const open = !listbox.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) return;
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? active + 1 : active < 0 ? -1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      location.href = options()[active]!.dataset.href!;
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  // Keep focus in the box while a result is clicked, so blur does not close the list first.
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (target?.dataset.href) location.href = target.dataset.href;
  });
  input.addEventListener('blur', close);
}

const headerInput = document.getElementById('site-search-input');
const listbox = document.getElementById('site-search-suggestions');
const headerStatus = document.getElementById('site-search-status');
// On the search page the page's own box answers; the header box only mirrors it.
if (headerInput instanceof HTMLInputElement && listbox && headerStatus && !document.getElementById('search-page-input')) {
  enableDropdown(headerInput, listbox, headerStatus);
}

const highlight = new URLSearchParams(location.search).get(HIGHLIGHT_PARAM);
const articleBody = document.getElementById('article-body');
if (highlight && articleBody) {
  const container = articleBody.closest('article') ?? articleBody;
  highlightArticle(container, highlight);
}

// Service workers exist only on http(s); from file:// the archive needs none.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register(new URL('sw.js', root).href).catch(() => {
    /* offline support is an extra; the site works without it */
  });
}
