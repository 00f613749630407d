import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../handlers/index';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { startPreviewServer, type PreviewServer } from './server';

let h: Harness;
let server: PreviewServer;
let dir: string;

beforeAll(async () => {
  h = await makeHarness();
  dir = mkdtempSync(join(tmpdir(), 'scp-preview-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>SCP</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-C6LovZED.js'), 'export {};');
  writeFileSync(join(dir, 'assets', 'notes.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  server = await startPreviewServer({ handlers, ctx: h.ctx, staticDir: dir, csp: "default-src 'self'" });
});
afterAll(async () => {
  await server.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/t/${server.token}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('web preview server', () => {
  it('listens on loopback only, with the token in the URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/t/${server.token}/$`));
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with the CSP header', async () => {
    const r = await raw(`/t/${server.token}/`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>SCP</title>');
    expect(r.headers['content-security-policy']).toBe("default-src 'self'");
  });

  it('lets the browser keep content-hashed assets, and nothing else', async () => {
    const hashed = await raw(`/t/${server.token}/assets/index-C6LovZED.js`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect((await raw(`/t/${server.token}/assets/notes.js`)).headers['cache-control']).toBe('no-store');
    expect((await raw(`/t/${server.token}/`)).headers['cache-control']).toBe('no-store');
    expect((await api('getAppInfo', {})).headers['cache-control']).toBe('no-store');
  });

  it('refuses tokenless and wrong-token requests', async () => {
    expect((await raw('/')).status).toBe(404);
    expect((await raw('/index.html')).status).toBe(404);
    expect((await raw(`/t/${server.token.slice(1)}x/`)).status).toBe(404);
    const r = await raw(`/t/wrong/api/listMembers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(404);
  });

  it('refuses other host names and other origins', async () => {
    expect((await raw(`/t/${server.token}/`, { headers: { host: 'evil.example:80' } })).status).toBe(421);
    expect((await api('listMembers', {}, { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    const r = await raw(`/t/${server.token}/..%2f..%2foutside-secret.txt`);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('secret');
  });

  it('runs the real handlers and reports the transport', async () => {
    const info = JSON.parse((await api('getAppInfo', {})).body);
    expect(info).toMatchObject({ ok: true, value: { transport: 'web-preview' } });
    const created = JSON.parse(
      (await api('createMember', { name: 'Sam Example', role: 'secretariat', organisation: 'SCP secretariat', email: '', activeFrom: '2026-04-01' })).body,
    );
    expect(created.ok).toBe(true);
    const list = JSON.parse((await api('listMembers', {})).body);
    expect(list.value.map((m: { name: string }) => m.name)).toEqual(['Sam Example']);
  });

  it('answers bad requests with the envelope or a plain status', async () => {
    const bad = await raw(`/t/${server.token}/api/listMembers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid-argument');
    expect((await raw(`/t/${server.token}/api/listMembers`)).status).toBe(405);
    expect(JSON.parse((await api('dropTables', {})).body).error.code).toBe('unknown-channel');
    expect(JSON.parse((await api('createMember', { name: 1 })).body).error.code).toBe('invalid-argument');
    const huge = await raw(`/t/${server.token}/api/listMembers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'a'.repeat(65 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});
