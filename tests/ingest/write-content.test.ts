import { mkdtemp, mkdir, readFile, readdir, rename, symlink, writeFile, lstat, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER_MARKER, assertOwnedOutDir, recoverContent, writeContent } from '../../src/ingest/write-content.ts';

const article = (source: string, title: string) => `---\ntitle: ${title}\nsource: ${source}\n---\n正文。\n`;

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory() && e.name !== OWNER_MARKER).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

async function published(): Promise<string> {
  const out = join(await mkdtemp(join(tmpdir(), 'content-')), 'content');
  await mkdir(join(out, 'a'), { recursive: true });
  await mkdir(join(out, 'b'), { recursive: true });
  await writeFile(join(out, 'a/01-old.md'), article('seeds/a.txt', '旧'));
  await writeFile(join(out, 'b/01-keep.md'), article('seeds/b.txt', '留'));
  return out;
}

describe('writeContent', () => {
  it('replaces exactly the ingested bulletins’ articles and leaves every other file alone', async () => {
    const out = await published();
    await writeFile(join(out, 'notes.txt'), 'editor notes');

    const result = await writeContent(out, ['seeds/a.txt'], [{ path: 'a/01-new.md', content: article('seeds/a.txt', '新') }]);

    expect(result).toEqual({ removed: 1, written: 1 });
    expect(await tree(out)).toEqual(['a/01-new.md', 'b/01-keep.md', 'notes.txt']);
    expect(await readFile(join(out, 'b/01-keep.md'), 'utf8')).toBe(article('seeds/b.txt', '留'));
    expect((await readdir(join(out, '..'))).filter((n) => n !== 'content')).toEqual([]);
  });

  it('keeps a symlink and an empty folder that someone put into content/', async () => {
    const out = await published();
    await symlink('b/01-keep.md', join(out, 'link.md'));
    await mkdir(join(out, 'drafts'));
    await writeContent(out, ['seeds/a.txt'], [{ path: 'a/01-new.md', content: article('seeds/a.txt', '新') }]);
    expect((await lstat(join(out, 'link.md'))).isSymbolicLink()).toBe(true);
    expect((await lstat(join(out, 'drafts'))).isDirectory()).toBe(true);
  });

  it('tells two bulletins with the same file name in different folders apart', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'content-')), 'content');
    await writeContent(out, ['one/x.txt'], [{ path: 'p/01.md', content: article('one/x.txt', '甲') }]);
    await writeContent(out, ['two/x.txt'], [{ path: 'q/01.md', content: article('two/x.txt', '乙') }]);
    expect(await tree(out)).toEqual(['p/01.md', 'q/01.md']);
  });

  it('removes the issue folder of a bulletin that is unpublished', async () => {
    const out = await published();
    await writeContent(out, ['seeds/a.txt'], []);
    expect(await readdir(out)).not.toContain('a');
  });

  it('creates the output folder when it does not exist yet', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'content-')), 'fresh');
    await writeContent(out, ['a.txt'], [{ path: 'x/01.md', content: article('a.txt', '新') }]);
    expect(await tree(out)).toEqual(['x/01.md']);
  });

  it('leaves the published folder as it was when writing fails, and says nothing was changed', async () => {
    const out = await published();
    const before = await tree(out);
    // A path under an existing file cannot be created: the write fails half-way.
    await expect(writeContent(out, ['seeds/a.txt'], [{ path: 'a/01-new.md', content: '新' }, { path: 'b/01-keep.md/x.md', content: '坏' }])).rejects.toThrow(/nothing was changed/);
    expect(await tree(out)).toEqual(before);
    expect((await readdir(join(out, '..'))).filter((n) => n !== 'content')).toEqual([]);
  });

  it('never writes through to a published file while staging, even one it rewrites, when the write then fails', async () => {
    const out = await published();
    await writeFile(join(out, '.ingest-manifest.json'), '{"published": true}\n');
    const keptBefore = await readFile(join(out, 'b/01-keep.md'), 'utf8');
    // The manifest and an article are rewritten in the staged folder, then the write fails.
    await expect(
      writeContent(out, ['seeds/b.txt'], [{ path: 'b/01-keep.md', content: article('seeds/b.txt', '改') }, { path: 'a/01-old.md/x.md', content: '坏' }], [{ path: '.ingest-manifest.json', content: '{}\n' }]),
    ).rejects.toThrow(/nothing was changed/);
    await expect(writeContent(out, [], [], [{ path: '.ingest-manifest.json', content: '{"half": true}\n' }, { path: 'a/01-old.md/y', content: '坏' }])).rejects.toThrow(/nothing was changed/);
    expect(await readFile(join(out, '.ingest-manifest.json'), 'utf8')).toBe('{"published": true}\n');
    expect(await readFile(join(out, 'b/01-keep.md'), 'utf8')).toBe(keptBefore);
  });

  it('keeps every other article byte for byte, with a rewritten manifest beside it', async () => {
    const out = await published();
    await writeFile(join(out, '.ingest-manifest.json'), '{"old": true}\n');
    const kept = await readFile(join(out, 'b/01-keep.md'), 'utf8');
    await writeContent(out, ['seeds/a.txt'], [{ path: 'a/01-new.md', content: article('seeds/a.txt', '新') }], [{ path: '.ingest-manifest.json', content: '{"new": true}\n' }]);
    expect(await readFile(join(out, 'b/01-keep.md'), 'utf8')).toBe(kept);
    expect(await readFile(join(out, '.ingest-manifest.json'), 'utf8')).toBe('{"new": true}\n');
  });
});

