import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.json': 'application/json',
};

export interface CountingServer {
  url: string;
  /** Bytes sent since the last reset, and to which paths. */
  sent(): { bytes: number; requests: number };
  reset(): void;
  close(): Promise<void>;
}

/**
 * A static server that counts what it sends: what a first visit downloads includes what the
 * service worker fetches in the background, which the page's own network events do not show.
 */
export async function serveCounting(root: string): Promise<CountingServer> {
  let bytes = 0;
  let requests = 0;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      bytes += body.length;
      requests++;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sent: () => ({ bytes, requests }),
    reset: () => {
      bytes = 0;
      requests = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
