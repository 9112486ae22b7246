import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { smallBulletin } from '../publish/invent-bulletin.ts';
import { TSX, tempProject } from '../publish/temp-project.ts';

/** Polls until `check` holds (a rebuild takes seconds), failing with what it saw last. */
async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(value).slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 200));
    value = await probe();
  }
  return value;
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, text: await res.text() };
};

async function filesMentioning(dir: string, needle: string): Promise<string[]> {
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const hits: string[] = [];
  for (const e of entries) if ((await readFile(join(e.parentPath, e.name), 'utf8')).includes(needle)) hits.push(join(e.parentPath, e.name).slice(dir.length));
  return hits;
}

describe('npm start', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    dir = await tempProject({ 'one.txt': smallBulletin('甲', { head: '---\nissue: 2021-03-one\n---' }) });
    child = spawn(TSX, ['scripts/start.ts', '--port', '0'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const line = await until('the server to start', async () => /serving (http:\/\/localhost:\d+)\//.exec(output), (m) => m !== null, 180_000);
    url = line![1];
  }, 200_000);

  afterAll(() => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  });

  it('serves the built site over HTTP', async () => {
    const home = await get(`${url}/`);
    expect(home.status).toBe(200);
    expect(home.text).toContain('甲地区推进数字经济发展');
    expect((await get(`${url}/2021-03-one/`)).status).toBe(200);
  });

  it('publishes a bulletin dropped into seeds/, then unpublishes it everywhere when it is removed', async () => {
    const issue = '2021-03-two';
    await writeFile(join(dir, 'seeds/two.txt'), smallBulletin('乙', { head: `---\nissue: ${issue}\n---` }));
    const page = await until('the new issue page', () => get(`${url}/${issue}/`), (r) => r.status === 200);
    // The issue page links its articles relatively: href="<slug>/".
    const slugs = [...page.text.matchAll(/href="([a-z0-9-]+)\/"/g)].map((m) => m[1]).filter((s) => s !== 'print');
    expect(slugs).toHaveLength(2);
    const articleHref = `${issue}/${slugs[1]}/`;
    expect((await get(`${url}/${articleHref}`)).text).toContain('乙研究团队发布新型芯片');
    for (const path of ['/', '/archive/', '/feed.xml', '/sitemap.xml']) expect((await get(`${url}${path}`)).text, path).toContain(issue);
    // The search data lists the issue (its removal below must take it out again).
    expect((await get(`${url}/search/meta.js`)).text).toContain(issue);

    await rm(join(dir, 'seeds/two.txt'));
    await until('the issue page to go', () => get(`${url}/${issue}/`), (r) => r.status === 404);
    expect((await get(`${url}/${articleHref}`)).status).toBe(404);
    for (const path of ['/', '/archive/', '/feed.xml', '/sitemap.xml', '/search/meta.js']) expect((await get(`${url}${path}`)).text, path).not.toContain(issue);
    expect(await filesMentioning(join(dir, '_site'), issue)).toEqual([]);
    expect(await filesMentioning(join(dir, '_site'), '乙研究团队')).toEqual([]);
    expect((await get(`${url}/`)).text).toContain('甲地区推进数字经济发展');
  }, 240_000);

  it('rebuilds when a correction file is saved, and shows each bulletin and its warnings on the review page', async () => {
    await writeFile(join(dir, 'seeds/one.yml'), 'articles:\n  - match: 甲研究团队\n    title: 甲团队发布能效翻倍的芯片\n  - match: 没有这篇文章\n    drop: true\n');
    await until('the renamed article', () => get(`${url}/2021-03-one/`), (r) => r.text.includes('甲团队发布能效翻倍的芯片'));
    const review = await get(`${url}/review/`);
    expect(review.status).toBe(200);
    expect(review.text).toMatch(/2021-03-one[\s\S]*seeds\/one\.txt[\s\S]*seeds\/one\.yml/);
    expect(review.text).toMatch(/correction-unmatched \(1\)[\s\S]*seeds\/one\.yml:4/);
    // The summary at the top links each bulletin to its part of the page and its issue page.
    expect(review.text).toMatch(/<table class="summary">[\s\S]*href="#2021-03-one"[\s\S]*href="\/2021-03-one\/"[\s\S]*<\/table>/);
    expect(await filesMentioning(join(dir, '_site'), '审阅')).toEqual([]);
  }, 240_000);

  it('shows a bad correction file on the review page and keeps the site as it was', async () => {
    await writeFile(join(dir, 'seeds/one.yml'), 'datum: 2021-03-31\n');
    const review = await until('the error on the review page', () => get(`${url}/review/`), (r) => r.text.includes('unknown key'));
    expect(review.text).toMatch(/seeds\/one\.yml:1: unknown key &quot;datum&quot; \(did you mean &quot;date&quot;\?\)/);
    expect((await get(`${url}/2021-03-one/`)).text).toContain('甲团队发布能效翻倍的芯片');
    // Fixed again: the next rebuild publishes, and the article gets its found title back.
    await rm(join(dir, 'seeds/one.yml'));
    await until('the fixed site', () => get(`${url}/2021-03-one/`), (r) => r.text.includes('甲研究团队发布新型芯片'));
    expect((await get(`${url}/review/`)).text).not.toContain('unknown key');
  }, 240_000);

  it('reloads the page open in a real browser when a bulletin is dropped in', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/`);
      expect(await page.textContent('body')).not.toContain('丙地区推进数字经济发展');
      await writeFile(join(dir, 'seeds/three.txt'), smallBulletin('丙', { head: '---\nissue: 2021-03-three\n---' }));
      await page.waitForFunction(() => document.body.textContent?.includes('丙地区推进数字经济发展'), null, { timeout: 90_000, polling: 200 });
    } finally {
      await browser.close();
    }
  }, 240_000);
});

describe('npm start on a port it cannot have', () => {
  const start = (dir: string, port: string) =>
    new Promise<{ code: number | null; output: string; ms: number }>((done) => {
      const started = Date.now();
      const child = spawn(TSX, ['scripts/start.ts', '--port', port], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('close', (code) => done({ code, output, ms: Date.now() - started }));
    });

  it('says a port is in use before it builds anything, with the fix and no stack trace', async () => {
    const dir = await tempProject({ 'one.txt': smallBulletin('甲') });
    const busy = createServer().listen(0, 'localhost');
    await once(busy, 'listening');
    const port = String((busy.address() as AddressInfo).port);
    try {
      const { code, output } = await start(dir, port);
      expect(code).toBe(1);
      expect(output).toContain(`port ${port} is in use`);
      expect(output).toMatch(/--port/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toMatch(/published|content\/ is up to date/);
    } finally {
      busy.close();
    }
  }, 60_000);

  it('names what was given when the port is not a number', async () => {
    const dir = await tempProject({});
    const { code, output } = await start(dir, 'abc');
    expect(code).toBe(1);
    expect(output).toContain('"abc" is not a port number');
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);
});
