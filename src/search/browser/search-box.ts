import { highlightArticle, HIGHLIGHT_PARAM } from './article-highlight.ts';
import { pageUrl, siteRootFrom } from './site-root.ts';
import { isImeKey } from './typing.ts';

/**
 * Loaded on every page, so it stays small: it never loads the index. It gives the header
 * search box its `/` shortcut, sends it to the search page (spelling out index.html from
 * file://), highlights a result's query on an article page, and installs the service worker.
 */
const root = siteRootFrom(document.currentScript);

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
