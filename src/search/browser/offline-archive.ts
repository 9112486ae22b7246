import { buildCache, isPage, OFFLINE_REGISTRY, PAGES_CACHE, type OfflineManifest } from './offline-names.ts';
import { siteRootFrom } from './site-root.ts';

/**
 * "Keep the whole archive for offline reading" on the About page. The service worker keeps
 * only what a reader opens; this downloads everything else on request, with its size shown
 * first, progress as it goes, and a cancel button. Files already kept are skipped, so
 * starting again after a cancel (or after a new issue) fetches only what is missing.
 * Run from the page, not the worker: a worker may be stopped in the middle of a long job.
 */
const root = siteRootFrom(document.currentScript);
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const status = byId<HTMLElement>('offline-archive-status');
const start = byId<HTMLButtonElement>('offline-archive-start');
const cancel = byId<HTMLButtonElement>('offline-archive-cancel');
const progress = byId<HTMLProgressElement>('offline-archive-progress');
const sizeLabel = byId<HTMLElement>('offline-archive-size');

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

function loadManifest(): Promise<OfflineManifest> {
  return new Promise((resolve, reject) => {
    (globalThis as Record<string, unknown>)[OFFLINE_REGISTRY] = resolve;
    const script = document.createElement('script');
    script.src = new URL('search/offline.js', root).href;
    script.onerror = () => reject(new Error('no offline manifest'));
    document.head.append(script);
  });
}

let cancelled = false;

async function keepAll(manifest: OfflineManifest): Promise<void> {
  if (!status || !progress || !start || !cancel) return;
  cancelled = false;
  start.hidden = true;
  cancel.hidden = false;
  progress.hidden = false;
  // Ask the browser not to evict the archive under storage pressure; it may say no.
  void navigator.storage?.persist?.().catch(() => false);
  const [pages, data] = await Promise.all([caches.open(PAGES_CACHE), caches.open(buildCache(manifest.site))]);
  const kept = new Set([...(await pages.keys()), ...(await data.keys())].map((r) => r.url));
  const entries = manifest.files.map(([file, size]) => [new URL(file, root).href, size] as const);
  const missing = entries.filter(([url]) => !kept.has(url));
  let done = entries.length - missing.length;
  let bytes = entries.filter(([url]) => kept.has(url)).reduce((sum, [, size]) => sum + size, 0);
  const total = entries.length;
  const show = () => {
    progress.max = total;
    progress.value = done;
    status.textContent = `已保存 ${done} / ${total} 个文件（${mb(bytes)} / ${mb(manifest.bytes)} MB）`;
  };
  show();
  let failed = 0;
  const queue = [...missing];
  const worker = async () => {
    for (let next = queue.shift(); next && !cancelled; next = queue.shift()) {
      const [url, size] = next;
      try {
        const response = await fetch(url);
        if (!response.ok) throw new Error(String(response.status));
        await (isPage(url) ? pages : data).put(url, response);
        done++;
        bytes += size;
      } catch {
        failed++;
      }
      show();
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  cancel.hidden = true;
  start.hidden = done === total;
  if (cancelled) status.textContent = `已取消。已保存 ${done} / ${total} 个文件，再次开始时从中断处继续。`;
  else if (failed > 0) status.textContent = `有 ${failed} 个文件未能保存（网络中断？），可再次开始补齐。`;
  else status.textContent = `全部归档（${mb(manifest.bytes)} MB）已保存，断网也可阅读和搜索。`;
  if (start) start.textContent = '继续保存全部归档';
}

async function main(): Promise<void> {
  if (!status || !start || !cancel) return;
  if (location.protocol === 'file:') {
    status.textContent = '本站正从本地磁盘打开，全部文章和搜索已在本地，无需下载。';
    return;
  }
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    status.textContent = '此浏览器不支持离线保存；联网时可照常阅读。';
    return;
  }
  let manifest: OfflineManifest;
  try {
    manifest = await loadManifest();
  } catch {
    status.textContent = '离线清单无法载入，请联网后重试。';
    return;
  }
  if (sizeLabel) sizeLabel.textContent = mb(manifest.bytes);
  status.textContent = `已打开的文章会自动保留供离线阅读。也可以保存全部归档（${manifest.files.length} 个文件，${mb(manifest.bytes)} MB）。`;
  start.hidden = false;
  start.addEventListener('click', () => void keepAll(manifest));
  cancel.addEventListener('click', () => {
    cancelled = true;
  });
}

void main();
