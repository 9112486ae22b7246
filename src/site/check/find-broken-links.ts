import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { listSiteFiles } from './site-files.ts';

export interface BrokenLink {
  page: string;
  link: string;
  reason: 'missing page' | 'missing anchor';
}

// Links a reader or the browser follows. Form actions are left out: /search/ is built by
// the search plugin, which a site-only build does not include.
const LINK_ATTRIBUTE = /\s(?:href|src)="([^"]*)"/g;
const ID_ATTRIBUTE = /\sid="([^"]*)"/g;

/** Every internal href/src in the built site's HTML that points at no file, or at a missing id. */
export function findBrokenLinks(siteDir: string): BrokenLink[] {
  const files = new Set(listSiteFiles(siteDir));
  const idsByPage = new Map<string, Set<string>>();
  const idsOf = (page: string): Set<string> => {
    let ids = idsByPage.get(page);
    if (!ids) {
      const html = readFileSync(join(siteDir, page), 'utf8');
      ids = new Set([...html.matchAll(ID_ATTRIBUTE)].map((match) => match[1]!));
      idsByPage.set(page, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  for (const page of [...files].filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const [, link = ''] of html.matchAll(LINK_ATTRIBUTE)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) continue;
      const target = resolveTarget(page, link, files);
      if (!target) broken.push({ page, link, reason: 'missing page' });
      else if (target.fragment && target.file.endsWith('.html') && !idsOf(target.file).has(target.fragment)) {
        broken.push({ page, link, reason: 'missing anchor' });
      }
    }
  }
  return broken;
}

/** The file a link opens, as a static host would serve it, or null when there is none. */
function resolveTarget(page: string, link: string, files: Set<string>): { file: string; fragment: string } | null {
  const [pathAndQuery = '', fragment = ''] = link.split('#');
  const path = decodeURIComponent(pathAndQuery.split('?')[0]!);
  const base = path.startsWith('/') ? '' : posix.dirname(page);
  let file = posix.normalize(posix.join(base, path)).replace(/^\/+/, '');
  if (path === '' ) file = page;
  else if (file === '.' || path.endsWith('/')) file = posix.join(file, 'index.html');
  else if (!files.has(file) && files.has(posix.join(file, 'index.html'))) file = posix.join(file, 'index.html');
  if (file.startsWith('..') || !files.has(file)) return null;
  return { file, fragment };
}
