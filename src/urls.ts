import type { FrontMatter } from './types.ts';

/**
 * The one place URLs are made, so the site, the feed and the search index agree.
 * ASCII only: ids and pinyin, never percent-encoded Chinese (see slugify.ts).
 */
export function articlePath(fm: Pick<FrontMatter, 'issue' | 'slug'>): string {
  return `/${fm.issue}/${fm.slug}/`;
}

export function issuePath(issue: string): string {
  return `/${issue}/`;
}
