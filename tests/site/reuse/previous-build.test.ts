import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PagedPage } from '../../../src/site/reuse/page-keys.ts';
import { completeReuse, PAGE_KEYS_FILE, planReuse } from '../../../src/site/reuse/previous-build.ts';

const page = (path: string, key: string): PagedPage => ({ kind: 'article', item: {}, path, key });

describe('reusing the pages of the previous build', () => {
  let dir: string;
  let previous: string;
  let staging: string;
  const write = (site: string, path: string, text: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'reuse-'));
    previous = join(dir, 'site');
    staging = join(dir, 'site.staging');
    mkdirSync(staging);
    write(previous, 'a/index.html', 'page a');
    write(previous, 'b/index.html', 'page b');
    write(previous, 'c/index.html', 'page c');
    completeReuse(planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb'), page('c/index.html', 'kc')], previous, previous));
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

  it('links the reused pages into the staging folder and records every page, so the next build can reuse them', () => {
    const plan = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-changed')], staging, previous);
    write(staging, 'b/index.html', 'page b, new');
    completeReuse(plan);
    expect(readFileSync(join(staging, 'a/index.html'), 'utf8')).toBe('page a');
    expect(statSync(join(staging, 'a/index.html')).ino).toBe(statSync(join(previous, 'a/index.html')).ino);
    expect(existsSync(join(staging, 'c/index.html'))).toBe(false);
    const next = planReuse([page('a/index.html', 'ka'), page('b/index.html', 'kb-changed')], join(dir, 'next'), staging);
    expect(next.render).toEqual([]);
  });

  it('building in place, forgets the keys before a page is written, so a killed build vouches for nothing', () => {
    planReuse([page('a/index.html', 'ka')], previous, previous);
    expect(existsSync(join(previous, PAGE_KEYS_FILE))).toBe(false);
  });
});
