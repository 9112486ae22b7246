import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const TSX = join(ROOT, 'node_modules/.bin/tsx');

/**
 * A copy of the project's code and templates in a temp folder, with its own seeds/ (given
 * bulletins, by file name), so a test can build, serve and break it without touching ours.
 */
export async function tempProject(seeds: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'project-'));
  for (const part of ['src', 'scripts', 'templates', 'assets', '.eleventy.js', 'package.json', 'tsconfig.json']) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'seeds'));
  for (const [name, text] of Object.entries(seeds)) await writeFile(join(dir, 'seeds', name), text);
  return dir;
}
