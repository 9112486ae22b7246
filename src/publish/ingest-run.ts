import { createHash } from 'node:crypto';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CorrectionProblems, sidecarPaths } from '../ingest/corrections/read-sidecar.ts';
import { MAX_BULLETIN_BYTES, tooLargeError } from '../ingest/decode.ts';
import { DecodeError, IngestError, WriteError } from '../ingest/errors.ts';
import { ingestBulletin, type Sidecar } from '../ingest/pipeline.ts';
import { makeIssuesUnique } from '../ingest/unique-issues.ts';
import { assertOwnedOutDir, issuesOwnedByOthers, publishedSources, recoverContent, scanSources, writeContent } from '../ingest/write-content.ts';
import { SECTIONS, type Bulletin, type BulletinMeta, type IngestWarning, type Section } from '../types.ts';
import { contentFiles } from './content-files.ts';
import { decodeCorrectionFile } from './decode-correction-file.ts';

/** Where the ingest keeps, per bulletin, the hashes it was made from and its report. */
export const MANIFEST = '.ingest-manifest.json';

/** What the terminal report and the review page show for one bulletin. */
export interface BulletinReport {
  source: string;
  sidecar: string | null;
  meta: BulletinMeta;
  articles: number;
  sections: Record<Section, number>;
  sectionsInferred: boolean;
  warnings: IngestWarning[];
  claimedIssue?: string;
}

/** An article file as the ingest wrote it: its path in the output folder, size in bytes and hash. */
interface WrittenFile {
  path: string;
  size: number;
  sha: string;
}

interface ManifestEntry {
  bytes: string;
  sidecar: string | null;
  /** Every article the bulletin wrote, so an article deleted or edited in content/ is written again. */
  outputs: WrittenFile[];
  report: BulletinReport;
}

interface Manifest {
  code: string;
  bulletins: Record<string, ManifestEntry>;
}

export interface IngestOptions {
  /** Files or folders; none means every bulletin in seeds/, and content/ then mirrors seeds/. */
  paths: string[];
  outDir: string;
  /** `npm run build`: a bulletin without a date or publication is an error, not a warning. */
  strict?: boolean;
  /** Told which bulletin of how many is being read (on a terminal). */
  progress?: (index: number, total: number, source: string) => void;
}

export interface IngestResult {
  errors: IngestError[];
  /** Every bulletin now published from the inputs, fresh or unchanged. */
  reports: BulletinReport[];
  /** Bulletins read again this run (the others were unchanged). */
  ingested: string[];
  unpublished: string[];
  notices: string[];
  changed: boolean;
  written: number;
  removed: number;
}

