import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { markUsed, pruneUnused, UNUSED_DAYS } from '../build-cache.ts';
import type { SearchDoc } from '../types.ts';
import { runInWorker } from '../worker-thread.ts';
import { assembleSearchData, docTerms, shardsOf, type BuiltSearchData, type CollectedPostings } from './build-index.ts';
import { decodeNumbers, encodeNumber, encodeNumbers, FIELDS, type Shard } from './shard-format.ts';
import { isUnigram } from './tokenizer.ts';
import { writeShards } from './write-search-data.ts';

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

/** The endings of the cache files: an issue's own run, and a joined run. */
const RUN_FILE = '.postings';
const JOINED = '.joined';

/** A term as a run's first cell: percent-encoded when it holds a tab, a newline or "%". */
const termCell = (term: string) => (/[\t\n%]/.test(term) ? encodeURIComponent(term) : term);

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
    const cells = [termCell(term)];
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

/** Per term being joined, per field (FIELDS order): posting count, first and last document, the postings after the first gap. */
interface JoinedTerm {
  counts: number[];
  /** -1 while the field has no posting yet. */
  first: number[];
  last: number[];
  rest: string[];
}

/** The gap between a joined run's last document and the next run's first, as encodeNumber writes it. */
const gap: string[] = [];

/**
 * Joins runs (runPostings' text), added in document order, into one: either the postings of
 * all their documents (collected: exactly what collectPostings gives) or a run of all their
 * documents in the same text format (toRun), which is how a joined stretch of issues is cached.
 *
 * Parsed with indexOf rather than split: a ten-year archive's runs hold 2.3 million term lines
 * (for 53 thousand distinct terms), and splitting each line and field into arrays of strings
 * was most of the join's time.
 */
export class RunJoiner {
  private readonly terms = new Map<string, JoinedTerm>();
  private readonly lengths: string[] = [];
  /** Documents added so far, and the number of the first document of the run being added. */
  private offset = 0;
  private runOffset = 0;

  /** Starts the next run: its documents are numbered after those added so far. */
  private beginRun(docs: number, encodedLengths: string): void {
    this.lengths.push(encodedLengths);
    this.runOffset = this.offset;
    this.offset += docs;
  }

  /** Where a term's postings are joined. */
  private term(term: string): JoinedTerm {
    let into = this.terms.get(term);
    if (!into) this.terms.set(term, (into = { counts: FIELDS.map(() => 0), first: FIELDS.map(() => -1), last: FIELDS.map(() => 0), rest: FIELDS.map(() => '') }));
    return into;
  }

  /** One field of one term of the run being added: its cell "count first last rest", documents counted from the run's first. */
  private field(into: JoinedTerm, f: number, count: number, firstDoc: number, lastDoc: number, rest: string): void {
    firstDoc += this.runOffset;
    if (into.first[f]! < 0) {
      into.first[f] = firstDoc;
      into.rest[f] = rest;
    } else {
      gap.length = 0;
      encodeNumber(firstDoc - into.last[f]!, gap);
      into.rest[f] += gap[0]! + rest;
    }
    into.counts[f]! += count;
    into.last[f] = lastDoc + this.runOffset;
  }

