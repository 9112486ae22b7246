import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchData } from '../../src/search/build-index.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
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
    const written = await writeSearchData(out, data);
    for (const file of written) utimesSync(join(out, file), LONG_AGO, LONG_AGO);
    // A file someone changed by hand is written again.
    writeFileSync(join(out, written[1]!), 'changed by hand');
    utimesSync(join(out, written[1]!), LONG_AGO, LONG_AGO);
    const again = buildSearchData(docs, 'b');
    expect(await writeSearchData(out, again)).toEqual(written);
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
    const written = await writeSearchData(out, buildSearchData(fewer, 'b'));
    expect((await listFiles(join(out, 'search'))).map((f) => `search/${f}`)).toEqual([...written, 'search/offline.js'].sort());
    const fresh = freshFolder();
    await writeSearchData(fresh, buildSearchData(fewer, 'b'));
    expect(contents(out, written)).toEqual(contents(fresh, written));
  });
});
