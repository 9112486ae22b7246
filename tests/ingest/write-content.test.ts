import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeContent } from '../../src/ingest/write-content.ts';

const article = (source: string, title: string) => `---\ntitle: ${title}\nsource: ${source}\n---\n正文。\n`;

async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('writeContent', () => {
  it('replaces exactly the ingested bulletins’ articles and leaves every other file alone', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'content-')), 'content');
    await mkdir(join(out, 'a'), { recursive: true });
    await mkdir(join(out, 'b'), { recursive: true });
    await writeFile(join(out, 'a/01-old.md'), article('a.txt', '旧'));
    await writeFile(join(out, 'b/01-keep.md'), article('b.txt', '留'));
    await writeFile(join(out, 'notes.txt'), 'editor notes');

    const result = await writeContent(out, ['a.txt'], [{ path: 'a/01-new.md', content: article('a.txt', '新') }]);

    expect(result).toEqual({ removed: 1, written: 1 });
    expect(await tree(out)).toEqual(['a/01-new.md', 'b/01-keep.md', 'notes.txt']);
    expect(await readFile(join(out, 'b/01-keep.md'), 'utf8')).toBe(article('b.txt', '留'));
    expect((await readdir(join(out, '..'))).filter((n) => n !== 'content')).toEqual([]);
  });

  it('creates the output folder when it does not exist yet', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'content-')), 'fresh');
    await writeContent(out, ['a.txt'], [{ path: 'x/01.md', content: article('a.txt', '新') }]);
    expect(await tree(out)).toEqual(['x/01.md']);
  });
});
