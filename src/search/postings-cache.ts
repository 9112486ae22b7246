import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchDoc } from '../types.ts';
import { assembleSearchData, docTerms, partOf, type BuiltSearchData, type CollectedPostings } from './build-index.ts';
import { decodeNumbers, encodeNumber, encodeNumbers, FIELDS, type Shard } from './shard-format.ts';
import { isUnigram } from './tokenizer.ts';

/**
 * The search postings of one run of documents (one issue), with document numbers counted from
 * the run's first document, cut so that runs can be joined into the whole index by string
 * concatenation. A term's postings in one field are, as stored (shard-format.ts), the posting
 * count and then per posting the gap from the previous document, the term frequency and the
 * positions. Only the count and the first gap depend on the documents before the run, so a
 * run keeps per term and field its count, its first and last document, and the rest verbatim.
 *
 * Rebuilding an archive with one more issue then tokenises only that issue: tokenising and
 * collecting postings of every document was nearly all of the search step (13.8 s of 19.7 s at
 * 120 issues).
 *
 * A run is kept as text, one line per term, because reading it back is the cost of every
 * rebuild: JSON arrays of arrays took 9 s to parse at 120 issues. The first line is the
 * document count and the documents' field lengths (encodeNumbers); then per term:
 *   term TAB field TAB field TAB field TAB field
 * in FIELDS order, a field being empty where the term is not in it, or else
 * "count first last rest" (the rest in shard-format digits, which hold no space or tab). A term
 * holding a tab, a newline or "%" is written percent-encoded (and so always holds a "%"). The
 * last line is a lone ".", so a file cut short is known.
 */
const RUN_END = '.';

export function runPostings(docs: SearchDoc[]): string {
  /** term → per field, flat [doc, tf, ...positions] runs (positions for bigrams only). */
  const postings = new Map<string, number[][]>();
  const fieldLengths: number[] = [];
  docs.forEach((doc, n) => {
    const { lengths, fields } = docTerms(doc);
    for (const length of lengths) fieldLengths.push(length);
    fields.forEach((byTerm, f) => {
      for (const [term, seen] of byTerm) {
        let perField = postings.get(term);
        if (!perField) postings.set(term, (perField = FIELDS.map(() => [])));
        const list = perField[f]!;
        if (typeof seen === 'number') list.push(n, seen);
        else {
          list.push(n, seen.length);
          for (const offset of seen) list.push(offset);
        }
      }
    });
  });
  const lines = [`${docs.length}\t${encodeNumbers(fieldLengths)}`];
  const out: string[] = [];
  for (const [term, perField] of postings) {
    const withPositions = !isUnigram(term);
    const cells = [/[\t\n%]/.test(term) ? encodeURIComponent(term) : term];
    for (const flat of perField) {
      if (flat.length === 0) {
        cells.push('');
        continue;
      }
      out.length = 0;
      let count = 0;
      let previousDoc = -1;
      for (let i = 0; i < flat.length; ) {
        const doc = flat[i]!;
        const tf = flat[i + 1]!;
        // The first gap is left out: it depends on the documents before the run.
        if (previousDoc >= 0) encodeNumber(doc - previousDoc, out);
        encodeNumber(tf, out);
        if (withPositions) {
          let previous = 0;
          for (let k = i + 2; k < i + 2 + tf; k++) {
            encodeNumber(flat[k]! - previous, out);
            previous = flat[k]!;
          }
        }
        previousDoc = doc;
        count++;
        i += 2 + (withPositions ? tf : 0);
      }
      cells.push(`${count} ${flat[0]} ${previousDoc} ${out.join('')}`);
    }
    lines.push(cells.join('\t'));
  }
  lines.push(RUN_END);
  return lines.join('\n');
}

/**
 * Joins runs (runPostings' text), in document order, into the postings of the terms of one
 * part (all terms when parts = 1): exactly what collectPostings gives for all their documents.
 */
