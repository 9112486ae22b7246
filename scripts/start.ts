/**
 * npm start [-- --port N]   (or PORT=N npm start)
 * Ingests seeds/, builds the site, serves it on http://localhost:8080 and watches seeds/: a
 * bulletin or correction file dropped in, changed or removed is ingested again on its own (only
 * what changed), the site rebuilt and swapped in whole, and open pages reload. The review page,
 * /review/, exists only here.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestError } from '../src/ingest/errors.ts';
import { buildSite } from '../src/publish/build-site.ts';
import { runIngest } from '../src/publish/ingest-run.ts';
import { withLock } from '../src/publish/lock.ts';
import { contentLock } from '../src/publish/paths.ts';
import { formatResult } from '../src/publish/report.ts';
import { reviewData } from '../src/publish/review-data.ts';
import { ServeError, serveSite, type DevServer } from '../src/publish/serve.ts';
import { WarmEleventy } from '../src/publish/warm-eleventy.ts';
import { watchSeeds } from '../src/publish/watch-seeds.ts';

const outDir = 'content';
const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const portText = portArg >= 0 ? (args[portArg + 1] ?? '') : (process.env.PORT ?? '8080');
const port = Number(portText);
const tty = process.stderr.isTTY;

let server: DevServer | null = null;
// One Eleventy process for every rebuild: a drop-in then costs the build, not Node's start-up.
const eleventy = new WarmEleventy();
let siteBuilt = false;
let last = { errors: [] as string[], notices: [] as string[] };

async function publish(reason: string): Promise<void> {
  const started = performance.now();
  await withLock(contentLock(outDir), 'npm start rebuild', async () => {
    const result = await runIngest({ paths: [], outDir, progress: tty ? (i, n, source) => process.stderr.write(`\ringest: bulletin ${i} of ${n}: ${source}\x1b[K${i === n ? '\n' : ''}`) : undefined });
    const { out, err } = formatResult(result, outDir);
    if (err) console.error(err);
    if (out) console.log(out);
    last = { errors: result.errors.map((e) => e.message), notices: result.notices };
    const ingestMs = performance.now() - started;
    if (result.errors.length === 0 && (result.changed || !siteBuilt)) {
      try {
        const { ms } = await buildSite({ eleventy: eleventy.run });
        siteBuilt = true;
        console.log(`published (${reason}) in ${Math.round(performance.now() - started)} ms (ingest ${Math.round(ingestMs)} ms, site ${Math.round(ms)} ms)`);
      } catch (error) {
        if (!(error instanceof IngestError)) throw error;
        console.error(error.message);
        last.errors.push(error.message);
      }
    }
  });
  server?.reload();
}

async function main(): Promise<void> {
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new ServeError('npm start', null, `"${portText}" is not a port number`, 'give a number from 0 to 65535: npm start -- --port 8080 (or PORT=8080 npm start)');
  }
  // The port is taken before the first build, so a port in use is said at once, not after it.
  server = await serveSite({
    siteDir: '_site',
    port,
    review: () => reviewData(outDir, last),
    reviewTemplate: join(import.meta.dirname, '../templates/review.njk'),
  });
  await mkdir('seeds', { recursive: true });
  await publish('start');
  const watcher = watchSeeds('seeds', (changed) => publish(changed.join(', ')));
  console.log(`serving ${server.url}/ (review before publishing: ${server.url}/review/); watching seeds/`);
  const stop = () => {
    watcher.close();
    eleventy.close();
    void server?.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof IngestError ? error.message : error);
  process.exit(1);
});
