/// <reference lib="webworker" />
/**
 * Offline after one visit: on install the worker caches every file of the built site (the
 * list and the build id are written in by the Eleventy plugin), then answers from the cache
 * first. The whole archive is a few MB, so caching all of it is the simple, honest way to
 * make "works with the network off" true for pages the reader has not opened yet.
 */
declare const self: ServiceWorkerGlobalScope;
declare const SITE_FILES: string[];
declare const BUILD_ID: string;

const CACHE = `bulletin-${BUILD_ID}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SITE_FILES.map((file) => new URL(file, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bulletin-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then(
      (cached) => cached ?? fetch(event.request),
    ),
  );
});