export function joinRuns(runs: Iterable<string>, part = 0, parts = 1): CollectedPostings {
  const joined = new Map<string, { counts: number[]; last: number[]; text: string[] }>();
  const fieldLengths: number[] = [];
  let offset = 0;
  const gap: string[] = [];
  for (const run of runs) {
    const lines = run.split('\n');
    const [docs, lengths] = lines[0]!.split('\t');
    for (const n of decodeNumbers(lengths ?? '')) fieldLengths.push(n);
    for (let l = 1; l < lines.length - 1; l++) {
      const line = lines[l]!;
      const tab = line.indexOf('\t');
      const raw = line.slice(0, tab);
      const term = raw.includes('%') ? decodeURIComponent(raw) : raw;
      if (parts > 1 && partOf(term, parts) !== part) continue;
      let into = joined.get(term);
      if (!into) joined.set(term, (into = { counts: FIELDS.map(() => 0), last: FIELDS.map(() => 0), text: FIELDS.map(() => '') }));
      const fields = line.slice(tab + 1).split('\t');
      for (let f = 0; f < FIELDS.length; f++) {
        const field = fields[f]!;
        if (!field) continue;
        const [count, firstDoc, lastDoc, rest] = field.split(' ');
        gap.length = 0;
        encodeNumber(Number(firstDoc) + offset - into.last[f]!, gap);
        into.text[f] += gap[0]! + rest;
        into.counts[f]! += Number(count);
        into.last[f] = Number(lastDoc) + offset;
      }
    }
    offset += Number(docs);
  }
  const entries: Shard = [];
  for (const [term, { counts, text }] of joined) {
    const out: string[] = [];
    counts.forEach((count, f) => {
      encodeNumber(count, out);
      out.push(text[f]!);
    });
    entries.push([term, out.join('')]);
  }
  return { entries, fieldLengths };
}

/** The modules whose code decides the postings: any change to them is a new cache. */
const POSTINGS_CODE = ['postings-cache.ts', 'build-index.ts', 'tokenizer.ts', 'fold.ts', 'shard-format.ts'];

let codeVersion: string | undefined;
/** A hash of the code that makes the postings, so a cache written by other code is never read. */
export function postingsCodeVersion(): string {
  if (codeVersion) return codeVersion;
  const hash = createHash('sha256');
  for (const name of POSTINGS_CODE) hash.update(name).update('\0').update(readFileSync(join(import.meta.dirname, name))).update('\0');
  return (codeVersion = hash.digest('hex').slice(0, 16));
}

/** Documents cut where the issue changes: the content reader keeps an issue's articles together. */
export function issueRuns(docs: SearchDoc[]): SearchDoc[][] {
  const runs: SearchDoc[][] = [];
  for (const doc of docs) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.issue === doc.issue) last.push(doc);
    else runs.push([doc]);
  }
  return runs;
}

/** The cache file of a run: named by the hash of its documents and of the code, so it is never stale. */
export function runCacheFile(cacheDir: string, docs: SearchDoc[], code = postingsCodeVersion()): string {
  const key = createHash('sha256').update(code).update('\0').update(JSON.stringify(docs)).digest('hex').slice(0, 32);
  return join(cacheDir, `${key}.postings`);
}

/** Written aside and renamed, so a killed build never leaves half a cache file to be read. */
export function writeRunFile(file: string, run: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, run);
  renameSync(temporary, file);
}

/** A run read back, or null when the file is missing or not a whole run (its first line is checked). */
export function readRunFile(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8');
    return /^\d+\t/.test(text) && text.endsWith(`\n${RUN_END}`) ? text : null;
  } catch {
    return null;
  }
}

/**
 * A run as a worker is told it: a cache file to read, or documents to tokenise (and, when a
 * file is named, to write to the cache, which the worker of part 0 does).
 */
export type RunSource = { file: string; docs?: undefined } | { docs: SearchDoc[]; file?: string };

/** Reads or makes each run in turn, so only one run's text is held besides the joined postings. */
export function* loadRuns(sources: RunSource[], part = 0): Generator<string> {
  for (const source of sources) {
    if (source.docs) {
      const run = runPostings(source.docs);
      if (source.file && part === 0) {
        try {
          writeRunFile(source.file, run);
        } catch {
          // Not cached (a full disk): the next build tokenises this run again.
        }
      }
      yield run;
      continue;
    }
    const run = readRunFile(source.file);
    if (run === null) throw new Error(`the search cache file ${source.file} could not be read back`);
    yield run;
  }
}

