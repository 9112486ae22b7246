import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedJson, forgetAllBut } from '../src/build-cache.ts';

const folders: string[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a value kept between builds', () => {
  it('is made once, kept on disk, and given again without being made', () => {
    const dir = freshFolder();
    let made = 0;
    const make = () => ({ made: ++made, parts: ['甲', '乙'] });
    expect(cachedJson(dir, 'k1', make)).toEqual({ made: 1, parts: ['甲', '乙'] });
    expect(cachedJson(dir, 'k1', make)).toEqual({ made: 1, parts: ['甲', '乙'] });
    expect(made).toBe(1);
    expect(readdirSync(dir)).toEqual(['k1.json']);
  });

  it('is given from memory in the same process, and read from disk once forgotten', () => {
    const dir = freshFolder();
    cachedJson(dir, 'k1', () => ({ from: 'made' }));
    writeFileSync(join(dir, 'k1.json'), JSON.stringify({ from: 'disk' }));
    expect(cachedJson(dir, 'k1', () => ({ from: 'made again' }))).toEqual({ from: 'made' });
    forgetAllBut(dir, []);
    expect(cachedJson(dir, 'k1', () => ({ from: 'made again' }))).toEqual({ from: 'disk' });
  });

  it('keeps in memory only the keys the last build named', () => {
    const dir = freshFolder();
    cachedJson(dir, 'old', () => 'old value');
    cachedJson(dir, 'new', () => 'new value');
    forgetAllBut(dir, ['new']);
    rmSync(join(dir, 'old.json'));
    rmSync(join(dir, 'new.json'));
    expect(cachedJson(dir, 'new', () => 'made again')).toBe('new value');
    expect(cachedJson(dir, 'old', () => 'made again')).toBe('made again');
    expect(existsSync(join(dir, 'old.json'))).toBe(true);
  });

  it('is frozen all the way down, so no build can change what the next one is given', () => {
    const dir = freshFolder();
    const value = cachedJson(dir, 'k1', () => ({ list: [{ html: '<p>一</p>' }] }));
    expect(() => value.list.push({ html: '<p>二</p>' })).toThrow(TypeError);
    expect(() => {
      value.list[0]!.html = '<p>改</p>';
    }).toThrow(TypeError);
    expect(cachedJson(dir, 'k1', () => ({ list: [] as { html: string }[] }))).toEqual({ list: [{ html: '<p>一</p>' }] });
  });
});