describe('recoverContent', () => {
  it('after a kill between the two renames, puts the finished new folder in place and cleans up', async () => {
    const out = await published();
    const parent = join(out, '..');
    // The state a kill leaves: old folder retired, new one staged and complete, no content/.
    await cp(out, join(parent, 'content.staging-99999'), { recursive: true });
    await writeFile(join(parent, 'content.staging-99999/a/01-new.md'), article('seeds/a.txt', '新'));
    await writeFile(join(parent, 'content.staging-99999', OWNER_MARKER), '');
    await rename(out, join(parent, 'content.retired-99999'));

    const notes = await recoverContent(out);

    expect(notes.join('\n')).toMatch(/restored it from .*content\.staging-99999/);
    expect(await tree(out)).toContain('a/01-new.md');
    expect((await readdir(parent)).sort()).toEqual(['content']);
  });

  it('puts the old folder back when the staged one was not finished', async () => {
    const out = await published();
    const parent = join(out, '..');
    await mkdir(join(parent, 'content.staging-99998'));
    await rename(out, join(parent, 'content.retired-99998'));
    await recoverContent(out);
    expect(await tree(out)).toEqual(['a/01-old.md', 'b/01-keep.md']);
    expect(await readdir(parent)).toEqual(['content']);
  });

  it('removes leftovers of an interrupted run beside an intact folder', async () => {
    const out = await published();
    const parent = join(out, '..');
    await mkdir(join(parent, 'content.staging-12345'));
    await mkdir(join(parent, 'content.retired-12345'));
    await recoverContent(out);
    expect(await readdir(parent)).toEqual(['content']);
  });
});

describe('assertOwnedOutDir', () => {
  it('refuses an output that is an existing file, and leaves the file alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'out-'));
    await writeFile(join(dir, 'notes.txt'), '重要');
    await expect(assertOwnedOutDir(join(dir, 'notes.txt'), [])).rejects.toThrow(/is an existing file, not a folder/);
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('重要');
  });

  it('refuses the folder the bulletins are read from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'out-'));
    await expect(assertOwnedOutDir(join(dir, 'seeds'), [join(dir, 'seeds')])).rejects.toThrow(/is the bulletins being read/);
    await expect(assertOwnedOutDir(dir, [join(dir, 'seeds/x.txt')])).rejects.toThrow(/holds the bulletins being read/);
  });

  it('refuses a folder of files the ingest did not write, but adopts an empty one and one of articles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'out-'));
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'docs/report.docx'), 'x');
    await expect(assertOwnedOutDir(join(dir, 'docs'), [])).rejects.toThrow(/not one the ingest wrote .*report\.docx/);
    await mkdir(join(dir, 'empty'));
    await expect(assertOwnedOutDir(join(dir, 'empty'), [])).resolves.toBeUndefined();
    await expect(assertOwnedOutDir(await published(), [])).resolves.toBeUndefined();
  });
});