const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => register())
  .then(() => import(${JSON.stringify(new URL('./postings-worker.ts', import.meta.url).href)}));`;

function inWorker<T>(task: unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`search build worker stopped with code ${code}`)));
  });
}

/**
 * One task of the cached build: 'make' tokenises runs into the cache; 'join' joins every run
 * for the terms of its part. Run by a worker (postings-worker.ts), or in this thread for a
 * small site.
 */
export function runPostingsTask(task: PostingsTask): CollectedPostings | null {
  if (task.kind === 'join') return joinRuns(loadRuns(task.sources, task.part), task.part, task.parts);
  for (const { docs, file } of task.runs) {
    try {
      writeRunFile(file, runPostings(docs));
    } catch {
      // Not written (a full disk): the join finds it missing and tokenises the run itself.
    }
  }
  return null;
}

/** What the workers are asked to do (postings-worker.ts). */
export type PostingsTask = { kind: 'make'; runs: { docs: SearchDoc[]; file: string }[] } | { kind: 'join'; sources: RunSource[]; part: number; parts: number };

/** Up to this many runs missing from the cache are tokenised by the joining workers themselves. */
const FEW_NEW_RUNS = 2;

export interface CachedBuildOptions {
  /** Where run postings are kept between builds, e.g. .cache/search/postings. */
  cacheDir: string;
  workers?: number;
  /** Below this many documents the work is done in this thread, not in workers (default 500). */
  inThreadBelow?: number;
}

/**
 * A worker spends about a second starting and loading the TypeScript it runs (measured on the
 * five seeds' 136 articles: 0.7–1.8 s in this thread, 2.6–3.2 s in two workers), which is most
 * of what a small site's `npm start` rebuild waits for.
 */
const IN_THREAD_BELOW = 500;

/**
 * The same search data as buildSearchData, with each issue's postings read from the cache
 * when that issue's documents and the postings code are unchanged. Runs not cached are
 * tokenised in worker threads (split between them) and written to the cache; the runs are
 * then joined in workers, each taking the terms of its part.
 */
export async function buildSearchDataCached(docs: SearchDoc[], build: string, options: CachedBuildOptions): Promise<BuiltSearchData & { runsMade: number }> {
  const inThread = docs.length < (options.inThreadBelow ?? IN_THREAD_BELOW);
  const workers = inThread ? 1 : Math.max(1, options.workers ?? Math.min(2, availableParallelism()));
  const run = <T>(task: PostingsTask): Promise<T> => (inThread ? Promise.resolve(runPostingsTask(task) as T) : inWorker<T>(task));
  const runs = issueRuns(docs);
  let cacheDir: string | null = options.cacheDir;
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheDir = null; // no cache (a read-only disk): every run is tokenised, the output is the same
  }
  const sources: RunSource[] = [];
  const toMake: { docs: SearchDoc[]; file: string }[] = [];
  for (const run of runs) {
    const file = cacheDir ? runCacheFile(cacheDir, run) : null;
    if (file && !existsSync(file)) toMake.push({ docs: run, file });
    sources.push(file ? { file } : { docs: run });
  }
  if (toMake.length > FEW_NEW_RUNS) {
    // Many new runs (a first build): tokenised once, split between the workers, into the cache.
    const shares = Array.from({ length: Math.min(workers, toMake.length) }, (_, w) => toMake.filter((_, i) => i % workers === w));
    await Promise.all(shares.map((share) => run<void>({ kind: 'make', runs: share } satisfies PostingsTask)));
  } else {
    // A few (one more issue): each joining worker tokenises them itself, which costs less than
    // starting workers twice.
    const fresh = new Map(toMake.map(({ docs, file }) => [file, docs]));
    sources.forEach((source, i) => fresh.has(source.file!) && (sources[i] = { docs: fresh.get(source.file!)!, file: source.file }));
  }
  const join = (from: RunSource[]) => Promise.all(Array.from({ length: workers }, (_, part) => run<CollectedPostings>({ kind: 'join', sources: from, part, parts: workers } satisfies PostingsTask)));
  let parts: CollectedPostings[];
  try {
    parts = await join(sources);
  } catch {
    // A cache file that could not be written (a full disk) or read back: those runs are
    // tokenised again, and the output is the same.
    parts = await join(sources.map((source, i) => (!source.docs && !readRunFile(source.file) ? (rmSync(source.file, { force: true }), { docs: runs[i]! }) : source)));
  }
  return { ...assembleSearchData(docs, build, parts), runsMade: toMake.length };
}

/** The names of the cache files in a folder (for tests and for clearing it). */
export function cachedRunFiles(cacheDir: string): string[] {
  try {
    return readdirSync(cacheDir).filter((name) => name.endsWith('.postings')).sort();
  } catch {
    return [];
  }
}