  /** Adds a run given as text (runPostings' format). */
  add(run: string): this {
    let end = run.indexOf('\n');
    const headTab = run.indexOf('\t');
    this.beginRun(Number(run.slice(0, headTab)), run.slice(headTab + 1, end));
    for (let start = end + 1; (end = run.indexOf('\n', start)) >= 0; start = end + 1) {
      let tab = run.indexOf('\t', start);
      const raw = run.slice(start, tab);
      const into = this.term(raw.includes('%') ? decodeURIComponent(raw) : raw);
      for (let f = 0; f < FIELDS.length; f++) {
        const from = tab + 1;
        tab = f < FIELDS.length - 1 ? run.indexOf('\t', from) : end;
        if (tab === from) continue;
        // "count first last rest": three decimal numbers, each ended by a space (read digit by digit: no slices).
        let at = from;
        let count = 0;
        for (let c = run.charCodeAt(at); c >= 48 && c <= 57; c = run.charCodeAt(++at)) count = count * 10 + c - 48;
        let firstDoc = 0;
        for (let c = run.charCodeAt(++at); c >= 48 && c <= 57; c = run.charCodeAt(++at)) firstDoc = firstDoc * 10 + c - 48;
        let lastDoc = 0;
        for (let c = run.charCodeAt(++at); c >= 48 && c <= 57; c = run.charCodeAt(++at)) lastDoc = lastDoc * 10 + c - 48;
        this.field(into, f, count, firstDoc, lastDoc, run.slice(at + 1, tab));
      }
    }
    return this;
  }

  /** The postings of every document added, terms in order of first appearance. */
  collected(): CollectedPostings {
    const entries: Shard = [];
    const out: string[] = [];
    for (const [term, { counts, first, rest }] of this.terms) {
      out.length = 0;
      for (let f = 0; f < FIELDS.length; f++) {
        encodeNumber(counts[f]!, out);
        // The first gap counts from document 0.
        if (first[f]! >= 0) encodeNumber(first[f]!, out);
        out.push(rest[f]!);
      }
      entries.push([term, out.join('')]);
    }
    return { entries, fieldLengths: decodeNumbers(this.lengths.join('')) };
  }

  /** Every document added as one run, in runPostings' format, cut into pieces of about `size` characters. */
  *runPieces(size = 1 << 20): Generator<string> {
    let lines = [`${this.offset}\t${this.lengths.join('')}`];
    let length = 0;
    for (const [term, { counts, first, last, rest }] of this.terms) {
      const cells = [termCell(term)];
      for (let f = 0; f < FIELDS.length; f++) cells.push(first[f]! < 0 ? '' : `${counts[f]} ${first[f]} ${last[f]} ${rest[f]}`);
      const line = cells.join('\t');
      lines.push(line);
      length += line.length;
      if (length >= size) {
        yield `${lines.join('\n')}\n`;
        lines = [];
        length = 0;
      }
    }
    lines.push(RUN_END);
    yield lines.join('\n');
  }

  /** Every document added as one run, in runPostings' format. */
  toRun(): string {
    return [...this.runPieces()].join('');
  }
}