/** The source of a bulletin is its path, relative to the working folder when inside it. */
export function sourceName(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return (rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel).split(sep).join('/');
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex').slice(0, 24);

/** The ingest code itself, so a change to a rule re-reads every bulletin. */
async function codeHash(): Promise<string> {
  const roots = [join(import.meta.dirname, '../ingest'), join(import.meta.dirname, '../types.ts'), join(import.meta.dirname, '../frontmatter.ts'), import.meta.filename, join(import.meta.dirname, 'content-files.ts'), join(import.meta.dirname, 'decode-correction-file.ts')];
  const hash = createHash('sha256');
  for (const root of roots) {
    const info = await lstat(root);
    const files = info.isDirectory() ? (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort() : [root];
    for (const file of files) hash.update(file.slice(root.length)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 24);
}

async function readManifest(outDir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(outDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * The articles of a bulletin that are no longer in the output folder as the ingest wrote them:
 * gone, or of another size. One stat per file; a file is read and hashed only when it was
 * modified after the manifest was written (an edit that kept the size), so an unchanged
 * content/ is never read again.
 */
async function damagedOutputs(outDir: string, outputs: WrittenFile[], manifestTime: number): Promise<string[]> {
  const damaged = await Promise.all(
    outputs.map(async (file) => {
      const path = join(outDir, file.path);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile() || info.size !== file.size) return true;
      return info.mtimeMs > manifestTime && sha(await readFile(path)) !== file.sha;
    }),
  );
  return outputs.filter((_, i) => damaged[i]).map((file) => file.path);
}

interface Input {
  path: string;
  source: string;
  /** Set when the file was found by listing a folder (so content/ mirrors that folder). */
  folder: string | null;
}

/** The folder a source is directly in, named as sourceName names it ('' for the working folder). */
const folderOf = (source: string) => source.slice(0, Math.max(source.lastIndexOf('/'), 0));

/**
 * Lists the bulletins to read: a file named, or the .txt files directly in a folder named (not in
 * its subfolders, like seeds/ itself and its watcher). Anything that is not a plain text file is
 * an error, not skipped silently.
 */
async function expand(paths: string[], errors: IngestError[]): Promise<{ inputs: Input[]; folders: string[] }> {
  const inputs: Input[] = [];
  const folders: string[] = [];
  const check = async (path: string, folder: string | null): Promise<boolean> => {
    const info = await lstat(path).catch(() => null);
    if (!info) {
      errors.push(new DecodeError(path, null, 'no such file or folder', 'check the path; bulletins live in seeds/'));
      return false;
    }
    if (info.isSymbolicLink()) {
      const target = await readlink(path).catch(() => '?');
      errors.push(new DecodeError(path, null, `is a symbolic link (to ${target}), which is never read`, 'copy the bulletin itself into seeds/ in place of the link'));
      return false;
    }
    if (info.isDirectory()) {
      errors.push(new DecodeError(path, null, 'is a folder named like a bulletin, not a text file', 'rename the folder, or put the bulletin text file in its place'));
      return false;
    }
    if (!info.isFile()) {
      errors.push(new DecodeError(path, null, 'is not a regular file (a device, pipe or socket)', 'put the bulletin text file into seeds/'));
      return false;
    }
    if (info.size > MAX_BULLETIN_BYTES) {
      errors.push(tooLargeError(path, info.size));
      return false;
    }
    inputs.push({ path, source: sourceName(path), folder });
    return true;
  };
  for (const path of paths) {
    const info = await lstat(path).catch(() => null);
    if (info?.isDirectory() && !/\.txt$/i.test(path)) {
      folders.push(sourceName(path));
      const names = (await readdir(path)).filter((n) => /\.txt$/i.test(n)).sort();
      for (const name of names) await check(join(path, name), sourceName(path));
    } else await check(path, null);
  }
  return { inputs, folders };
}

/**
 * Of files with identical bytes, the one to publish (by hash): the one already published, so a
 * copy dropped beside it never takes over its issue URL and corrections; else one with a
 * correction file; else the first by name.
 */
async function publishedCopies(files: { input: Input; bytesHash: string }[], published: Set<string>): Promise<Map<string, string>> {
  const copies = new Map<string, Input[]>();
  for (const { input, bytesHash } of files) copies.set(bytesHash, [...(copies.get(bytesHash) ?? []), input]);
  const hasCorrectionFile = async (input: Input) => (await Promise.all(sidecarPaths(input.path).map((path) => lstat(path).then(() => true, () => false)))).includes(true);
  const chosen = new Map<string, string>();
  for (const [bytesHash, inputs] of copies) {
    const ranked = await Promise.all(inputs.map(async (input) => ({ source: input.source, rank: [published.has(input.source) ? 0 : 1, inputs.length > 1 && (await hasCorrectionFile(input)) ? 0 : 1] })));
    ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    chosen.set(bytesHash, ranked[0].source);
  }
  return chosen;
}

async function readSidecarOf(path: string, errors: IngestError[]): Promise<Sidecar | null> {
  for (const candidate of sidecarPaths(path)) {
    const info = await lstat(candidate).catch(() => null);
    if (!info) continue;
    if (!info.isFile()) {
      errors.push(new DecodeError(candidate, null, 'the correction file is a link or a folder, not a plain file', 'put the corrections themselves in a .yml file beside the bulletin'));
      return null;
    }
    const file = sourceName(candidate);
    try {
      return { file, text: decodeCorrectionFile(file, await readFile(candidate)) };
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      errors.push(error);
      return null;
    }
  }
  return null;
}

function reportOf(bulletin: Bulletin & { claimedIssue?: string }, sidecar: string | null): BulletinReport {
  const sections = Object.fromEntries(SECTIONS.map((s) => [s, bulletin.articles.filter((a) => a.section === s).length])) as Record<Section, number>;
  return {
    source: bulletin.meta.source,
    sidecar,
    meta: bulletin.meta,
    articles: bulletin.articles.length,
    sections,
    sectionsInferred: bulletin.articles.some((a) => a.sectionInferred),
    warnings: bulletin.warnings,
    ...(bulletin.claimedIssue ? { claimedIssue: bulletin.claimedIssue } : {}),
  };
}

/** The correction file a warning's correction goes into. */
export const sidecarFor = (source: string) => source.replace(/\.txt$/i, '') + '.yml';

/**
 * Ingests bulletins into the output folder: only those whose bytes, correction file or the
 * ingest code changed since the manifest was written are read again. Every problem of every
 * file is collected; if there is any, nothing is written. Call it holding the content lock.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const { outDir } = options;
  const errors: IngestError[] = [];
  const notices = await recoverContent(outDir);
  const mirror = options.paths.length === 0;
  const { inputs, folders } = await expand(mirror ? ['seeds'] : options.paths, errors);
  const result = (extra: Partial<IngestResult>): IngestResult => ({ errors, reports: [], ingested: [], unpublished: [], notices, changed: false, written: 0, removed: 0, ...extra });
  await assertOwnedOutDir(outDir, [...new Set(inputs.map((i) => i.folder ?? i.path)), ...(mirror ? ['seeds'] : [])]).catch((error: unknown) => {
    if (error instanceof IngestError) errors.push(error);
    else throw error;
  });
  // An emptied folder is a change like any other (its last bulletin is unpublished); no file at all named is not.
  if (inputs.length === 0 && folders.length === 0 && errors.length === 0) errors.push(new DecodeError(options.paths.join(' ') || 'seeds', null, 'no .txt bulletin found', 'drop a bulletin text file into seeds/'));
  if (errors.length > 0) return result({});

  const code = await codeHash();
  const manifest = await readManifest(outDir);
  // Every article's source, read once for the three uses below.
  const scanned = await scanSources(outDir);
  const published = await publishedSources(outDir, scanned);
  const byBytes = new Map<string, string>();
  const fresh: (Bulletin & { claimedIssue?: string })[] = [];
  const reports = new Map<string, BulletinReport>();
  const entries: Record<string, ManifestEntry> = {};
  const skipped = new Set<string>();
  const toRead: { input: Input; bytes: Uint8Array; sidecar: Sidecar | null; bytesHash: string; sidecarHash: string | null }[] = [];

  const manifestTime = (await lstat(join(outDir, MANIFEST)).catch(() => null))?.mtimeMs ?? 0;
  const bulletinFiles: { input: Input; bytes: Uint8Array; bytesHash: string }[] = [];
  for (const input of inputs) {
    // A file named twice (or as itself and in its folder) is one bulletin, read once.
    if (bulletinFiles.some((f) => f.input.source === input.source)) continue;
    const bytes = await readFile(input.path);
    bulletinFiles.push({ input, bytes, bytesHash: sha(bytes) });
  }
  for (const [bytesHash, source] of await publishedCopies(bulletinFiles, published)) byBytes.set(bytesHash, source);
  for (const { input, bytes, bytesHash } of bulletinFiles) {
    const twin = byBytes.get(bytesHash);
    if (twin !== input.source) {
      notices.push(`${input.source}: the same bulletin as ${twin} (identical bytes); skipped, ${twin} is published`);
      skipped.add(input.source);
      continue;
    }
    const sidecar = await readSidecarOf(input.path, errors);
    const sidecarHash = sidecar ? sha(sidecar.text) : null;
    const known = manifest?.bulletins[input.source];
    if (manifest?.code === code && known && known.bytes === bytesHash && known.sidecar === sidecarHash && published.has(input.source)) {
      const damaged = await damagedOutputs(outDir, known.outputs ?? [], manifestTime);
      if (known.outputs?.length && damaged.length === 0) {
        reports.set(input.source, known.report);
        entries[input.source] = known;
        continue;
      }
      if (damaged.length > 0) notices.push(`${input.source}: ${damaged.map((p) => `${outDir}/${p}`).join(', ')} deleted or changed by hand since it was written; the bulletin is read again`);
    }
    toRead.push({ input, bytes, sidecar, bytesHash, sidecarHash });
  }
  for (const [n, item] of toRead.entries()) {
    options.progress?.(n + 1, toRead.length, item.input.source);
    try {
      const bulletin = ingestBulletin(item.input.source, item.bytes, item.sidecar ?? undefined);
      fresh.push(bulletin);
      entries[item.input.source] = { bytes: item.bytesHash, sidecar: item.sidecarHash, outputs: [], report: reportOf(bulletin, item.sidecar?.file ?? null) };
    } catch (error) {
      if (error instanceof IngestError) errors.push(error);
      else if (error instanceof CorrectionProblems) errors.push(...error.problems);
      else throw error;
    }
  }

  // Sources that leave the site: in mirror mode, whatever seeds/ no longer holds (or holds twice);
  // for a folder named, what was directly in it, as only that was read (expand): subfolders are left alone.
  const keep = new Set(inputs.map((i) => i.source).filter((s) => !skipped.has(s)));
  const unpublished = [...published].filter((s) => !keep.has(s) && (mirror || skipped.has(s) || folders.includes(folderOf(s))));

  // Two files that both claim an issue id by hand would overwrite each other: the editor decides.
  const claims = new Map<string, string>();
  const claimOf = (source: string) => (fresh.find((b) => b.meta.source === source)?.claimedIssue ?? reports.get(source)?.claimedIssue);
  for (const source of [...keep].sort()) {
    const claim = claimOf(source);
    if (!claim) continue;
    const other = claims.get(claim);
    if (other) errors.push(new DecodeError(source, null, `claims issue "${claim}", which ${other} claims too`, `give one of them another "issue:" (in ${sidecarFor(source)} or ${sidecarFor(other)})`));
    else claims.set(claim, source);
  }
  if (options.strict) {
    for (const source of keep) {
      for (const w of entries[source]?.report.warnings ?? []) {
        if (w.kind !== 'no-date' && w.kind !== 'no-publication') continue;
        const key = w.kind === 'no-date' ? 'date: YYYY-MM-DD' : 'publication: 信息月报';
        errors.push(new DecodeError(source, null, w.kind === 'no-date' ? 'no date was found, and a site is not built with a made-up one' : 'no publication name was found, and a site is not built with a made-up one', `add the line "${key}" (with the bulletin's own ${w.kind === 'no-date' ? 'date' : 'name'}) to ${sidecarFor(source)}`));
      }
    }
  }
  if (errors.length > 0) return result({});

  const freshSources = fresh.map((b) => b.meta.source);
  const taken = await issuesOwnedByOthers(outDir, [...freshSources, ...unpublished], scanned);
  makeIssuesUnique(fresh, taken);
  for (const bulletin of fresh) entries[bulletin.meta.source].report = reportOf(bulletin, entries[bulletin.meta.source].report.sidecar);
  for (const bulletin of fresh) reports.set(bulletin.meta.source, entries[bulletin.meta.source].report);

  // Entries of sources still published but not read this run (another folder, another file) stay.
  const kept = Object.fromEntries(Object.entries(manifest?.bulletins ?? {}).filter(([s]) => published.has(s) && !unpublished.includes(s) && !keep.has(s) && manifest?.code === code));
  const nextManifest: Manifest = { code, bulletins: { ...kept, ...entries } };
  const ordered = [...keep].sort().flatMap((s) => (reports.has(s) ? [reports.get(s)!] : []));
  if (fresh.length === 0 && unpublished.length === 0) {
    return result({ reports: ordered });
  }
  const files = fresh.flatMap(contentFiles);
  // Filled in here, once the files exist; nextManifest holds these same entries.
  for (const file of files) entries[file.frontMatter.source].outputs.push({ path: file.path, size: Buffer.byteLength(file.content), sha: sha(file.content) });
  try {
    const { removed, written } = await writeContent(outDir, [...freshSources, ...unpublished], files, [{ path: MANIFEST, content: `${JSON.stringify(nextManifest, null, 1)}\n` }], scanned);
    return result({ reports: ordered, ingested: freshSources, unpublished, changed: true, written, removed });
  } catch (error) {
    if (error instanceof WriteError) errors.push(error);
    else throw error;
    return result({});
  }
}
