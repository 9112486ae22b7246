import { posix } from 'node:path';

/**
 * A root-relative URL ("/a/b/") seen from the page at pageUrl, as a page-relative one
 * ("../b/"), so the built site also works opened from disk or served from a sub-folder.
 */
export function relativeUrl(target: string, pageUrl: string): string {
  if (!target.startsWith('/') || target.startsWith('//')) return target;
  const [, path = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(target) ?? [];
  const pageDir = pageUrl.endsWith('/') ? pageUrl : posix.dirname(pageUrl) + '/';
  let relative = posix.relative(pageDir, path);
  if (path.endsWith('/') && relative !== '') relative += '/';
  return (relative === '' ? './' : relative) + suffix;
}

const URL_ATTRIBUTE = /(\s(?:href|src|action)=")([^"]*)(")/g;

/** Every href, src and action in a page's HTML made relative to that page. */
export function relativizeHtml(html: string, pageUrl: string): string {
  return html.replace(URL_ATTRIBUTE, (_, before: string, url: string, after: string) => {
    return before + relativeUrl(url, pageUrl) + after;
  });
}
