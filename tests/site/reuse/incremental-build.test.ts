import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIOUS_SITE_ENV } from '../../../src/site/eleventy/site-data.ts';
import { FIXTURE_CONTENT } from '../../helpers/build-site.ts';

/** Eleventy's command line, as npm run build:site runs it, with the previous site given or not. */
function build(content: string, output: string, previous?: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: content };
  delete env[PREVIOUS_SITE_ENV];
  if (previous) env[PREVIOUS_SITE_ENV] = previous;
  execFileSync(process.execPath, ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', `--output=${output}`], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

function files(site: string): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file of `site` is in `reference` with the same bytes, and no other. */
function expectSameSite(site: string, reference: string): void {
  expect(files(site)).toEqual(files(reference));
  for (const file of files(reference)) expect(readFileSync(join(site, file)).equals(readFileSync(join(reference, file))), file).toBe(true);
}

describe('a build that reuses the unchanged pages of the previous one', () => {
  let dir: string;
  let before: string;
  let incremental: string;
  let inPlace: string;
  let fromScratch: string;
  const [olderIssue, newerIssue] = readdirSync(FIXTURE_CONTENT).sort();
  const editedFile = readdirSync(join(FIXTURE_CONTENT, olderIssue!)).sort()[1]!;
  const edited = `${olderIssue}/${editedFile.replace(/\.md$/, '')}/index.html`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'incremental-build-'));
    before = join(dir, 'before');
    build(FIXTURE_CONTENT, before);
    // The month after: a new issue (the newer one's articles again, under a new id and date),
    // one older article edited, one removed.
    const content = join(dir, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const added = '2031-07-nextmonth';
    cpSync(join(content, newerIssue!), join(content, added), { recursive: true });
    for (const name of readdirSync(join(content, added))) {
      const file = join(content, added, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^issue: .*$/m, `issue: ${added}`).replace(/^date: .*$/m, 'date: "2031-07-01"'));
    }
    const editedPath = join(content, olderIssue!, editedFile);
    writeFileSync(editedPath, `${readFileSync(editedPath, 'utf8')}\n\n补记：本段为编辑后补充的一句话。\n`);
    const removed = readdirSync(join(content, newerIssue!)).sort().at(-1)!;
    rmSync(join(content, newerIssue!, removed));

    incremental = join(dir, 'incremental');
    build(content, incremental, before);
    inPlace = join(dir, 'in-place');
    cpSync(before, inPlace, { recursive: true });
    build(content, inPlace);
    fromScratch = join(dir, 'from-scratch');
    build(content, fromScratch);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same files, byte for byte, as a build from scratch', () => {
    expectSameSite(incremental, fromScratch);
  });

  it('takes unchanged pages from the previous site instead of rendering them, and renders a changed one', () => {
    const linked = files(incremental).filter((file) => file.endsWith('.html') && statSync(join(incremental, file)).ino === statSync(join(before, file), { throwIfNoEntry: false })?.ino);
    expect(linked.length).toBeGreaterThan(0);
    expect(statSync(join(incremental, edited)).ino).not.toBe(statSync(join(before, edited)).ino);
    expect(readFileSync(join(incremental, edited), 'utf8')).toContain('补记：本段为编辑后补充的一句话。');
  });

  it('takes the search files the previous site holds byte for byte from it, and writes the changed ones', () => {
    const sameFile = (file: string) => statSync(join(incremental, file)).ino === statSync(join(before, file), { throwIfNoEntry: false })?.ino;
    // The older issue's texts keep their names though the new issue renumbers every document.
    const texts = files(incremental).filter((file) => file.startsWith(`search/text/${olderIssue}/`));
    expect(texts.length).toBeGreaterThan(1);
    // All but the edited article's, whose text changed.
    expect(texts.filter(sameFile)).toHaveLength(texts.length - 1);
    // The meta file holds the build id: always written.
    expect(sameFile('search/meta.js')).toBe(false);
  });

  it('built again in the same folder, has every page of a build from scratch', () => {
    // A build in place leaves the pages of a removed article, as Eleventy always has (so its
    // offline manifest lists them too); every page is the build from scratch's.
    for (const file of files(fromScratch).filter((f) => f.endsWith('.html'))) expect(readFileSync(join(inPlace, file)).equals(readFileSync(join(fromScratch, file))), file).toBe(true);
  });
});

describe('a build on top of the site the published one replaced (npm start keeps it as a spare)', () => {
  let dir: string;
  let published: string;
  let spare: string;
  let fromScratch: string;
  let publishedBefore: Map<string, Buffer>;
  let spareInodes: Map<string, number>;
  const [olderIssue, newerIssue] = readdirSync(FIXTURE_CONTENT).sort();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spare-build-'));
    const content = join(dir, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    // The spare: the site as first published. The published site: built on it with one more
    // issue, so the two share the files of every unchanged page.
    spare = join(dir, 'spare');
    build(content, spare);
    const added = '2031-07-nextmonth';
    cpSync(join(content, newerIssue!), join(content, added), { recursive: true });
    for (const name of readdirSync(join(content, added))) {
      const file = join(content, added, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^issue: .*$/m, `issue: ${added}`).replace(/^date: .*$/m, 'date: "2031-07-01"'));
    }
    published = join(dir, 'published');
    build(content, published, spare);
    // Then the published site built in place after an edit that keeps the page's size (one
    // character for another of as many bytes), writing into a file it shares with the spare.
    const editedFile = readdirSync(join(content, olderIssue!)).sort()[0]!;
    const editedPath = join(content, olderIssue!, editedFile);
    const original = readFileSync(editedPath, 'utf8');
    const body = original.indexOf('---', 3) + 3;
    const stop = original.indexOf('。', body);
    expect(stop).toBeGreaterThan(0);
    writeFileSync(editedPath, `${original.slice(0, stop)}！${original.slice(stop + 1)}`);
    build(content, published);
    // And the next month's build, on the spare: that edit undone (the spare's keys now say the
    // right thing of a file that no longer holds it), another edit, an article removed.
    writeFileSync(editedPath, original);
    const second = join(content, olderIssue!, readdirSync(join(content, olderIssue!)).sort()[1]!);
    writeFileSync(second, `${readFileSync(second, 'utf8')}\n\n补记：编辑后补充的一句话。\n`);
    rmSync(join(content, newerIssue!, readdirSync(join(content, newerIssue!)).sort().at(-1)!));
    publishedBefore = new Map(files(published).map((file) => [file, readFileSync(join(published, file))]));
    spareInodes = new Map(files(spare).map((file) => [file, statSync(join(spare, file)).ino]));
    build(content, spare, published);
    fromScratch = join(dir, 'from-scratch');
    build(content, fromScratch);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same files, byte for byte, as a build from scratch', () => {
    expectSameSite(spare, fromScratch);
  });

  it('leaves every byte of the published site as it was', () => {
    expect(files(published)).toEqual([...publishedBefore.keys()]);
    for (const [file, bytes] of publishedBefore) expect(readFileSync(join(published, file)).equals(bytes), file).toBe(true);
  });

  it('keeps in place the pages that are still right, and takes or renders the others', () => {
    const pages = files(spare).filter((file) => file.endsWith('.html'));
    const inPlace = pages.filter((file) => statSync(join(spare, file)).ino === spareInodes.get(file));
    expect(inPlace.length).toBeGreaterThan(0);
    expect(inPlace.length).toBeLessThan(pages.length);
  });
});