/** Joins runs (runPostings' text), in document order: exactly what collectPostings gives for all their documents. */
export function joinRuns(runs: Iterable<string>): CollectedPostings {
  const joiner = new RunJoiner();
  for (const run of runs) joiner.add(run);
  return joiner.collected();
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

/**
 * The id of a build's search data (SearchMeta.build), from the digest of its documents
 * (CollectedDocs) and the code that makes the data: new whenever either changes.
 */
export function searchBuildId(docsDigest: string): string {
  return createHash('sha256').update(postingsCodeVersion()).update('\0').update(docsDigest).digest('hex').slice(0, 12);
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
  return join(cacheDir, `${key}${RUN_FILE}`);
}

/**
 * Written aside and renamed, so a killed build never leaves half a cache file to be read. A
 * run can be given in pieces: the joined run of a whole archive (25 MB at 120 issues) is then
 * never one string in the build's own thread, whose heap also holds Eleventy's pages.
 */
export function writeRunFile(file: string, run: string | Iterable<string>): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  if (typeof run === 'string') writeFileSync(temporary, run);
  else {
    const fd = openSync(temporary, 'w');
    try {
      for (const piece of run) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  }
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
 * A run as a block is told it: a cache file to read, or documents to tokenise (and, when a
 * file is named, to write to the cache).
 */
export type RunSource = { file: string; docs?: undefined } | { docs: SearchDoc[]; file?: string };

/** Reads or makes each run, in document order. Throws when a cache file cannot be read back. */
function loadRuns(sources: RunSource[]): string[] {
  return sources.map((source) => {
    if (source.docs) {
      const run = runPostings(source.docs);
      if (source.file) {
        try {
          writeRunFile(source.file, run);
        } catch {
          // Not cached (a full disk): the next build tokenises this run again.
        }
      }
      return run;
    }
    return readCachedRun(source.file);
  });
}

/** A cached run that must be there; throws when it cannot be read back, so the build falls back to the issues' own runs. */
function readCachedRun(file: string): string {
  const run = readRunFile(file);
  if (run === null) throw new Error(`the search cache file ${file} could not be read back`);
  return run;
}

/**
 * Reads or makes each run of a stretch of consecutive issues, in document order, and joins
 * them into one run (the text format of runPostings). All runs are made before any is joined:
 * the joined postings are millions of small strings, and every collection while tokenising
 * would walk them (a third of a worker's time).
 */
export function joinBlock(sources: RunSource[]): string {
  const joiner = new RunJoiner();
  for (const run of loadRuns(sources)) joiner.add(run);
  return joiner.toRun();
}

/** The last step of the cached build: what is joined, in document order, and where the whole joined run is cached. */
export interface FinalJoin {
  sources: RunSource[];
  /** Stretches already joined (joinBlock), after the sources. */
  blocks: string[];
  /** The cached joined run of the issues after those, if any. */
  tail: string | null;
  /** Where to cache the joined run of every issue, or null when it is cached already. */
  write: string | null;
  /** Where to write the shards made of the joined postings, if here (see CachedBuildOptions). */
  shardsTo?: ShardsTarget | null;
}

/** A site folder to write the shards into, and the site it replaces (whose equal files are linked), if another. */
export interface ShardsTarget {
  outDir: string;
  previous: string | null;
}

/** Joins everything into the postings of every document, and caches their joined run. Throws when a cache file cannot be read back. */
export function finalJoin({ sources, blocks, tail, write, shardsTo }: FinalJoin): CollectedPostings {
  const joiner = new RunJoiner();
  for (const run of loadRuns(sources)) joiner.add(run);
  for (const block of blocks) joiner.add(block);
  if (tail) joiner.add(readCachedRun(tail));
  if (write) {
    try {
      // In pieces: never one 25 MB string, in whichever thread this runs.
      writeRunFile(write, joiner.runPieces());
    } catch {
      // Not cached (a full disk): the next build joins the issues' runs again.
    }
  }
  const collected = joiner.collected();
  if (!shardsTo) return collected;
  return { entries: [], fieldLengths: collected.fieldLengths, shardsWritten: writeShards(shardsOf([collected]), shardsTo.outDir, shardsTo.previous) };
}

/** What a worker thread is asked to do (postings-worker.ts). */
export type PostingsTask = { kind: 'block'; sources: RunSource[] } | ({ kind: 'final' } & FinalJoin);

/** Runs one task, in whichever thread. */
export function runPostingsTask(task: PostingsTask): string | CollectedPostings {
  return task.kind === 'block' ? joinBlock(task.sources) : finalJoin(task);
}

/** A task in a worker thread (postings-worker.ts): its own heap, and the other core. */
function inWorker(task: { kind: 'block'; sources: RunSource[] }): Promise<string>;
function inWorker(task: { kind: 'final' } & FinalJoin): Promise<CollectedPostings>;
function inWorker(task: PostingsTask): Promise<unknown> {
  return runInWorker(new URL('./postings-worker.ts', import.meta.url), task);
}

/**
 * The cache file of the joined run of the issues from the k-th to the last (k = 0..n-1), named
 * by the chain of their run files' names. The newest issue comes first in document order
 * (compareContent), so adding an issue leaves the stretch after it, and its joined run, as
 * they were.
 */
export function joinedCacheFiles(cacheDir: string, runFiles: string[]): string[] {
  const files: string[] = new Array<string>(runFiles.length);
  let key = '';
  for (let k = runFiles.length - 1; k >= 0; k--) {
    key = createHash('sha256').update(key).update('\0').update(basename(runFiles[k]!)).digest('hex').slice(0, 32);
    files[k] = join(cacheDir, `${key}${JOINED}`);
  }
  return files;
}

/** Splits items into up to `parts` consecutive stretches of about equal weight, none empty. */
export function consecutiveShares<T>(items: T[], parts: number, weight: (item: T) => number): T[][] {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  const shares: T[][] = [];
  let share: T[] = [];
  let done = 0;
  for (const item of items) {
    const w = weight(item);
    const target = (total * (shares.length + 1)) / parts;
    // Cut before this item when that lands nearer the share's target than cutting after it.
    if (share.length > 0 && shares.length < parts - 1 && target - done <= done + w - target) {
      shares.push(share);
      share = [];
    }
    share.push(item);
    done += w;
  }
  if (share.length > 0) shares.push(share);
  return shares;
}

/**
 * Up to this many runs to tokenise and to read from their own cache files, the whole join is
 * one worker's task (one more issue); more are split between the workers (a first build).
 */
const FEW_NEW_RUNS = 2;
const FEW_CACHED_RUNS = 8;

export interface CachedBuildOptions {
  /** Where run postings are kept between builds, e.g. .cache/search/postings. */
  cacheDir: string;
  workers?: number;
  /** Below this many documents the work is done in this thread, not in workers (default 500). */
  inThreadBelow?: number;
  /**
   * Write the shards into this site folder from the thread that joins the postings, and hand
   * back only their count (BuiltSearchData.shardsWritten): see writeShards.
   */
  shardsTo?: ShardsTarget;
}

/**
 * A worker spends about a second starting and loading the TypeScript it runs (measured on the
 * five seeds' 136 articles: 0.7–1.8 s in this thread, 2.6–3.2 s in two workers), which is most
 * of what a small site's `npm start` rebuild waits for.
 */
const IN_THREAD_BELOW = 500;

/** The total length of a run's documents' text: what tokenising it costs. */
const textLength = (docs: SearchDoc[]) => docs.reduce((sum, d) => sum + d.title.length + d.subtitle.length + d.headings.length + d.body.length, 0);

/**
 * The same search data as buildSearchData, from cached postings: the longest stretch of issues
 * at the end of the document order whose joined run is cached is read as one file, and only
 * the issues before it are read from their own cache files or, when their documents (or the
 * postings code) changed, tokenised. All of it is one worker's task when there is little
 * (one more issue: the build's own thread renders the pages meanwhile); with much to do, the
 * issues are split into consecutive stretches, each joined in a worker thread (one start per
 * worker, whether it tokenises or reads), and the stretches are joined here. The whole joined
 * run is cached for the next build.
 */
export async function buildSearchDataCached(docs: SearchDoc[], build: string, options: CachedBuildOptions): Promise<BuiltSearchData & { runsMade: number }> {
  const runs = issueRuns(docs);
  let cacheDir: string | null = options.cacheDir;
  try {
    mkdirSync(cacheDir, { recursive: true });
  } catch {
    cacheDir = null; // no cache (a read-only disk): every run is tokenised, the output is the same
  }
  const runFiles = cacheDir ? runs.map((run) => runCacheFile(cacheDir, run)) : null;
  const joinedFiles = cacheDir && runFiles ? joinedCacheFiles(cacheDir, runFiles) : null;
  // The longest cached stretch at the end: the first k whose joined run is there.
  const found = joinedFiles ? joinedFiles.findIndex((file) => existsSync(file)) : -1;
  const cachedFrom = found >= 0 ? found : runs.length;
  const sourcesUpTo = (end: number): RunSource[] => runs.slice(0, end).map((run, i) => (runFiles && existsSync(runFiles[i]!) ? { file: runFiles[i]! } : { docs: run, file: runFiles?.[i] }));
  const sources = sourcesUpTo(cachedFrom);
  const runsMade = sources.filter((source) => source.docs).length;

  const inThread = docs.length < (options.inThreadBelow ?? IN_THREAD_BELOW);
  const workers = inThread ? 1 : Math.max(1, options.workers ?? Math.min(2, availableParallelism()));
  const weight = (source: RunSource, i: number) => (source.docs ? textLength(source.docs) : textLength(runs[i]!) / 4);
  const write = joinedFiles && runs.length > 0 ? joinedFiles[0]! : null;
  const collect = async (from: RunSource[], tail: string | null): Promise<CollectedPostings> => {
    const last: FinalJoin = { sources: from, blocks: [], tail, write: tail === write ? null : write, shardsTo: options.shardsTo ?? null };
    if (inThread) return finalJoin(last);
    if (from.filter((source) => source.docs).length <= FEW_NEW_RUNS && from.length <= FEW_CACHED_RUNS) return inWorker({ kind: 'final', ...last });
    const indexed = from.map((source, i) => ({ source, i }));
    const shares = consecutiveShares(indexed, workers, ({ source, i }) => weight(source, i));
    const blocks = await Promise.all(shares.map((share) => inWorker({ kind: 'block', sources: share.map(({ source }) => source) })));
    return finalJoin({ ...last, sources: [], blocks });
  };
  let collected: CollectedPostings;
  try {
    collected = await collect(sources, cachedFrom < runs.length ? joinedFiles![cachedFrom]! : null);
  } catch {
    // A cache file that could not be written (a full disk) or read back: the joined run is not
    // used, the issues' runs that cannot be read are tokenised again, and the output is the same.
    if (cachedFrom < runs.length) rmSync(joinedFiles![cachedFrom]!, { force: true });
    const again = sourcesUpTo(runs.length).map((source, i) => (!source.docs && readRunFile(source.file) === null ? (rmSync(source.file, { force: true }), { docs: runs[i]! }) : source));
    collected = await collect(again, null);
  }
  if (write) {
    // Only the newest joined run and the one this build started from are kept (each is as large
    // as the index): the next build is one more issue, which starts from the newest, or the
    // removal of the issue just added (a drop-in undone), which starts from the other; without
    // it, that removal joined all 120 issues' runs again (npm start, 120 issues: removed → gone
    // 11.9–12.5 s, 5.3–7.2 s with it kept).
    // Older ones would serve only an edit of an old issue, which the issues' own runs serve too.
    const kept = new Set([write, cachedFrom < runs.length ? joinedFiles![cachedFrom]! : write]);
    for (const name of readdirSync(cacheDir!)) if (name.endsWith(JOINED) && !kept.has(join(cacheDir!, name))) rmSync(join(cacheDir!, name), { force: true });
  }
  if (cacheDir && runFiles) pruneRunFiles(cacheDir, runFiles);
  return { ...assembleSearchData(docs, build, [collected]), runsMade };
}

/**
 * An issue's run no build has used for this long is deleted (build-cache.ts). Every edit of an
 * issue leaves its old run behind, so the cache would grow with the archive's history; a run a
 * build uses is marked used (its time set to now), and another site sharing the cache keeps its
 * runs as long as it is built within this time.
 */
export const UNUSED_RUN_DAYS = UNUSED_DAYS;

/** Marks the runs of this build used and deletes the runs no build has used for UNUSED_RUN_DAYS. */
export function pruneRunFiles(cacheDir: string, used: string[]): void {
  const keep = new Set(used.map((file) => basename(file)));
  for (const file of used) markUsed(file);
  // A .tmp is a cache file a killed build never finished.
  pruneUnused(cacheDir, (name) => (name.endsWith(RUN_FILE) || name.endsWith('.tmp')) && !keep.has(name));
}

/** The names of the cache files in a folder (for tests and for clearing it). */
export function cachedRunFiles(cacheDir: string): string[] {
  try {
    return readdirSync(cacheDir).filter((name) => name.endsWith(RUN_FILE)).sort();
  } catch {
    return [];
  }
}
