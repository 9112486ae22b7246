/// <reference lib="webworker" />
/**
 * Offline that scales with the archive. A first visit caches only the site's shell (styles,
 * scripts, the home, search and about pages: a few hundred kB, whatever the archive's size).
 * After that, every page the reader opens and every search file a query loads is kept as it
 * passes, so what was read and searched once works with the network off. The whole archive
 * is downloaded only when the reader asks for it on the About page (offline-archive.ts).
 * The list of shell files and the build id are written in by the Eleventy plugin.
 */
import { buildCache, CACHE_PREFIX, isPage, PAGES_CACHE } from './offline-names.ts';

declare const self: ServiceWorkerGlobalScope;
declare const SHELL_FILES: string[];
declare const BUILD_ID: string;

const CACHE = buildCache(BUILD_ID);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL_FILES.map((file) => new URL(file, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE && k !== PAGES_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      // The page that installed the worker loaded before the worker could see it: keep it too.
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((windows) => Promise.all(windows.map((w) => fetchAndKeep(new Request(w.url)).catch(() => undefined)))),
  );
});

/** Fetches and keeps a copy: pages across builds, everything else with this build. */
async function fetchAndKeep(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(isPage(request.url) ? PAGES_CACHE : CACHE);
    await cache.put(request.url.split('?')[0]!, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (!cached) return fetchAndKeep(request);
      // A page may have changed with a new issue (its neighbours, the home page's list):
      // answer from the cache at once and refresh the copy for next time.
      if (isPage(request.url)) event.waitUntil(fetchAndKeep(request).catch(() => undefined));
      return cached;
    })(),
  );
});
