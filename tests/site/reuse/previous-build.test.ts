import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PagedPage } from '../../../src/site/reuse/page-keys.ts';
import { clearForRebuild, completeReuse, PAGE_KEYS_FILE, planReuse, startLinking } from '../../../src/site/reuse/previous-build.ts';

const page = (path: string, key: string): PagedPage => ({ kind: 'article', item: {}, path, key });

describe('reusing the pages of the previous build', () => {
  let dir: string;
  let previous: string;
  let staging: string;
  const write = (site: string, path: string, text: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reuse-'));
    previous = join(dir, 'site');
    staging = join(dir, 'site.staging');
    mkdirSync(staging);
    write(previous, 'a/index.html', 'page a');
    write(previous, 'b/index.html', 'page b');
    write(previous, 'c/index.html', 'page c');
    await completeReuse(planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb'), page('c/index.html', 'kc')], previous, previous));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reuses a page whose key is the one recorded, and renders one whose key changed or that is new', () => {
    const plan = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-changed'), page('d/index.html', 'kd')], staging, previous);
    expect(plan.reused.map((p) => p.path)).toEqual(['a/index.html']);
    expect(plan.render.map((p) => p.path)).toEqual(['b/index.html', 'd/index.html']);
  });

  it('renders a page whose recorded file is gone or no longer the size recorded', () => {
    rmSync(join(previous, 'a/index.html'));
    writeFileSync(join(previous, 'b/index.html'), 'page b, edited by hand');
    const plan = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb'), page('c/index.html', 'kc')], staging, previous);
    expect(plan.render.map((p) => p.path)).toEqual(['a/index.html', 'b/index.html']);
  });

  it('renders every page when the previous site has no keys', () => {
    rmSync(join(previous, PAGE_KEYS_FILE));
    const plan = planReuse([page('a/index.html', 'ka'), page('c/index.html', 'kc')], staging, previous);
    expect(plan.reused).toEqual([]);
  });

  it('links the reused pages into the staging folder and records every page, so the next build can reuse them', async () => {
    const plan = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-changed')], staging, previous);
    write(staging, 'b/index.html', 'page b, new');
    await completeReuse(plan);
    expect(readFileSync(join(staging, 'a/index.html'), 'utf8')).toBe('page a');
    expect(statSync(join(staging, 'a/index.html')).ino).toBe(statSync(join(previous, 'a/index.html')).ino);
    expect(existsSync(join(staging, 'c/index.html'))).toBe(false);
    const next = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-changed')], join(dir, 'next'), staging);
    expect(next.render).toEqual([]);
  });

  it('links reused pages in many folders while the pages render, started as soon as the plan is made', async () => {
    const many = Array.from({ length: 60 }, (_, i) => page(`topics/t${i % 7}/${2000 + i}/index.html`, `k${i}`));
    for (const p of many) write(previous, p.path, `page ${p.path}`);
    await completeReuse(planReuse(many, previous, previous));
    const plan = planReuse([...many, page('new/index.html', 'kn')], staging, previous);
    expect(plan.reused).toHaveLength(60);
    startLinking(plan);
    // Eleventy writes the rendered page meanwhile; nothing is linked at its path.
    write(staging, 'new/index.html', 'page new');
    await completeReuse(plan);
    for (const p of many) expect(statSync(join(staging, p.path)).ino).toBe(statSync(join(previous, p.path)).ino);
    expect(readFileSync(join(staging, 'new/index.html'), 'utf8')).toBe('page new');
    expect(existsSync(join(previous, 'new/index.html'))).toBe(false);
  });

  it('reports a page that could be neither linked nor copied when the reuse completes', async () => {
    const plan = planReuse([page('a/index.html', 'ka')], staging, previous);
    rmSync(join(previous, 'a/index.html'));
    startLinking(plan);
    await expect(completeReuse(plan)).rejects.toThrow(/a\/index\.html/);
  });

  it('clears an older site to build on of all but its recorded pages and the folders kept for their own writer', () => {
    write(previous, 'assets/site.css', 'css');
    write(previous, 'sw.js', 'worker');
    write(previous, 'search/shards/0.js', 'shard');
    write(previous, 'gone/deep/index.html', 'a page no keys record');
    clearForRebuild(previous, ['search/shards']);
    for (const kept of ['a/index.html', 'b/index.html', 'c/index.html', 'search/shards/0.js']) expect(existsSync(join(previous, kept)), kept).toBe(true);
    for (const removed of ['assets/site.css', 'sw.js', 'gone', PAGE_KEYS_FILE]) expect(existsSync(join(previous, removed)), removed).toBe(false);
  });

  it('building on an older site, keeps its right pages in place and removes a changed or dropped one before anything is written', () => {
    const older = join(dir, 'older');
    write(older, 'a/index.html', 'page a');
    write(older, 'b/index.html', 'page b, older');
    write(older, 'z/index.html', 'page z, since removed');
    return completeReuse(planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-older'), page('z/index.html', 'kz')], older, older)).then(async () => {
      clearForRebuild(older, []);
      const plan = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb'), page('c/index.html', 'kc-new')], older, previous);
      expect(plan.kept.map((p) => p.path)).toEqual(['a/index.html']);
      expect(plan.reused.map((p) => p.path)).toEqual(['b/index.html']);
      expect(plan.render.map((p) => p.path)).toEqual(['c/index.html']);
      expect(existsSync(join(older, 'b/index.html'))).toBe(false);
      expect(existsSync(join(older, 'z'))).toBe(false);
      write(older, 'c/index.html', 'page c, rendered');
      await completeReuse(plan);
      expect(readFileSync(join(older, 'b/index.html'), 'utf8')).toBe('page b');
      expect(readFileSync(join(older, 'a/index.html'), 'utf8')).toBe('page a');
    });
  });

  it('building in place, forgets the keys before a page is written, so a killed build vouches for nothing', () => {
    planReuse([page('a/index.html', 'ka')], previous, previous);
    expect(existsSync(join(previous, PAGE_KEYS_FILE))).toBe(false);
  });
});
