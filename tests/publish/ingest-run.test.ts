import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../src/publish/ingest-run.ts';
import { formatResult } from '../../src/publish/report.ts';
import { gbk, smallBulletin } from './invent-bulletin.ts';

async function project(): Promise<{ dir: string; seeds: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'publish-'));
  await mkdir(join(dir, 'seeds'));
  return { dir, seeds: join(dir, 'seeds'), out: join(dir, 'content') };
}

async function articles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name).slice(out.length + 1)).sort();
}

async function sourcesIn(out: string): Promise<string[]> {
  const found = new Set<string>();
  for (const path of await articles(out)) found.add(/^source: (.*)$/m.exec(await readFile(join(out, path), 'utf8'))![1]);
  return [...found].sort();
}

describe('runIngest', () => {
  it('treats two bulletins with the same file name in different folders as two sources', async () => {
    const { dir, out } = await project();
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a/x.txt'), smallBulletin('甲'));
    await writeFile(join(dir, 'b/x.txt'), smallBulletin('乙'));
    expect((await runIngest({ paths: [join(dir, 'a/x.txt')], outDir: out })).errors).toEqual([]);
    expect((await runIngest({ paths: [join(dir, 'b/x.txt')], outDir: out })).errors).toEqual([]);
    expect(await sourcesIn(out)).toEqual([join(dir, 'a/x.txt'), join(dir, 'b/x.txt')].sort());
    expect(await articles(out)).toHaveLength(4);
  });

  it('does no ingest work when nothing changed, and says so only then', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    const first = await runIngest({ paths: [seeds], outDir: out });
    expect(first.ingested).toHaveLength(1);
    const stamp = (await stat(out)).mtimeMs;

    const second = await runIngest({ paths: [seeds], outDir: out });
    expect(second.ingested).toEqual([]);
    expect(second.changed).toBe(false);
    expect((await stat(out)).mtimeMs).toBe(stamp);
    expect(formatResult(second, 'content').out).toMatch(/up to date: 1 bulletin unchanged/);

    await writeFile(join(seeds, 'one.yml'), 'publication: 另一份月报\n');
    const third = await runIngest({ paths: [seeds], outDir: out });
    expect(third.ingested).toEqual([join(seeds, 'one.txt')]);
    expect(formatResult(third, 'content').out).not.toMatch(/up to date|nothing/);
  });

  it('unpublishes a bulletin removed from the folder, and reports that as a change', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'two.txt'), smallBulletin('乙'));
    await runIngest({ paths: [seeds], outDir: out });
    await rm(join(seeds, 'two.txt'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.unpublished).toEqual([join(seeds, 'two.txt')]);
    expect(await sourcesIn(out)).toEqual([join(seeds, 'one.txt')]);
    expect(formatResult(result, 'content').out).toMatch(/unpublished: .*two\.txt/);
  });

  it('unpublishes the last bulletin when it is removed too, leaving an empty site', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await runIngest({ paths: [seeds], outDir: out });
    await rm(join(seeds, 'one.txt'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.unpublished).toEqual([join(seeds, 'one.txt')]);
    expect(await articles(out)).toEqual([]);
  });

  it('refuses a symlink in seeds/, naming it and its target, and publishes nothing', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await symlink('/etc/passwd', join(seeds, 'passwd.txt'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/passwd\.txt: is a symbolic link \(to \/etc\/passwd\), which is never read/);
    expect(await articles(out)).toEqual([]);
  });

  it('gives a clear error for a folder named like a bulletin', async () => {
    const { seeds, out } = await project();
    await mkdir(join(seeds, 'x.txt'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/x\.txt: is a folder named like a bulletin, not a text file\n  → rename the folder/);
  });

  it('refuses an --out that is an existing file, and leaves the file alone', async () => {
    const { dir, seeds } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(dir, 'report.txt'), '不可丢失');
    const result = await runIngest({ paths: [seeds], outDir: join(dir, 'report.txt') });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/report\.txt: the output is an existing file, not a folder/);
    expect(await readFile(join(dir, 'report.txt'), 'utf8')).toBe('不可丢失');
  });

  it('refuses to write into the seeds folder itself', async () => {
    const { seeds } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    const result = await runIngest({ paths: [seeds], outDir: seeds });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/the output folder is the bulletins being read/);
    expect(await readdir(seeds)).toEqual(['one.txt']);
  });

  it('skips the same bulletin under a second name with a notice naming the first', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'a.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'b-copy.txt'), smallBulletin('甲'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/b-copy\.txt: the same bulletin as .*a\.txt \(identical bytes\); skipped/);
    expect(await sourcesIn(out)).toEqual([join(seeds, 'a.txt')]);
  });

  it('rejects two files that claim the same issue id, naming both, and writes nothing', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'a.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'b.txt'), smallBulletin('乙'));
    await writeFile(join(seeds, 'a.yml'), 'issue: 2021-03-same\n');
    await writeFile(join(seeds, 'b.yml'), 'issue: 2021-03-same\n');
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/b\.txt: claims issue "2021-03-same", which .*a\.txt claims too/);
    expect(await articles(out)).toEqual([]);
  });

  it('warns on a bulletin without date or publication, and in strict mode refuses it with the line to add', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'bare.txt'), smallBulletin('甲', { publication: undefined, date: undefined }));
    const lenient = await runIngest({ paths: [seeds], outDir: join(out, '..', 'lenient') });
    expect(lenient.errors).toEqual([]);
    expect(lenient.reports[0].warnings.map((w) => w.kind)).toEqual(expect.arrayContaining(['no-date', 'no-publication']));

    const strict = await runIngest({ paths: [seeds], outDir: out, strict: true });
    const messages = strict.errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/bare\.txt: no date was found.*\n  → add the line "date: YYYY-MM-DD" .* to .*bare\.yml/);
    expect(messages).toMatch(/bare\.txt: no publication name was found.*\n  → add the line "publication: /);
    expect(await articles(out)).toEqual([]);
  });

  it('refuses a file above the size limit without reading it as an issue', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'archive.txt'), Buffer.alloc(6 * 1024 * 1024, 0x41));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/archive\.txt: the file is 6\.0 MB, more than the 5 MB a bulletin may have/);
  });

  it('cleans up the leftovers of a run killed mid-swap before it writes', async () => {
    const { dir, seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await runIngest({ paths: [seeds], outDir: out });
    await mkdir(join(dir, 'content.staging-4242'));
    await mkdir(join(dir, 'content.retired-4242'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.notices.join('\n')).toMatch(/removed .*content\.staging-4242/);
    expect((await readdir(dir)).filter((n) => n.startsWith('content.'))).toEqual([]);
  });

  it('warns that a bulletin cut short at a character boundary ends mid-sentence', async () => {
    const { seeds, out } = await project();
    const whole = smallBulletin('甲');
    const last = '该芯片将率先用于数据中心。';
    await writeFile(join(seeds, 'half.txt'), whole.slice(0, whole.indexOf(last) + 5));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.reports[0].warnings).toContainEqual(expect.objectContaining({ kind: 'bulletin-cut', message: expect.stringMatching(/ends mid-sentence .*was the file cut short/) }));
  });
  it('leaves the bulletins of a subfolder published when the folder above is ingested, and unpublishes only what left the folder itself', async () => {
    const { dir, out } = await project();
    const folder = join(dir, 't');
    await mkdir(join(folder, 'a'), { recursive: true });
    await mkdir(join(folder, 'b'));
    await writeFile(join(folder, 'a/x.txt'), smallBulletin('甲'));
    await writeFile(join(folder, 'b/x.txt'), smallBulletin('乙'));
    await writeFile(join(folder, 'gone.txt'), smallBulletin('丙'));
    expect((await runIngest({ paths: [join(folder, 'a/x.txt')], outDir: out })).errors).toEqual([]);
    expect((await runIngest({ paths: [join(folder, 'b/x.txt')], outDir: out })).errors).toEqual([]);
    expect((await runIngest({ paths: [folder], outDir: out })).errors).toEqual([]);
    await rm(join(folder, 'gone.txt'));

    const result = await runIngest({ paths: [folder], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.unpublished).toEqual([join(folder, 'gone.txt')]);
    expect(await sourcesIn(out)).toEqual([join(folder, 'a/x.txt'), join(folder, 'b/x.txt')]);
  });

  it('reads a bulletin again when one of its articles was deleted or damaged in the output folder', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'two.txt'), smallBulletin('乙'));
    await runIngest({ paths: [seeds], outDir: out });
    const paths = await articles(out);
    const before = await Promise.all(paths.map((p) => readFile(join(out, p), 'utf8')));
    const deleted = paths.find((_, i) => before[i].includes(`source: ${join(seeds, 'one.txt')}`))!;
    const damaged = paths.find((_, i) => before[i].includes(`source: ${join(seeds, 'two.txt')}`))!;
    await rm(join(out, deleted));
    await writeFile(join(out, damaged), 'oops\n');

    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.ingested.sort()).toEqual([join(seeds, 'one.txt'), join(seeds, 'two.txt')]);
    expect(await articles(out)).toEqual(paths);
    expect(await Promise.all(paths.map((p) => readFile(join(out, p), 'utf8')))).toEqual(before);
    expect(result.notices.join('\n')).toContain(`${out}/${deleted} deleted or changed by hand`);
    expect(result.notices.join('\n')).toContain(`${out}/${damaged} deleted or changed by hand`);
    expect((await runIngest({ paths: [seeds], outDir: out })).changed).toBe(false);

    // An edit that keeps the file's size is noticed by its hash.
    await writeFile(join(out, deleted), before[paths.indexOf(deleted)].replace('甲', '丁'));
    const again = await runIngest({ paths: [seeds], outDir: out });
    expect(again.ingested).toEqual([join(seeds, 'one.txt')]);
    expect(await readFile(join(out, deleted), 'utf8')).toBe(before[paths.indexOf(deleted)]);
  });

  it('keeps the published bulletin, with its corrections and issue, when an identical copy that sorts first appears', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'new2.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'new2.yml'), 'issue: 2099-06-custom\narticles:\n  - match: 甲研究团队发布新型芯片\n    drop: true\n');
    expect((await runIngest({ paths: [seeds], outDir: out })).errors).toEqual([]);
    const before = await articles(out);
    expect(before).toEqual([expect.stringMatching(/^2099-06-custom\//)]);

    await copyFile(join(seeds, 'new2.txt'), join(seeds, 'a-dup.txt'));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/a-dup\.txt: the same bulletin as .*new2\.txt \(identical bytes\); skipped/);
    expect(result.changed).toBe(false);
    expect(await sourcesIn(out)).toEqual([join(seeds, 'new2.txt')]);
    expect(await articles(out)).toEqual(before);
  });

  it('publishes, of identical copies none of which is published yet, the one with a correction file', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'a-copy.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'b.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'b.yml'), 'issue: 2099-06-corrected\n');
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/a-copy\.txt: the same bulletin as .*b\.txt \(identical bytes\); skipped/);
    expect(await sourcesIn(out)).toEqual([join(seeds, 'b.txt')]);
    expect((await articles(out)).every((p) => p.startsWith('2099-06-corrected/'))).toBe(true);
  });

  it('reads a bulletin named twice, as itself and in its folder, once, and keeps it published', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'a.txt'), smallBulletin('甲'));
    expect((await runIngest({ paths: [seeds], outDir: out })).errors).toEqual([]);
    await writeFile(join(seeds, 'a.txt'), smallBulletin('乙'));
    const result = await runIngest({ paths: [join(seeds, 'a.txt'), seeds], outDir: out });
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.ingested).toEqual([join(seeds, 'a.txt')]);
    expect(await sourcesIn(out)).toEqual([join(seeds, 'a.txt')]);
  });

  it('reads a correction file saved as GBK or as UTF-16 with a byte-order mark like a bulletin, not as mojibake', async () => {
    const corrections = 'publication: 甲乙行业月报\nissue: 2021-03-jiayi\n';
    for (const bytes of [gbk(corrections), Buffer.from(`\uFEFF${corrections}`, 'utf16le')]) {
      const { seeds, out } = await project();
      await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
      await writeFile(join(seeds, 'one.yml'), bytes);
      const result = await runIngest({ paths: [seeds], outDir: out });
      expect(result.errors).toEqual([]);
      expect(result.reports[0].meta).toMatchObject({ publication: '甲乙行业月报', issue: '2021-03-jiayi' });
      expect(await readFile(join(out, (await articles(out))[0]), 'utf8')).toMatch(/^publication: 甲乙行业月报$/m);
    }
  });

  it('refuses a correction file that is no text encoding, naming the file and the byte', async () => {
    const { seeds, out } = await project();
    await writeFile(join(seeds, 'one.txt'), smallBulletin('甲'));
    await writeFile(join(seeds, 'one.yml'), new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x3a, 0x20, 0xff, 0xff, 0x0a]));
    const result = await runIngest({ paths: [seeds], outDir: out });
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/one\.yml:1: the bytes are neither UTF-8, UTF-16 nor GB18030\/GBK text; the first byte that is not UTF-8 is at byte 6/);
    expect(await articles(out)).toEqual([]);
  });
});
