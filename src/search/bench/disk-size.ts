import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface DiskSize {
  files: number;
  raw: number;
  gzip: number;
}

/** Bytes of every file under a folder, raw and each gzipped on its own (as a server sends them). */
export async function diskSize(dir: string, filter: (path: string) => boolean = () => true): Promise<DiskSize> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const size: DiskSize = { files: 0, raw: 0, gzip: 0 };
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!filter(path)) continue;
    const body = await readFile(path);
    size.files++;
    size.raw += body.length;
    size.gzip += Math.min(body.length, gzipSync(body).length);
  }
  return size;
}
