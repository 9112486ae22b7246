import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface QueryRun {
  query: string;
  results: number;
  /** Navigation start to the first result's snippet data, cold cache. */
  loadMs: number;
  /** Bytes fetched for search (engine script, index, snippets) before that first result. */
  rawBytes: number;
  gzipBytes: number;
}

export interface EngineUnderTest {
  name: string;
  /** Page that hosts the engine; `run(query)` must be callable in it once loaded. */
  url: string;
  /** Which fetched URLs count as search bytes. */
  isSearchFile(url: string): boolean;
  run: string;
}

/** A cold first query in a fresh context: what a reader pays the first time they search. */
export async function coldQuery(browser: Browser, engine: EngineUnderTest, query: string): Promise<QueryRun> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on('response', (response) => {
    if (engine.isSearchFile(response.url())) bodies.push(response.body().catch(() => null));
  });
  await page.goto(engine.url);
  const results = await page.evaluate(`(${engine.run})(${JSON.stringify(query)})`) as number;
  const loadMs = await page.evaluate('performance.now()') as number;
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await context.close();
  return {
    query,
    results,
    loadMs,
    rawBytes: buffers.reduce((sum, b) => sum + b.length, 0),
    // Pagefind's files are gzip already; gzipping them again adds a few bytes, never removes.
    gzipBytes: buffers.reduce((sum, b) => sum + Math.min(b.length, gzipSync(b).length), 0),
  };
}

/** Every query answered in one page that has already answered the first: time to answer. */
export async function warmQueries(browser: Browser, engine: EngineUnderTest, queries: string[]): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page: Page = await context.newPage();
  await page.goto(engine.url);
  await page.evaluate(`(${engine.run})(${JSON.stringify(queries[0])})`);
  const times: number[] = [];
  for (const query of queries) {
    times.push(
      (await page.evaluate(`(async () => { const t = performance.now(); await (${engine.run})(${JSON.stringify(query)}); return performance.now() - t; })()`)) as number,
    );
  }
  await context.close();
  return times;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Waits until a counter has stopped moving for `quietMs`: background downloads have finished. */
async function settled(read: () => number, quietMs = 1500, limitMs = 600_000): Promise<void> {
  const started = Date.now();
  let last = read();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() - started < limitMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = read();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}

export interface FirstVisit {
  /** The page with everything it loads, and no service worker. */
  pageBytes: number;
  /** Everything sent until the service worker is installed and idle. */
  totalBytes: number;
}

/** What a reader's first visit to one page downloads, counted by the server itself. */
export async function firstVisit(
  browser: Browser,
  server: { url: string; sent(): { bytes: number }; reset(): void },
  path: string,
): Promise<FirstVisit> {
  const visit = async (serviceWorkers: 'allow' | 'block') => {
    const context = await browser.newContext({ serviceWorkers });
    const page = await context.newPage();
    server.reset();
    await page.goto(server.url + path, { waitUntil: 'load' });
    if (serviceWorkers === 'allow') await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await settled(() => server.sent().bytes);
    const bytes = server.sent().bytes;
    await context.close();
    return bytes;
  };
  const pageBytes = await visit('block');
  const totalBytes = await visit('allow');
  return { pageBytes, totalBytes };
}
