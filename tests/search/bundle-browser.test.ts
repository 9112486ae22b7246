import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedBundle } from '../../src/search/bundle-browser.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A two-file script, its bundle options and a cache file, in a folder of their own. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
  folders.push(dir);
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/entry.ts'), "import { greeting } from './words.ts';\ndocument.title = greeting;\n");
  writeFileSync(join(dir, 'src/words.ts'), "export const greeting = 'good morning';\n");
  const options = (out: string) => ({ entryPoints: [join(dir, 'src/entry.ts')], outfile: join(dir, out), bundle: true, format: 'iife' as const, minify: true, logLevel: 'warning' as const });
  return { dir, options, cacheFile: join(dir, 'cache/entry.json') };
}

describe('a cached browser bundle', () => {
  it('is the very bundle esbuild makes, and is taken from the cache while no input changed', async () => {
    const { dir, options, cacheFile } = project();
    await cachedBundle(options('plain.js'), null);
    await cachedBundle(options('first.js'), cacheFile);
    expect(readFileSync(join(dir, 'first.js'), 'utf8')).toBe(readFileSync(join(dir, 'plain.js'), 'utf8'));
    // Marked in the cache: a build that takes the cached bundle writes the mark.
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    writeFileSync(cacheFile, JSON.stringify({ ...cached, code: `${cached.code}/*from the cache*/` }));
    await cachedBundle(options('second.js'), cacheFile);
    expect(readFileSync(join(dir, 'second.js'), 'utf8')).toBe(`${cached.code}/*from the cache*/`);
  });

  it('is made again when a file it imports or an option changes', async () => {
    const { dir, options, cacheFile } = project();
    await cachedBundle(options('first.js'), cacheFile);
    writeFileSync(join(dir, 'src/words.ts'), "export const greeting = 'good night';\n");
    await cachedBundle(options('second.js'), cacheFile);
    expect(readFileSync(join(dir, 'second.js'), 'utf8')).toContain('good night');
    await cachedBundle({ ...options('third.js'), define: { DEBUG: 'true' }, minify: false }, cacheFile);
    await cachedBundle({ ...options('plain.js'), define: { DEBUG: 'true' }, minify: false }, null);
    expect(readFileSync(join(dir, 'third.js'), 'utf8')).toBe(readFileSync(join(dir, 'plain.js'), 'utf8'));
    expect(readFileSync(join(dir, 'third.js'), 'utf8')).not.toBe(readFileSync(join(dir, 'second.js'), 'utf8'));
  });
});
