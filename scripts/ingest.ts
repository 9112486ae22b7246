/**
 * npm run ingest -- [files or folders…] [--out DIR] [--strict]
 * Ingests bulletins (default: every .txt in seeds/, and content/ then mirrors seeds/) into
 * Markdown articles (default: content/). Only bulletins that changed are read again. All problems
 * are reported together; if any bulletin fails, nothing is written.
 */
import { IngestError } from '../src/ingest/errors.ts';
import { runIngest } from '../src/publish/ingest-run.ts';
import { contentLock } from '../src/publish/paths.ts';
import { withLock } from '../src/publish/lock.ts';
import { formatResult } from '../src/publish/report.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : 'content';
  if (outDir === undefined || outDir.startsWith('--')) {
    console.error('ingest: --out needs a folder, e.g. npm run ingest -- seeds/new.txt --out content');
    return 1;
  }
  const strict = args.includes('--strict');
  const paths = args.filter((a, i) => a !== '--strict' && (outIndex < 0 || (i !== outIndex && i !== outIndex + 1)));
  const tty = process.stderr.isTTY;
  const result = await withLock(contentLock(outDir), 'ingest', () =>
    runIngest({ paths, outDir, strict, progress: tty ? (i, n, source) => process.stderr.write(`\ringest: bulletin ${i} of ${n}: ${source}\x1b[K${i === n ? '\n' : ''}`) : undefined }),
    { onWait: (holder) => console.error(`ingest: waiting for the ${holder.what} running as pid ${holder.pid} to finish…`) },
  );
  const { out, err } = formatResult(result, outDir);
  if (err) console.error(err);
  if (out) console.log(out);
  return result.errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof IngestError ? error.message : error);
    process.exit(1);
  },
);
