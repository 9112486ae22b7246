import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchData } from '../../src/search/build-index.ts';
import { collectDocsWithDigest } from '../../src/search/collect-docs.ts';
import { searchBuildId } from '../../src/search/postings-cache.ts';
import { dataScript } from '../../src/search/shard-format.ts';
import { smallBulletin } from '../publish/invent-bulletin.ts';
import { TSX, tempProject } from '../publish/temp-project.ts';

const run = promisify(execFile);

async function build(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/build.ts'], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function siteFiles(dir: string): Promise<Record<string, string>> {
  const entries = (await readdir(join(dir, '_site'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const e of entries) out[join(e.parentPath, e.name).slice(dir.length)] = await readFile(join(e.parentPath, e.name), 'utf8');
  return out;
}

const leftovers = async (dir: string) => (await readdir(dir)).filter((n) => /\.(staging|retired)-/.test(n));

describe('npm run build', () => {
  let dir: string;
  let published: Record<string, string>;

  beforeAll(async () => {
    dir = await tempProject({ 'one.txt': smallBulletin('甲') });
    const result = await build(dir);
    expect(result.code, result.stderr).toBe(0);
    published = await siteFiles(dir);
  }, 240_000);

  it('builds the site from seeds/, without a review page', async () => {
    expect(Object.keys(published)).toContain('/_site/index.html');
    expect(Object.values(published).some((html) => html.includes('甲地区推进数字经济发展'))).toBe(true);
    expect(Object.keys(published).some((path) => path.includes('review'))).toBe(false);
    expect(await leftovers(dir)).toEqual([]);
  });

  it('does no ingest work when nothing changed', async () => {
    const result = await build(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/ is up to date: 1 bulletin unchanged/);
  }, 120_000);

  it('leaves the previous site whole when the build fails', async () => {
    published = await siteFiles(dir);
    await writeFile(join(dir, 'templates/broken.njk'), '{% if %}');
    await writeFile(join(dir, 'seeds/two.txt'), smallBulletin('乙'));
    const result = await build(dir);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/the site build failed .*the published site is as it was/);
    expect(await siteFiles(dir)).toEqual(published);
    expect(await leftovers(dir)).toEqual([]);
  }, 120_000);

  it('leaves the previous site whole when the build is killed, and the next build cleans up', async () => {
    await writeFile(join(dir, 'templates/broken.njk'), 'fixed');
    const child = spawn(TSX, ['scripts/build.ts'], { cwd: dir, detached: true, stdio: 'ignore' });
    // Killed while Eleventy writes the staged site.
    const staging = async () => (await leftovers(dir)).some((n) => n.startsWith('_site.staging-'));
    for (let i = 0; i < 1200 && !(await staging()); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await staging()).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    process.kill(-child.pid!, 'SIGKILL');
    await new Promise((r) => child.on('close', r));
    expect(await siteFiles(dir)).toEqual(published);

    const result = await build(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(await leftovers(dir)).toEqual([]);
    expect(Object.values(await siteFiles(dir)).some((html) => html.includes('乙地区推进数字经济发展'))).toBe(true);
  }, 240_000);

  it('stops its Eleventy process when the build itself is killed, so no orphan writes on', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: dir, stdio: 'ignore' });
    // Eleventy is started with --output=<dir>/_site.staging-<the build's pid>.
    const folder = join(dir, `_site.staging-${child.pid}`);
    const writers = async () => {
      const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
      const lines = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
      return lines.filter((line) => line.includes(folder)).length;
    };
    // Killed as soon as Eleventy has started, seconds before it could finish.
    for (let i = 0; i < 2400 && (await writers()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await writers()).toBe(1);
    // Only the build's own process: its Eleventy child is not signalled.
    const killedAt = Date.now();
    process.kill(child.pid!, 'SIGKILL');
    await new Promise((r) => child.on('close', r));
    for (let i = 0; i < 1200 && (await writers()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await writers()).toBe(0);
    // An orphan would have gone on to the end of the build, whose last step writes sw.js. The
    // staging folder starts as the spare (the site the last build replaced), so an sw.js may be
    // there already: only one written after the kill would be the orphan's.
    const sw = join(folder, 'sw.js');
    if (existsSync(sw)) expect((await stat(sw)).mtimeMs).toBeLessThan(killedAt);
    const result = await build(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(await leftovers(dir)).toEqual([]);
  }, 240_000);

  it('stops on a bulletin without a date, with the line to add, and keeps the site', async () => {
    const before = await siteFiles(dir);
    await writeFile(join(dir, 'seeds/bare.txt'), smallBulletin('丙', { date: undefined }));
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/seeds\/bare\.txt: no date was found, and a site is not built with a made-up one\n  → add the line "date: YYYY-MM-DD" \(with the bulletin's own date\) to seeds\/bare\.yml/);
    expect(await siteFiles(dir)).toEqual(before);
  }, 120_000);
});

describe('npm run build with one more bulletin', () => {
  it('writes, with the cached search work and the ingest of one bulletin, the very site a build from scratch writes', async () => {
    // Issue ids set by hand: ids found alike are numbered in the order bulletins arrive.
    const bulletin = (tag: string, n: number) => smallBulletin(tag, { head: `---\nissue: 2021-0${n}-x\n---` });
    const dir = await tempProject({ 'one.txt': bulletin('甲', 1), 'two.txt': bulletin('乙', 2) });
    expect((await build(dir)).code).toBe(0);
    await writeFile(join(dir, 'seeds/three.txt'), bulletin('丙', 3));
    const rebuilt = await build(dir);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    // The postings of the two issues built before came from the cache.
    const cached = (await readdir(join(dir, '.cache/search/postings'))).filter((n) => n.endsWith('.postings'));
    expect(cached).toHaveLength(3);
    const incremental = await siteFiles(dir);
    // Its search data is what the search build without any cache makes of the same articles.
    const { docs, digest } = await collectDocsWithDigest(join(dir, 'content'));
    const uncached = buildSearchData(docs, searchBuildId(digest));
    expect(incremental['/_site/search/meta.js']).toBe(dataScript('meta', uncached.meta));
    uncached.shards.forEach((shard, k) => expect(incremental[`/_site/search/shards/${k}.js`]).toBe(dataScript('shard', k, shard)));

    await rm(join(dir, '.cache'), { recursive: true, force: true });
    await rm(join(dir, 'content'), { recursive: true, force: true });
    await rm(join(dir, '_site'), { recursive: true, force: true });
    const scratch = await build(dir);
    expect(scratch.code, scratch.stderr).toBe(0);
    const fromScratch = await siteFiles(dir);
    // The marker of a finished build holds its time; every other file must be the same.
    const withoutMarker = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith('.build-complete')));
    expect(Object.values(incremental).some((html) => html.includes('丙地区推进数字经济发展'))).toBe(true);
    expect(withoutMarker(incremental)).toEqual(withoutMarker(fromScratch));
  }, 360_000);
});
