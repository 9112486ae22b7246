import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchData, collectPostings } from '../../src/search/build-index.ts';
import { collectDocs } from '../../src/search/collect-docs.ts';
import { listFiles, writeSearchData } from '../../src/search/write-search-data.ts';
import { buildSearchDataCached, cachedRunFiles, UNUSED_RUN_DAYS, consecutiveShares, issueRuns, joinedCacheFiles, joinRuns, readRunFile, runCacheFile, runPostings, RunJoiner, writeRunFile } from '../../src/search/postings-cache.ts';
import type { SearchDoc } from '../../src/types.ts';

let docs: SearchDoc[];
const folders: string[] = [];
const freshCache = () => {
  const dir = mkdtempSync(join(tmpdir(), 'postings-cache-'));
  folders.push(dir);
  return dir;
};
/** The same documents as another, later issue: new text, so new runs. */
const oneMoreIssue = (from: SearchDoc[]): SearchDoc[] =>
  from.slice(0, 5).map((d, i) => ({ ...d, id: `2021-02-x/${i}/`, issue: '2021-02-x', date: '2021-02-01', body: `${d.body}\n新增的一段：某市建成第${i + 3}个数据中心。` }));

beforeAll(async () => {
  docs = await collectDocs('tests/fixtures/search-content');
});
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('search postings joined from per-issue runs', () => {
  it('are exactly the postings of all documents collected at once', () => {
    const runs = issueRuns(docs).map(runPostings);
    expect(runs.length).toBeGreaterThan(1);
    expect(JSON.stringify(joinRuns(runs))).toBe(JSON.stringify(collectPostings(docs)));
  });

  it('join into a run that is the very run of all their documents, and joins on like one', () => {
    const runs = issueRuns(docs).map(runPostings);
    const joiner = new RunJoiner();
    for (const run of runs) joiner.add(run);
    expect(joiner.toRun()).toBe(runPostings(docs));
    // Cut into pieces of a few lines each, as it is written to the cache.
    const pieces = [...joiner.runPieces(200)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(runPostings(docs));
    const file = join(freshCache(), 'joined.postings');
    writeRunFile(file, joiner.runPieces(200));
    expect(readRunFile(file)).toBe(runPostings(docs));
    // A stretch joined into one run, then joined after the runs before it.
    const tail = new RunJoiner().add(runs[1]!).add(runs[2]!).toRun();
    expect(JSON.stringify(joinRuns([runs[0]!, tail]))).toBe(JSON.stringify(collectPostings(docs)));
  });

  it('keep a document at the start of a run and one alone in its run right', () => {
    const cut = [[docs[0]!], docs.slice(1, 7), [docs[7]!], docs.slice(8)];
    expect(JSON.stringify(joinRuns(cut.map(runPostings)))).toBe(JSON.stringify(collectPostings(docs)));
  });

  it('keep terms that are signs the run format itself uses', () => {
    const signs = [docs[0]!, { ...docs[1]!, body: '占比 32%，同比增长 5%。\t某%公司 . ..' }, { ...docs[2]!, title: '%%' }];
    expect(JSON.stringify(joinRuns(signs.map((d) => runPostings([d]))))).toBe(JSON.stringify(collectPostings(signs)));
  });
});

describe('the cached search build', () => {
  it('writes byte for byte what the uncached build writes, from an empty cache and from a full one', async () => {
    const cacheDir = freshCache();
    const expected = JSON.stringify(buildSearchData(docs, 'x'));
    const first = await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    expect(first.runsMade).toBe(issueRuns(docs).length);
    const second = await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    expect(second.runsMade).toBe(0);
    for (const built of [first, second]) {
      const { runsMade, ...data } = built;
      expect(JSON.stringify(data)).toBe(expected);
    }
  });

  it('writes the shards into the site from the joining worker, the same files a build that hands them back writes', async () => {
    const cacheDir = freshCache();
    await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    const more = [...oneMoreIssue(docs), ...docs];
    const expected = freshCache();
    await writeSearchData(expected, buildSearchData(more, 'y'));
    // Into a folder holding the older build's search files, one more issue, as a rebuild does.
    const site = freshCache();
    await writeSearchData(site, buildSearchData(docs, 'x'));
    const { runsMade, ...data } = await buildSearchDataCached(more, 'y', { cacheDir, inThreadBelow: 0, shardsTo: { outDir: site, previous: null } });
    expect(runsMade).toBe(1);
    expect(data.shards).toEqual([]);
    expect(data.shardsWritten!.shardCount).toBe(buildSearchData(more, 'y').meta.shardCount);
    const { written } = await writeSearchData(site, data);
    expect(written).toBeGreaterThan(0);
    expect(listFiles(site)).toEqual(listFiles(expected));
    for (const file of listFiles(expected)) expect(readFileSync(join(site, file)).equals(readFileSync(join(expected, file))), file).toBe(true);
  });

  it('builds a small site in its own thread, from and into the same cache, with the same bytes', async () => {
    const cacheDir = freshCache();
    const inThread = { cacheDir, inThreadBelow: docs.length + 1 };
    const expected = JSON.stringify(buildSearchData(docs, 'x'));
    const { runsMade, ...first } = await buildSearchDataCached(docs, 'x', inThread);
    expect(runsMade).toBe(issueRuns(docs).length);
    expect(cachedRunFiles(cacheDir)).toHaveLength(issueRuns(docs).length);
    const { runsMade: again, ...second } = await buildSearchDataCached(docs, 'x', inThread);
    expect(again).toBe(0);
    expect(JSON.stringify(first)).toBe(expected);
    expect(JSON.stringify(second)).toBe(expected);
  });

  it('tokenises only the new issue when one more is added, and gives what a build from scratch gives', async () => {
    const cacheDir = freshCache();
    await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    const more = [...oneMoreIssue(docs), ...docs];
    const { runsMade, ...data } = await buildSearchDataCached(more, 'y', { cacheDir, inThreadBelow: 0 });
    expect(runsMade).toBe(1);
    expect(JSON.stringify(data)).toBe(JSON.stringify(buildSearchData(more, 'y')));
    // The new issue's run was cached as it was joined: the next build tokenises nothing.
    const again = await buildSearchDataCached(more, 'y', { cacheDir, inThreadBelow: 0 });
    expect(again.runsMade).toBe(0);
    expect(JSON.stringify({ ...again, runsMade: 1 })).toBe(JSON.stringify({ ...data, runsMade: 1 }));
  });

  it('makes a run again when one of its documents changes, and never reads the old one', async () => {
    const cacheDir = freshCache();
    await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    const edited = docs.map((d, i) => (i === 3 ? { ...d, body: `${d.body}\n更正：某公司的数字为三成。` } : d));
    const { runsMade, ...data } = await buildSearchDataCached(edited, 'x', { cacheDir, inThreadBelow: 0 });
    expect(runsMade).toBe(1);
    expect(JSON.stringify(data)).toBe(JSON.stringify(buildSearchData(edited, 'x')));
  });

  it('keys a run by the code that made it as well as by its documents', () => {
    const run = issueRuns(docs)[0]!;
    expect(runCacheFile('c', run, 'code-a')).not.toBe(runCacheFile('c', run, 'code-b'));
    expect(runCacheFile('c', run, 'code-a')).toBe(runCacheFile('c', [...run], 'code-a'));
  });

  it('still builds the right index when the joined run or an issue\'s run in the cache is damaged', async () => {
    const cacheDir = freshCache();
    await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    const cut = (file: string) => writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    const runFiles = issueRuns(docs).map((run) => runCacheFile(cacheDir, run));
    cut(joinedCacheFiles(cacheDir, runFiles)[0]!);
    const fromRuns = await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    expect(fromRuns.runsMade).toBe(0);
    expect(JSON.stringify({ ...fromRuns, runsMade: 0 })).toBe(JSON.stringify({ ...buildSearchData(docs, 'x'), runsMade: 0 }));
    cut(joinedCacheFiles(cacheDir, runFiles)[0]!);
    cut(runFiles[1]!);
    const { runsMade, ...data } = await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    expect(runsMade).toBe(0);
    expect(JSON.stringify(data)).toBe(JSON.stringify(buildSearchData(docs, 'x')));
  });

  it('reads the issues after a new one from their joined run, and keeps only that one and the newest', async () => {
    const cacheDir = freshCache();
    await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    const runFiles = issueRuns(docs).map((run) => runCacheFile(cacheDir, run));
    const joinedBefore = joinedCacheFiles(cacheDir, runFiles)[0]!;
    // The issues' own runs are gone: only the joined run can give their postings.
    for (const file of runFiles) rmSync(file);
    const more = [...oneMoreIssue(docs), ...docs];
    const { runsMade, ...data } = await buildSearchDataCached(more, 'y', { cacheDir, inThreadBelow: 0 });
    expect(runsMade).toBe(1);
    expect(JSON.stringify(data)).toBe(JSON.stringify(buildSearchData(more, 'y')));
    const joinedNow = joinedCacheFiles(cacheDir, issueRuns(more).map((run) => runCacheFile(cacheDir, run)));
    expect(joinedNow[1]).toBe(joinedBefore);
    const joined = () => readdirSync(cacheDir).filter((name) => name.endsWith('.joined')).sort();
    expect(joined()).toEqual([basename(joinedNow[0]!), basename(joinedBefore)].sort());
    // The new issue removed again: its joined run is still there, so nothing is tokenised.
    const undone = await buildSearchDataCached(docs, 'x', { cacheDir, inThreadBelow: 0 });
    expect(undone.runsMade).toBe(0);
    expect(JSON.stringify({ ...undone, runsMade: 0 })).toBe(JSON.stringify({ ...buildSearchData(docs, 'x'), runsMade: 0 }));
    // Two more issues on: the joined run of the archive before both is no longer kept.
    const later = oneMoreIssue(docs).map((d, i) => ({ ...d, id: `2021-03-x/${i}/`, issue: '2021-03-x', date: '2021-03-01' }));
    await buildSearchDataCached(more, 'y', { cacheDir, inThreadBelow: 0 });
    const evenMore = [...later, ...more];
    await buildSearchDataCached(evenMore, 'z', { cacheDir, inThreadBelow: 0 });
    const joinedLater = joinedCacheFiles(cacheDir, issueRuns(evenMore).map((run) => runCacheFile(cacheDir, run)));
    expect(joined()).toEqual([basename(joinedLater[0]!), basename(joinedLater[1]!)].sort());
    expect(joined()).not.toContain(basename(joinedBefore));
  });

  it('joins many new issues in workers, each taking a stretch, with the same bytes as in this thread', async () => {
    const many = Array.from({ length: 6 }, (_, k) => docs.slice(0, 4).map((d, i) => ({ ...d, id: `2019-0${k + 1}-x/${i}/`, issue: `2019-0${k + 1}-x`, body: `${d.body}\n第${k}期第${i}篇。` }))).flat();
    const expected = JSON.stringify(buildSearchData(many, 'z'));
    for (const inThreadBelow of [0, many.length + 1]) {
      const { runsMade, ...data } = await buildSearchDataCached(many, 'z', { cacheDir: freshCache(), inThreadBelow });
      expect(runsMade).toBe(6);
      expect(JSON.stringify(data)).toBe(expected);
    }
  });
});

describe('pruning the cache', () => {
  it('deletes the runs no build has used for a month, and keeps the used and the recent ones', async () => {
    const cache = freshCache();
    await buildSearchDataCached(docs, 'b', { cacheDir: cache, inThreadBelow: Infinity });
    const used = cachedRunFiles(cache);
    const longAgo = (Date.now() - (UNUSED_RUN_DAYS + 5) * 86_400_000) / 1000;
    // An edited issue's old run, a killed build's unfinished file, both long unused; a run another site used lately.
    writeFileSync(join(cache, 'an-old-edit.postings'), '1\t\n.');
    writeFileSync(join(cache, 'an-old-edit.postings.123.abc.tmp'), '1\t');
    writeFileSync(join(cache, 'another-site.postings'), '1\t\n.');
    utimesSync(join(cache, 'an-old-edit.postings'), longAgo, longAgo);
    utimesSync(join(cache, 'an-old-edit.postings.123.abc.tmp'), longAgo, longAgo);
    // This build's runs are old too: using them marks them used again.
    for (const name of used) utimesSync(join(cache, name), longAgo, longAgo);
    const built = await buildSearchDataCached(docs, 'b', { cacheDir: cache, inThreadBelow: Infinity });
    expect(built.runsMade).toBe(0);
    const left = readdirSync(cache);
    expect(left).not.toContain('an-old-edit.postings');
    expect(left).not.toContain('an-old-edit.postings.123.abc.tmp');
    expect(left).toContain('another-site.postings');
    for (const name of used) {
      expect(left).toContain(name);
      expect(Date.now() - statSync(join(cache, name)).mtimeMs).toBeLessThan(60_000);
    }
  });
});

describe('consecutive shares of the runs', () => {
  it('keep the order, leave none empty and split by weight', () => {
    expect(consecutiveShares([1, 1, 1, 1], 2, (w) => w)).toEqual([[1, 1], [1, 1]]);
    expect(consecutiveShares([6, 1, 1, 1, 1], 2, (w) => w)).toEqual([[6], [1, 1, 1, 1]]);
    expect(consecutiveShares([1, 1, 1, 1, 6], 2, (w) => w)).toEqual([[1, 1, 1, 1], [6]]);
    expect(consecutiveShares([5], 2, (w) => w)).toEqual([[5]]);
    expect(consecutiveShares([], 2, (w: number) => w)).toEqual([]);
  });
});
