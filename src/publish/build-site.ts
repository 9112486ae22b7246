import { spawn } from 'node:child_process';
import { rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IngestError } from '../ingest/errors.ts';
import { PREVIOUS_SITE_ENV } from '../site/eleventy/site-data.ts';
import { recoverSwap, staged, swapIn } from './swap-dir.ts';

export class BuildError extends IngestError {}

/** Written last into a finished build, so recovery knows a staged site is whole. */
export const BUILD_COMPLETE = '.build-complete';

/**
 * Where the site a build replaced is kept, beside the published one: the next build starts
 * from it instead of an empty folder. Most of a ten-year archive's pages are the same from one
 * build to the next, and building in an empty folder made a folder and a link for each of
 * them (9,700 for one more issue), then deleted the replaced site, 25,000 files: on a slow
 * disk, seconds of a rebuild. The site plugin clears it of all but its pages and search files,
 * and keeps a page only where its keys say it is right (src/site/reuse/previous-build.ts).
 */
export const spareOf = (output: string) => join(dirname(output), `.${basename(output)}.spare`);

const eleventyCli = resolve(import.meta.dirname, '../../node_modules/@11ty/eleventy/cmd.cjs');
const exitWithParent = pathToFileURL(resolve(import.meta.dirname, 'exit-with-parent.ts')).href;

export interface SiteBuildOptions {
  /** The published site folder (default _site). */
  output?: string;
  contentDir?: string;
  /** The project folder Eleventy runs in (its .eleventy.js and templates/). */
  cwd?: string;
  /** Runs Eleventy into a folder; default a new process each time (`npm start` keeps one warm). */
  eleventy?: EleventyRunner;
}

/**
 * Builds the whole site into `output`; a non-zero code means it failed, with `stderr` saying why.
 * `previous` is the published site, whose unchanged pages the build reuses (src/site/reuse/).
 */
export type EleventyRunner = (job: { cwd: string; output: string; contentDir: string; previous: string }) => Promise<{ code: number | null; stderr: string }>;

/** Eleventy's own command line in a new process: nothing of one build can leak into the next. */
export const eleventyProcess: EleventyRunner = ({ cwd, output, contentDir, previous }) =>
  new Promise((done, fail) => {
    // exit-with-parent.ts ends the build with its parent, however the parent ends.
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', exitWithParent, eleventyCli, '--quiet', `--output=${output}`], {
      cwd,
      env: { ...process.env, CONTENT_DIR: contentDir, BUILD_PARENT_PID: String(process.pid), [PREVIOUS_SITE_ENV]: previous },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (exit) => done({ code: exit, stderr: err }));
  });

/**
 * Builds the whole site into a staging folder and swaps it in only when Eleventy succeeded, so
 * a failed build (an error, a full disk) or a killed one leaves the previous site as it was.
 * Leftovers of a killed build are removed by the next one. Call it holding the content lock.
 */
export async function buildSite(options: SiteBuildOptions = {}): Promise<{ notices: string[]; ms: number }> {
  const cwd = options.cwd ?? process.cwd();
  const output = resolve(cwd, options.output ?? '_site');
  const started = performance.now();
  const notices = await recoverSwap(output, BUILD_COMPLETE);
  const staging = staged(output);
  await rm(staging, { recursive: true, force: true });
  // The spare holds a whole site (it was published), but not its completion mark: a staging
  // folder is whole only once this build writes the mark again.
  if (await rename(spareOf(output), staging).then(() => true, () => false)) await unlink(join(staging, BUILD_COMPLETE)).catch(() => undefined);
  const run = options.eleventy ?? eleventyProcess;
  const { code, stderr } = await run({ cwd, output: staging, contentDir: resolve(cwd, options.contentDir ?? 'content'), previous: output });
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new BuildError(output, null, `the site build failed (Eleventy exited ${code}); the published site is as it was\n${stderr.trim().split('\n').slice(-15).join('\n')}`, 'fix the problem named above and run npm run build again');
  }
  await writeFile(join(staging, BUILD_COMPLETE), `${new Date().toISOString()}\n`);
  await swapIn(output, staging, spareOf(output));
  return { notices, ms: performance.now() - started };
}
