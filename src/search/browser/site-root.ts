/**
 * The site's root URL, worked out from where this script was loaded (assets/<name>.js), so
 * links and data paths are right at any depth, under any prefix, and from file://.
 */
export function siteRootFrom(script: HTMLOrSVGScriptElement | null): URL {
  const src = script instanceof HTMLScriptElement && script.src ? script.src : location.href;
  return new URL('../', src);
}

/** Folder URLs open a directory listing from file://, so there the index.html is spelled out. */
export function pageUrl(root: URL, path: string, params?: Record<string, string>): string {
  const url = new URL(path, root);
  if (url.protocol === 'file:' && url.pathname.endsWith('/')) url.pathname += 'index.html';
  for (const [name, value] of Object.entries(params ?? {})) if (value) url.searchParams.set(name, value);
  return url.href;
}
