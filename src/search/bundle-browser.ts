import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Browser entry points and where they land in the built site. */
export const BROWSER_BUNDLES = {
  'assets/search-box.js': join(here, 'browser/search-box.ts'),
  'assets/search-page.js': join(here, 'browser/search-page.ts'),
  'assets/offline-archive.js': join(here, 'browser/offline-archive.ts'),
} as const;

/** What a cached bundle was made from: every file esbuild read, and a hash of them and of the options. */
interface CachedBundle {
  key: string;
  inputs: string[];
  code: string;
}

/** A hash of esbuild's version, the options and every input's path and bytes; null when an input is gone. */
async function bundleKey(options: BuildOptions, inputs: string[]): Promise<string | null> {
  const hash = createHash('sha256').update(esbuildVersion).update('\0').update(JSON.stringify(options));
  for (const input of inputs) {
    try {
      hash.update('\0').update(input).update('\0').update(await readFile(input));
    } catch {
      return null;
    }
  }
  return hash.digest('hex');
}

/**
 * One esbuild bundle's code, taken from the cache when neither the options nor any file it was
 * made from changed: bundling the three scripts and the service worker took 0.5–1.5 s of every
 * build at 120 issues, for the same bytes each time. Without a cache folder, it is always built.
 */
async function bundledCode(options: BuildOptions, cacheFile: string | null): Promise<string> {
  if (cacheFile) {
    try {
      const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as CachedBundle;
      if (cached.key === (await bundleKey(options, cached.inputs))) return cached.code;
    } catch {
      // No cache yet, or a damaged one: bundled afresh below.
    }
  }
  const result = await build({ ...options, write: false, metafile: true });
  const code = result.outputFiles[0]!.text;
  if (!cacheFile) return code;
  // The metafile names inputs relative to esbuild's working folder, the current one.
  const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(input)).sort();
  const key = await bundleKey(options, inputs);
  if (!key) return code;
  try {
    await mkdir(dirname(cacheFile), { recursive: true });
    // Written aside and renamed, so a killed build never leaves half a cache file to be read.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ key, inputs, code } satisfies CachedBundle));
    await rename(temporary, cacheFile);
  } catch {
    // Not cached (a full disk): the next build bundles again.
  }
  return code;
}

/** One bundle (bundledCode) written to `outfile`, after `prelude` when one is given. */
export async function cachedBundle(options: BuildOptions & { outfile: string }, cacheFile: string | null, prelude = ''): Promise<void> {
  const { outfile, ...rest } = options;
  const code = await bundledCode(rest, cacheFile);
  await mkdir(dirname(outfile), { recursive: true });
  await writeFile(outfile, prelude + code);
}

const cacheFileOf = (cacheDir: string | undefined, name: string) => (cacheDir ? join(cacheDir, `${name.replace(/[^a-z0-9.-]/gi, '_')}.json`) : null);

/**
 * Classic (IIFE) scripts, not modules: Chromium refuses module scripts from file://.
 * The tokenizer inside them is the very module the Node index build imports.
 */
export async function bundleBrowserScripts(outDir: string, cacheDir?: string): Promise<void> {
  await Promise.all(
    Object.entries(BROWSER_BUNDLES).map(([out, entry]) =>
      cachedBundle(
        {
          entryPoints: [entry],
          outfile: join(outDir, out),
          bundle: true,
          format: 'iife',
          target: 'es2020',
          minify: true,
          legalComments: 'none',
          logLevel: 'warning',
        },
        cacheFileOf(cacheDir, out),
      ),
    ),
  );
}

/**
 * The service worker, with the site's shell files (cached on install) and the build id, which
 * change with every build, declared before the bundle rather than compiled into it: the bundle
 * itself is then the same for every build and comes from the cache.
 */
export async function bundleServiceWorker(outDir: string, shellFiles: string[], buildId: string, cacheDir?: string): Promise<void> {
  await cachedBundle(
    {
      entryPoints: [join(here, 'browser/service-worker.ts')],
      outfile: join(outDir, 'sw.js'),
      bundle: true,
      format: 'iife',
      target: 'es2020',
      minify: true,
      logLevel: 'warning',
    },
    cacheFileOf(cacheDir, 'sw.js'),
    `var SHELL_FILES = ${JSON.stringify(shellFiles)}, BUILD_ID = ${JSON.stringify(buildId)};\n`,
  );
}
