import { closeSync, fstatSync, lstatSync, mkdtempSync, openSync, readdirSync, symlinkSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchData } from '../../src/search/build-index.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
import { nodeDataSource } from '../../src/search/node-data-source.ts';
import { listFiles, writeSearchData } from '../../src/search/write-search-data.ts';
import type { SearchDoc } from '../../src/types.ts';

let docs: SearchDoc[];
const folders: string[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'search-data-'));
  folders.push(dir);
  return dir;
};
const contents = (dir: string, files: string[]) => files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
const LONG_AGO = new Date('2001-01-01T00:00:00Z');
/** Every search file of a built folder: path → bytes. */
const filesOf = async (dir: string, under = 'search') => new Map(listFiles(join(dir, under)).map((f) => [`${under}/${f}`, readFileSync(join(dir, under, f))]));
const inode = (file: string) => statSync(file).ino;
/** The archive before its newest issue: documents are numbered newest issue first, so adding it shifts every number. */
const withoutNewest = (all: SearchDoc[]) => all.filter((d) => d.issue !== all[0]!.issue);

beforeAll(async () => {
  docs = await collectDocs('tests/fixtures/search-content');
});
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writing the search data into a folder that holds an earlier build', () => {
  it('leaves files with the same bytes untouched and rewrites the others', async () => {
    const out = freshFolder();
    const data = buildSearchData(docs, 'a');
    const { files: written } = await writeSearchData(out, data);
    for (const file of written) utimesSync(join(out, file), LONG_AGO, LONG_AGO);
    // A file someone changed by hand is written again.
    writeFileSync(join(out, written[1]!), 'changed by hand');
    utimesSync(join(out, written[1]!), LONG_AGO, LONG_AGO);
    const again = buildSearchData(docs, 'b');
    expect((await writeSearchData(out, again)).files).toEqual(written);
    const touched = written.filter((file) => statSync(join(out, file)).mtimeMs !== LONG_AGO.getTime());
    // The meta file holds the build id; the file changed by hand is restored.
    expect(touched.sort()).toEqual(['search/meta.js', written[1]!].sort());
    const fresh = freshFolder();
    await writeSearchData(fresh, again);
    expect(contents(out, written)).toEqual(contents(fresh, written));
  });

  it('removes the shards and texts the new build does not have, and only those', async () => {
    const out = freshFolder();
    await writeSearchData(out, buildSearchData(docs, 'a'));
    writeFileSync(join(out, 'search/offline.js'), 'kept: not search data');
    const fewer = docs.slice(0, 3);
    const { files: written } = await writeSearchData(out, buildSearchData(fewer, 'b'));
    expect(listFiles(join(out, 'search')).map((f) => `search/${f}`)).toEqual([...written, 'search/offline.js'].sort());
    // Nor the text folders of the issues it no longer has.
    expect(readdirSync(join(out, 'search/text'))).toEqual([fewer[0]!.issue]);
    const fresh = freshFolder();
    await writeSearchData(fresh, buildSearchData(fewer, 'b'));
    expect(contents(out, written)).toEqual(contents(fresh, written));
  });
});

describe('naming the text files of the documents', () => {
  it('keeps every older issue\'s text files, by name and byte for byte, when a newer issue is added', async () => {
    const older = withoutNewest(docs);
    // The test means something only if the newer issue shifts the older documents' numbers.
    expect(docs.findIndex((d) => d.id === older[0]!.id)).toBeGreaterThan(0);
    const before = freshFolder();
    await writeSearchData(before, buildSearchData(older, 'a'));
    const after = freshFolder();
    await writeSearchData(after, buildSearchData(docs, 'b'));
    const textsBefore = await filesOf(before, 'search/text');
    const textsAfter = await filesOf(after, 'search/text');
    expect(textsBefore.size).toBe(older.length);
    for (const [path, bytes] of textsBefore) expect(textsAfter.get(path)?.equals(bytes), path).toBe(true);
    expect(textsAfter.size).toBe(docs.length);
  });

  it('gives back each document\'s own text for its number, naming its file as the browser does', async () => {
    const out = freshFolder();
    await writeSearchData(out, buildSearchData(docs, 'a'));
    const source = nodeDataSource(out);
    const meta = await source.meta();
    for (const [n, doc] of docs.entries()) {
      const [slug, title, headings, body, subtitle = ''] = await source.text(n);
      expect(`${meta.issues[meta.docs[n]![1]]!.id}/${slug}/`).toBe(doc.id);
      expect([title, subtitle, headings, body]).toEqual([doc.title, doc.subtitle, doc.headings, doc.body]);
    }
  });
});

