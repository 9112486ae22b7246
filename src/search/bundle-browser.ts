import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Browser entry points and where they land in the built site. */
export const BROWSER_BUNDLES = {
  'assets/search-box.js': join(here, 'browser/search-box.ts'),
  'assets/search-page.js': join(here, 'browser/search-page.ts'),
  'assets/offline-archive.js': join(here, 'browser/offline-archive.ts'),
} as const;

/**
 * Classic (IIFE) scripts, not modules: Chromium refuses module scripts from file://.
 * The tokenizer inside them is the very module the Node index build imports.
 */
export async function bundleBrowserScripts(outDir: string): Promise<void> {
  await Promise.all(
    Object.entries(BROWSER_BUNDLES).map(([out, entry]) =>
      build({
        entryPoints: [entry],
        outfile: join(outDir, out),
        bundle: true,
        format: 'iife',
        target: 'es2020',
        minify: true,
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
}

/** The service worker, with the site's shell files (cached on install) and the build id baked in. */
export async function bundleServiceWorker(outDir: string, shellFiles: string[], buildId: string): Promise<void> {
  await build({
    entryPoints: [join(here, 'browser/service-worker.ts')],
    outfile: join(outDir, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    define: { SHELL_FILES: JSON.stringify(shellFiles), BUILD_ID: JSON.stringify(buildId) },
    logLevel: 'warning',
  });
}
