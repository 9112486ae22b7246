import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eleventyProcess } from '../../src/publish/build-site.ts';
import { WarmEleventy } from '../../src/publish/warm-eleventy.ts';
import { ROOT } from './temp-project.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/site-content');
const ISSUE = '2020-11-xxcyjc';

describe('one Eleventy process kept warm for npm start', () => {
  const warm = new WarmEleventy();
  let dir: string;
  let content: string;
  // Each build into its own new folder: no earlier build to reuse pages from.
  const job = (name: string) => ({ cwd: ROOT, output: join(dir, name), contentDir: content, previous: join(dir, name) });
  const issuePage = (name: string) => readFile(join(dir, name, ISSUE, 'index.html'), 'utf8');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warm-eleventy-'));
    content = join(dir, 'content');
    await cp(FIXTURE, content, { recursive: true });
  });
  afterAll(async () => {
    warm.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('builds the same site as a new Eleventy process does', async () => {
    expect((await warm.run(job('warm'))).code).toBe(0);
    expect((await eleventyProcess(job('cold'))).code).toBe(0);
    // The search build id and offline manifest hash what was built, so equal pages and equal
    // search data make equal files.
    for (const page of [`${ISSUE}/index.html`, 'index.html', 'search/meta.js', 'sw.js']) {
      expect(await readFile(join(dir, 'warm', page), 'utf8'), page).toBe(await readFile(join(dir, 'cold', page), 'utf8'));
    }
  }, 120_000);

  it('shows what content/ holds at each build, never what an earlier build read', async () => {
    const before = await issuePage('warm');
    const [first] = (before.match(/<h[23] class="article-item-title"><a href="[^"]+">([^<]+)</) ?? []).slice(1);
    expect(first).toBeTruthy();
    const files = (await readdir(join(content, ISSUE))).filter((f) => f.endsWith('.md'));
    const removed = await Promise.all(files.map(async (f) => [f, await readFile(join(content, ISSUE, f), 'utf8')] as const));
    const match = removed.find(([, text]) => text.includes(`title: ${first}`) || text.includes(`title: '${first}'`) || text.includes(`title: "${first}"`));
    expect(match, `the file of ${first}`).toBeDefined();
    await rm(join(content, ISSUE, match![0]));
    expect((await warm.run(job('after-removal'))).code).toBe(0);
    expect(await issuePage('after-removal')).not.toContain(first);
  }, 120_000);

  it('starts a new process when the warm one has died', async () => {
    const pid = warm.pid!;
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    const { code } = await warm.run(job('after-kill'));
    expect(code).toBe(0);
    expect(await issuePage('after-kill')).toContain('<h1');
    expect(warm.pid).not.toBe(pid);
  }, 120_000);
});
