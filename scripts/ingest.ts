/**
 * npm run ingest -- [files or folders…] [--out DIR]
 * Ingests bulletins (default: every .txt in seeds/) into Markdown articles (default: content/).
 * All problems are reported together; if any bulletin fails, nothing is written.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IngestError } from '../src/ingest/errors.ts';
import { ingestBulletin } from '../src/ingest/pipeline.ts';
import { bulletinFiles } from '../src/ingest/to-markdown.ts';
import { makeIssuesUnique } from '../src/ingest/unique-issues.ts';
import { issuesOwnedByOthers, writeContent } from '../src/ingest/write-content.ts';
import { SECTIONS, type Bulletin } from '../src/types.ts';

async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new IngestError(path, null, 'no such file or folder', 'check the path; bulletins live in seeds/');
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => /\.txt$/i.test(n)).sort();
      files.push(...names.map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

function report(bulletin: Bulletin): string {
  const counts = SECTIONS.map((s) => `${s} ${bulletin.articles.filter((a) => a.section === s).length}`).join(', ');
  const inferred = bulletin.articles.some((a) => a.sectionInferred) ? ' (sections inferred)' : '';
  const lines = [
    `${bulletin.meta.source}: issue ${bulletin.meta.issue}, ${bulletin.meta.date}, ${bulletin.meta.publication}`,
    `  ${bulletin.articles.length} articles${inferred}: ${counts}`,
    ...bulletin.warnings.map((w) => `  warning [${w.kind}] ${w.line === null ? '' : `line ${w.line}: `}${w.message}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : 'content';
  if (outDir === undefined || outDir.startsWith('--')) {
    console.error('ingest: --out needs a folder, e.g. npm run ingest -- seeds/new.txt --out content');
    return 1;
  }
  const paths = outIndex >= 0 ? args.filter((_, i) => i !== outIndex && i !== outIndex + 1) : args;
  const errors: IngestError[] = [];
  const bulletins: Bulletin[] = [];
  let files: string[] = [];
  try {
    files = await expand(paths.length > 0 ? paths : ['seeds']);
  } catch (error) {
    errors.push(error as IngestError);
  }
  if (files.length === 0 && errors.length === 0) errors.push(new IngestError(paths.join(' ') || 'seeds', null, 'no .txt bulletin found', 'drop a bulletin text file into seeds/'));
  for (const file of files) {
    try {
      bulletins.push(ingestBulletin(basename(file), await readFile(file)));
    } catch (error) {
      if (error instanceof IngestError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length > 0) {
    console.error(`ingest: ${errors.length} problem${errors.length > 1 ? 's' : ''}; nothing was written to ${outDir}/\n`);
    for (const error of errors) console.error(error.message);
    return 1;
  }
  const sources = bulletins.map((b) => b.meta.source);
  makeIssuesUnique(bulletins, await issuesOwnedByOthers(outDir, sources));
  const output = bulletins.flatMap(bulletinFiles);
  const { removed, written } = await writeContent(outDir, sources, output);
  for (const bulletin of bulletins) console.log(report(bulletin));
  console.log(`\n${written} articles written to ${outDir}/ (${removed} replaced)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof IngestError ? error.message : error);
    process.exit(1);
  },
);
