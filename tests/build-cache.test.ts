import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedValue, forgetAllBut } from '../src/build-cache.ts';

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
    expect(cachedValue(dir, 'k1', make)).toEqual({ made: 1, parts: ['甲', '乙'] });
    expect(cachedValue(dir, 'k1', make)).toEqual({ made: 1, parts: ['甲', '乙'] });
    expect(made).toBe(1);
    expect(readdirSync(dir)).toEqual(['k1.v8']);
  });

  it('is given from memory in the same process, and read from disk once forgotten', () => {
    const dir = freshFolder();
    cachedValue(dir, 'k1', () => ({ from: 'made' }));
    writeFileSync(join(dir, 'k1.v8'), serialize({ from: 'disk' }));
    expect(cachedValue(dir, 'k1', () => ({ from: 'made again' }))).toEqual({ from: 'made' });
    forgetAllBut(dir, []);
    expect(cachedValue(dir, 'k1', () => ({ from: 'made again' }))).toEqual({ from: 'disk' });
  });

  it('keeps in memory only the keys the last build named', () => {
    const dir = freshFolder();
    cachedValue(dir, 'old', () => 'old value');
    cachedValue(dir, 'new', () => 'new value');
    forgetAllBut(dir, ['new']);
    rmSync(join(dir, 'old.v8'));
    rmSync(join(dir, 'new.v8'));
    expect(cachedValue(dir, 'new', () => 'made again')).toBe('new value');
    expect(cachedValue(dir, 'old', () => 'made again')).toBe('made again');
    expect(existsSync(join(dir, 'old.v8'))).toBe(true);
  });

  it('is made again, and kept anew, when its file is cut short or is not in a format this Node reads', () => {
    const dir = freshFolder();
    const whole = serialize({ parts: ['甲', '乙', '丙'] });
    for (const damaged of [whole.subarray(0, whole.length - 3), Buffer.from('{"parts":["甲"]}'), Buffer.from([0xff, 0x7f, 0x01])]) {
      forgetAllBut(dir, []);
      writeFileSync(join(dir, 'k1.v8'), damaged);
      expect(cachedValue(dir, 'k1', () => ({ parts: ['made'] }))).toEqual({ parts: ['made'] });
      forgetAllBut(dir, []);
      expect(cachedValue(dir, 'k1', () => ({ parts: ['made again'] }))).toEqual({ parts: ['made'] });
    }
  });

  it('is frozen all the way down, so no build can change what the next one is given', () => {
    const dir = freshFolder();
    const value = cachedValue(dir, 'k1', () => ({ list: [{ html: '<p>一</p>' }] }));
    expect(() => value.list.push({ html: '<p>二</p>' })).toThrow(TypeError);
    expect(() => {
      value.list[0]!.html = '<p>改</p>';
    }).toThrow(TypeError);
    expect(cachedValue(dir, 'k1', () => ({ list: [] as { html: string }[] }))).toEqual({ list: [{ html: '<p>一</p>' }] });
  });
});
