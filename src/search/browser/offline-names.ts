/**
 * Names shared by the service worker and the page that keeps the whole archive offline.
 * Pages live in one cache across builds, so what a reader opened stays readable after the
 * next issue is published; everything else (assets, search data) is kept per build, because
 * a shard number means another set of terms in another build.
 */
export const PAGES_CACHE = 'bulletin-pages';
export const buildCache = (site: string) => `bulletin-${site}`;
export const CACHE_PREFIX = 'bulletin-';

/** What the site publishes about itself for offline reading (search/offline.js, a classic script). */
export interface OfflineManifest {
  site: string;
  /** Every file a reader can keep: its URL relative to the site root, and its size in bytes. */
  files: [url: string, bytes: number][];
  /** Their total size in bytes. */
  bytes: number;
}

export const OFFLINE_MANIFEST = 'search/offline.js';
export const OFFLINE_REGISTRY = '__bulletinOffline';

/** A folder URL (a page) or an .html file: kept with the pages. */
export function isPage(url: string): boolean {
  const path = new URL(url).pathname;
  return path.endsWith('/') || path.endsWith('.html');
}
