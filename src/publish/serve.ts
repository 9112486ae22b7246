import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import nunjucks from 'nunjucks';
import { safeMatter } from '../frontmatter.ts';
import { IngestError } from '../ingest/errors.ts';
import type { ReviewData } from './review-data.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Added to every HTML page served by `npm start`: reload when the site was rebuilt. */
const RELOAD_SCRIPT = '<script>new EventSource("/__reload").addEventListener("reload", () => location.reload());</script>';

/**
 * The site's service worker answers from its cache first, so a page open during review would
 * keep showing the issue as it was before a rebuild. Under `npm start` it is replaced by one that
 * removes itself and its caches; the built site (and its sw.js in _site/) is unchanged.
 */
const SELF_REMOVING_SERVICE_WORKER = `// npm start: the site's service worker is off while reviewing, so every reload shows the latest build.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))).then(() => self.registration.unregister()));
});
`;

/** The dev server could not start: a port in use, say. */
export class ServeError extends IngestError {}

export interface DevServer {
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * The server of `npm start`: the built site as a static host serves it (folders → index.html,
 * 404.html), plus live reload and the review page, which exist only here.
 */
export async function serveSite(options: { siteDir: string; port: number; host?: string; review: () => Promise<ReviewData>; reviewTemplate: string }): Promise<DevServer> {
  const root = resolve(options.siteDir);
  const clients = new Set<ServerResponse>();
  const env = new nunjucks.Environment(null, { autoescape: true });
  const send = (res: ServerResponse, status: number, type: string, body: Buffer | string) => {
    // The site changes under the editor's eyes: never let the browser keep an old copy.
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(type.startsWith('text/html') ? String(body).replace(/<\/body>/i, `${RELOAD_SCRIPT}</body>`) : body);
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/__reload') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/review/' || path === '/review' || path === '/review/index.html') {
      try {
        const template = safeMatter(await readFile(options.reviewTemplate, 'utf8')).content;
        send(res, 200, TYPES['.html'], env.renderString(template, { review: await options.review() }));
      } catch (error) {
        send(res, 500, TYPES['.txt'], `review page failed: ${(error as Error).message}`);
      }
      return;
    }
    if (path === '/sw.js') {
      send(res, 200, TYPES['.js'], SELF_REMOVING_SERVICE_WORKER);
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      send(res, 403, TYPES['.txt'], 'forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('<!doctype html><title>404</title><body>not found</body>'));
      send(res, 404, TYPES['.html'], notFound);
    }
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      fail(
        new ServeError(
          'npm start',
          null,
          taken ? `port ${options.port} is in use (another npm start, or another server)` : `cannot serve on port ${options.port} (${error.message})`,
          `stop the other server, or choose a free port: npm start -- --port ${options.port === 8080 ? 8081 : 8080} (or PORT=… npm start)`,
        ),
      );
    });
    server.listen(options.port, options.host ?? 'localhost', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    port,
    reload: () => {
      for (const client of clients) client.write('event: reload\ndata: {}\n\n');
    },
    close: () =>
      new Promise((done) => {
        for (const client of clients) client.end();
        server.close(() => done());
      }),
  };
}
