/**
 * npm run build: ingest seeds/ into content/ (strictly: a bulletin without a date or publication
 * stops the build with the line to add), then build the site into a staging folder and swap it
 * in for _site/ whole. Holds the content lock throughout, so two builds (or a build and an
 * ingest) never run at once.
 */
import { IngestError } from '../src/ingest/errors.ts';
import { buildSite } from '../src/publish/build-site.ts';
import { runIngest } from '../src/publish/ingest-run.ts';
import { withLock } from '../src/publish/lock.ts';
import { contentLock } from '../src/publish/paths.ts';
import { formatResult } from '../src/publish/report.ts';

async function main(): Promise<number> {
  const outDir = 'content';
  const tty = process.stderr.isTTY;
  return withLock(
    contentLock(outDir),
    'build',
    async () => {
      const result = await runIngest({ paths: [], outDir, strict: true, progress: tty ? (i, n, source) => process.stderr.write(`\ringest: bulletin ${i} of ${n}: ${source}\x1b[K${i === n ? '\n' : ''}`) : undefined });
      const { out, err } = formatResult(result, outDir);
      if (err) console.error(err);
      if (out) console.log(out);
      if (result.errors.length > 0) return 1;
      if (tty) process.stderr.write('build: building the site…\n');
      const { notices, ms } = await buildSite();
      for (const notice of notices) console.error(`notice: ${notice}`);
      console.log(`site built into _site/ in ${(ms / 1000).toFixed(1)} s`);
      return 0;
    },
    { onWait: (holder) => console.error(`build: waiting for the ${holder.what} running as pid ${holder.pid} to finish…`) },
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof IngestError ? error.message : error);
    process.exit(1);
  },
);
