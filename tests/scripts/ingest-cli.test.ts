import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { smallBulletin } from '../publish/invent-bulletin.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const fixture = join(root, 'tests/fixtures/ingest/toc-layout.txt');

async function ingest(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [join(root, 'scripts/ingest.ts'), ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out: Record<string, string> = {};
  for (const f of files) out[join(f.parentPath, f.name)] = await readFile(join(f.parentPath, f.name), 'utf8');
  return out;
}

/** The issue folders of a content/ folder, without the ingest's own dot files. */
async function issueFolders(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !n.startsWith('.'));
}

describe('npm run ingest', () => {
  it('reports each bulletin with its issue, date, publication and articles per section', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    const result = await ingest([fixture, '--out', join(dir, 'content')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/toc-layout\.txt: issue \S+, \d{4}-\d{2}-\d{2}, 示例简报/);
    expect(result.stdout).toMatch(/2 articles: 产业环境 1, 运营竞争 0, 技术情报 1, 企业情报 0, 海外借鉴 0/);
  });

  it('rejects an empty and a binary file together, names both, exits non-zero and leaves content untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    const out = join(dir, 'content');
    expect((await ingest([fixture, '--out', out])).code).toBe(0);
    const before = await snapshot(out);
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'scan.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256)));
    await cp(fixture, join(dir, 'good.txt'));

    const result = await ingest([dir, '--out', out]);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/2 problems; nothing was written/);
    expect(result.stderr).toMatch(/empty\.txt: the file is empty/);
    expect(result.stderr).toMatch(/scan\.txt(:\d+)?: /);
    expect(await snapshot(out)).toEqual(before);
  });

  it('publishes two bulletins of the same month and publication under distinct issue ids', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    await cp(fixture, join(dir, 'one.txt'));
    // Not byte for byte the same file, which would be one bulletin under two names.
    await writeFile(join(dir, 'two.txt'), `${await readFile(fixture, 'utf8')}\n`);
    const out = join(dir, 'content');
    expect((await ingest([join(dir, 'one.txt'), join(dir, 'two.txt'), '--out', out])).code).toBe(0);
    expect(await issueFolders(out)).toHaveLength(2);
  });

  it('ingests the one file it is given, without --out, into content/ of the folder it runs in', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    const result = await ingest([fixture], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(await issueFolders(join(dir, 'content'))).toHaveLength(1);
  });

  it('stops with a usage line when --out names no folder', async () => {
    const result = await ingest([fixture, '--out']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--out needs a folder');
  });

  it('finds a bulletin in a folder whatever the case of its .txt extension', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    await cp(fixture, join(dir, 'upper.TXT'));
    const result = await ingest([dir, '--out', join(dir, 'content')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('upper.TXT');
  });

  it('on a terminal says which bulletin of how many it is reading, and without one stays quiet', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    await writeFile(join(dir, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(dir, 'two.txt'), smallBulletin('乙'));
    const quiet = await ingest([dir, '--out', join(dir, 'quiet')]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(`${quiet.stdout}${quiet.stderr}`).not.toMatch(/bulletin \d+ of \d+/);
    // `script` runs the ingest on a pseudo-terminal, as an editor's shell would.
    const command = [tsx, join(root, 'scripts/ingest.ts'), dir, '--out', join(dir, 'tty')].map((a) => `'${a}'`).join(' ');
    const { stdout } = await run('script', ['-qec', command, '/dev/null']);
    expect(stdout).toMatch(/ingest: bulletin 1 of 2: .*one\.txt/);
    expect(stdout).toMatch(/ingest: bulletin 2 of 2: .*two\.txt/);
  });

  it('exits with the problem when a correction file has a misspelt key, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    await writeFile(join(dir, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(dir, 'one.yml'), 'datum: 2021-03-31\n');
    const result = await ingest([dir, '--out', join(dir, 'content')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/one\.yml:1: unknown key "datum" \(did you mean "date"\?\)/);
  });

  it('prints each warning with a correction ready to paste into the correction file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    await writeFile(join(dir, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(dir, 'one.yml'), 'articles:\n  - match: 没有这篇文章\n    drop: true\n');
    const result = await ingest([dir, '--out', join(dir, 'content')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/warning \[correction-unmatched\] .*one\.yml:2: articles correction "没有这篇文章" matches no article/);
  });
});
