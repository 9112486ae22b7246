import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURE_CONTENT = resolve('tests/fixtures/site-content');

/** Builds the site exactly as `npm run build:site` does (Eleventy under tsx), into a fresh temp dir. */
export function buildSite(contentDir: string = FIXTURE_CONTENT): string {
  const outputDir = mkdtempSync(join(tmpdir(), 'bulletin-site-'));
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'node_modules/@11ty/eleventy/cmd.cjs', '--quiet', `--output=${outputDir}`],
    { env: { ...process.env, CONTENT_DIR: contentDir }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return outputDir;
}
