import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a built site, as site-relative POSIX paths ("a/b/index.html"). */
export function listSiteFiles(siteDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(relative(siteDir, full).split(sep).join('/'));
    }
  };
  walk(siteDir);
  return files.sort();
}