describe('writing the search data into a staging folder beside the previous site', () => {
  it('hard-links the files the previous site holds byte for byte and writes the others', async () => {
    const previous = freshFolder();
    await writeSearchData(previous, buildSearchData(withoutNewest(docs), 'a'));
    const published = await filesOf(previous);
    const staging = freshFolder();
    const data = buildSearchData(docs, 'b');
    const result = await writeSearchData(staging, data, { previous });
    const same = result.files.filter((f) => published.get(f)?.equals(readFileSync(join(staging, f))));
    // Both kinds present, or the test proves nothing.
    expect(same.length).toBeGreaterThan(0);
    expect(same.length).toBeLessThan(result.files.length);
    for (const file of result.files) {
      const linked = inode(join(staging, file)) === (published.has(file) ? inode(join(previous, file)) : -1);
      expect(linked, file).toBe(same.includes(file));
    }
    expect(result).toMatchObject({ reused: same.length, written: result.files.length - same.length, unchanged: 0 });
    // The staged files are a from-scratch build's, and the previous site is as it was.
    const fresh = freshFolder();
    await writeSearchData(fresh, data);
    expect(contents(staging, result.files)).toEqual(contents(fresh, result.files));
    expect(await filesOf(previous)).toEqual(published);
  });

  it('builds in place, linking nothing, when the previous site is the output folder itself', async () => {
    const out = freshFolder();
    const { files } = await writeSearchData(out, buildSearchData(docs, 'a'));
    const result = await writeSearchData(out, buildSearchData(docs, 'b'), { previous: out });
    // Only the meta file (it holds the build id) is written again.
    expect(result).toMatchObject({ written: 1, reused: 0, unchanged: files.length - 1 });
  });

  it('replaces an output file linked to another site instead of writing through the link', async () => {
    const other = freshFolder();
    const { files } = await writeSearchData(other, buildSearchData(docs, 'a'));
    const out = freshFolder();
    await writeSearchData(out, buildSearchData(docs, 'a'), { previous: other });
    const kept = await filesOf(other);
    // One article edited (invented text), rebuilt in place.
    const edited = docs.map((d, n) => (n === 1 ? { ...d, body: `${d.body}\n补记：这是改写后新增的一句。` } : d));
    await writeSearchData(out, buildSearchData(edited, 'b'));
    const changed = files.filter((f) => !readFileSync(join(out, f)).equals(kept.get(f)!));
    expect(changed.some((f) => f.startsWith('search/text/'))).toBe(true);
    for (const file of changed) expect(inode(join(out, file)), file).not.toBe(inode(join(other, file)));
    expect(await filesOf(other)).toEqual(kept);
  });

  it('writes over a changed file that no other site shares, and its bytes are a fresh build\'s', async () => {
    const out = freshFolder();
    const { files } = await writeSearchData(out, buildSearchData(docs, 'a'));
    // Held open, a replaced file would live on unnamed (no links), and its inode number could not be reused.
    const held = new Map(files.map((f) => [f, openSync(join(out, f), 'r')]));
    try {
      const edited = docs.map((d, n) => (n === 1 ? { ...d, body: `${d.body}\n补记：这是改写后新增的一句。` } : d));
      const data = buildSearchData(edited, 'b');
      const result = await writeSearchData(out, data);
      const fresh = freshFolder();
      await writeSearchData(fresh, data);
      expect(contents(out, result.files)).toEqual(contents(fresh, result.files));
      // The meta file and the edited article's shards and text, at least.
      expect(result.written).toBeGreaterThan(2);
      for (const [file, fd] of held) expect(fstatSync(fd).nlink, file).toBe(1);
      // And back: files that get shorter are cut to their new length.
      const original = buildSearchData(docs, 'c');
      const back = await writeSearchData(out, original);
      const freshAgain = freshFolder();
      await writeSearchData(freshAgain, original);
      expect(contents(out, back.files)).toEqual(contents(freshAgain, back.files));
    } finally {
      for (const fd of held.values()) closeSync(fd);
    }
  });

  it('replaces a symbolic link among its files instead of writing through it', async () => {
    const out = freshFolder();
    const { files } = await writeSearchData(out, buildSearchData(docs, 'a'));
    const elsewhere = join(freshFolder(), 'someone-elses.js');
    writeFileSync(elsewhere, 'not ours');
    const linked = files.find((f) => f.startsWith('search/shards/'))!;
    rmSync(join(out, linked));
    symlinkSync(elsewhere, join(out, linked));
    const data = buildSearchData(docs, 'b');
    await writeSearchData(out, data);
    expect(readFileSync(elsewhere, 'utf8')).toBe('not ours');
    expect(lstatSync(join(out, linked)).isSymbolicLink()).toBe(false);
    const fresh = freshFolder();
    await writeSearchData(fresh, data);
    expect(readFileSync(join(out, linked))).toEqual(readFileSync(join(fresh, linked)));
  });
});
