import { cp, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { WriteError } from './errors.ts';

export interface OutputFile {
  path: string;
  content: string;
}

/** The `source:` of an article file, read without a YAML parser: it is always one plain line. */
function sourceOf(content: string): string | null {
  const m = /^source:\s*['"]?([^'"\n]+?)['"]?\s*$/m.exec(content.split('\n---')[0] ?? '');
  return m ? m[1] : null;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * Replaces exactly the given bulletins' articles in the output folder and leaves every other
 * file alone. The new folder is built beside the old one and swapped in with renames, so a
 * failure half-way leaves the published folder as it was.
 */
export async function writeContent(outDir: string, sources: string[], files: OutputFile[]): Promise<{ removed: number; written: number }> {
  const staging = `${outDir}.staging-${process.pid}`;
  const retired = `${outDir}.retired-${process.pid}`;
  const replaced = new Set(sources);
  let removed = 0;
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    for (const path of await listFiles(outDir)) {
      const from = join(outDir, path);
      if (path.endsWith('.md') && replaced.has(sourceOf(await readFile(from, 'utf8')) ?? '')) {
        removed++;
        continue;
      }
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await cp(from, join(staging, path));
    }
    for (const file of files) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true });
      await writeFile(join(staging, file.path), file.content);
    }
    await rename(outDir, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(staging, outDir);
    await rm(retired, { recursive: true, force: true });
    return { removed, written: files.length };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await rename(retired, outDir).catch(() => undefined);
    throw new WriteError(outDir, null, `could not write the articles (${(error as Error).message})`, 'check that the folder is writable and has space; nothing was changed');
  }
}

/** Issue ids already taken in the output folder by other bulletins, so a new bulletin never overwrites one. */
export async function issuesOwnedByOthers(outDir: string, sources: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const path of await listFiles(outDir)) {
    if (!path.endsWith('.md')) continue;
    const source = sourceOf(await readFile(join(outDir, path), 'utf8'));
    if (source && !sources.includes(source)) owners.set(path.split(/[\\/]/)[0], source);
  }
  return owners;
}
