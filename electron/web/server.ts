// The web preview: the real renderer and the real handlers over HTTP, for end-to-end tests and
// for trying the UI without Electron. Loopback only, and every request must carry the per-run
// token in its path, so no other local program or web page can reach the database through it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { HandlerContext } from '../handlers/context';
import type { HandlerTable } from '../handlers/types';
import { dispatch } from '../ipc/dispatch';
import { forTransport } from '../ipc/forTransport';

export interface PreviewServerOptions {
  handlers: HandlerTable;
  ctx: HandlerContext;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  csp: string;
  token?: string;
  port?: number;
}

export interface PreviewServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

// Vite names each built asset after a hash of its content (assets/index-C6LovZED.js), so a name
// always means the same bytes and the browser may keep it for good. Kept, a script is also
// compiled once: Chromium's code cache applies only to scripts from its HTTP cache (the desktop
// app's app:// scheme has it by privilege). index.html names the current assets: never kept.
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2|svg|png)$/;
const KEEP = 'private, max-age=31536000, immutable';

// Large enough for the contract's biggest argument (a 60 MB import file), and no larger.
const MAX_BODY = 64 * 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const table = forTransport(opts.handlers, 'web-preview');
  const root = resolve(opts.staticDir);
  let origin = '';

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = (err as { status?: number }).status ?? 500;
      send(res, status, status === 413 ? 'Request too large' : 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Refuse anything addressed to another host name (DNS rebinding) or sent from another origin.
    if (req.headers.host !== origin.slice('http://'.length)) return send(res, 421, 'Wrong host');
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'Forbidden origin');
    const url = new URL(req.url ?? '/', origin);
    const m = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname);
    if (!m || !sameToken(decodeURIComponent(m[1]), token)) return send(res, 404, 'Not found');
    const rest = m[2] ?? '/';

    if (rest.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', undefined, { allow: 'POST' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON');
      const text = await readBody(req);
      let arg: unknown;
      try {
        arg = text ? JSON.parse(text) : {};
      } catch {
        const bad = { ok: false, error: { code: 'invalid-argument', message: 'The request was not valid JSON.' } };
        return send(res, 400, JSON.stringify(bad), 'application/json; charset=utf-8');
      }
      const result = await dispatch(table, opts.ctx, decodeURIComponent(rest.slice('/api/'.length)), arg, ({ channel, error }) =>
        console.error(`[preview] ${channel} failed:`, error),
      );
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const relative = rest === '/' ? 'index.html' : rest.slice(1);
    const file = normalize(join(root, decodeURIComponent(relative)));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'Not found');
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': opts.csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': HASHED_ASSET.test(relative) ? KEEP : 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/t/${token}/`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
