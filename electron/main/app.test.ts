import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, ipcName } from '#shared/ipc/contract';
import { makeFakeElectron } from '../../tests/support/fakeElectron';
import { startApp, type RunningApp } from './app';
import { CONTENT_SECURITY_POLICY } from './csp';

let dir: string;
let running: RunningApp | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scp-main-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>SCP</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
});
afterEach(async () => {
  await running?.backup;
  await running?.opened?.close();
  running = null;
  rmSync(dir, { recursive: true, force: true });
});

async function start(opts: Parameters<typeof makeFakeElectron>[0] = {}) {
  const fake = makeFakeElectron(opts);
  running = await startApp(fake.electron, {
    rendererDir: join(dir, 'renderer'),
    preloadPath: join(dir, 'preload.cjs'),
    dbPath: join(dir, 'scp.sqlite3'),
    userDataDir: join(dir, 'userData'),
    platform: 'linux',
  });
  return fake;
}

describe('Electron main', () => {
  it('opens one window with the secure web preferences, loading app://', async () => {
    const { calls } = await start();
    expect(calls.windows).toHaveLength(1);
    const w = calls.windows[0];
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: join(dir, 'preload.cjs'),
    });
    expect(w.loaded).toBe('app://scp/index.html');
    expect(w.shown).toBe(true);
    expect(calls.paths.get('userData')).toBe(join(dir, 'userData'));
  });

  it('registers app:// as a privileged, secure scheme', async () => {
    const { calls } = await start();
    expect(calls.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const { calls } = await start();
    const serve = calls.protocolHandlers.get('app');
    expect(serve).toBeDefined();
    const ok = await serve!({ url: 'app://scp/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect((await serve!({ url: 'app://scp/assets/app.js' })).headers.get('content-type')).toMatch(/javascript/);
    for (const url of ['app://scp/../secret.txt', 'app://scp/%2e%2e/secret.txt', 'app://scp/..%2fsecret.txt', 'app://other/index.html', 'app://scp/missing.js']) {
      const r = await serve!({ url });
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('secret');
    }
  });

  it('denies navigation away, new windows and webviews', async () => {
    const { calls } = await start();
    const wc = calls.windows[0].webContents;
    expect(wc.emitPreventable('will-navigate', 'https://example.com/')).toBe(true);
    expect(wc.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.emitPreventable('will-navigate', 'app://scp/index.html#/panels')).toBe(false);
    expect(wc.emitPreventable('will-redirect', 'https://example.com/')).toBe(true);
    expect(wc.emitPreventable('will-attach-webview')).toBe(true);
    expect(wc.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: 'app://scp/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels every request that leaves the app', async () => {
    const { calls } = await start();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      calls.permissionRequest!(null, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(calls.permissionCheck!(null, p)).toBe(false);
    }
    const cancel = (url: string) => {
      let r: { cancel: boolean } | null = null;
      calls.beforeRequest!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    expect(cancel('https://www.gov.uk/bank-holidays.json')).toBe(true);
    expect(cancel('http://127.0.0.1:8080/')).toBe(true);
    expect(cancel('ws://evil.example/')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('app://other/x.js')).toBe(true);
    expect(cancel('app://scp/assets/app.js')).toBe(false);
  });

  it('sets a menu with the usual roles and no developer tools when packaged', async () => {
    const { calls } = await start();
    const roles = JSON.stringify(calls.menu);
    for (const role of ['fileMenu', 'editMenu', 'windowMenu', 'zoomIn', 'togglefullscreen']) expect(roles).toContain(`"${role}"`);
    expect(roles).not.toContain('toggleDevTools');
  });

  it('quits at once when another copy holds the single-instance lock', async () => {
    const { calls } = await start({ lock: false });
    expect(calls.quit).toBe(1);
    expect(calls.windows).toHaveLength(0);
    expect(calls.ipc.size).toBe(0);
  });

  it('hands only allow-listed links to the operating system', async () => {
    const { calls } = await start();
    const open = calls.ipc.get(ipcName('openExternal'))!;
    const own = { senderFrame: { url: 'app://scp/index.html' } };
    expect(await open(own, { url: 'https://www.judiciary.uk/prevention-of-future-death-reports/x/' })).toEqual({ ok: true, value: { opened: true } });
    for (const url of ['file:///etc/passwd', 'https://evil.example/', 'javascript:alert(1)', 'http://www.gov.uk/']) {
      expect(await open(own, { url })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await open({ senderFrame: { url: 'https://evil.example/' } }, { url: 'https://www.gov.uk/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls.openedExternal).toEqual(['https://www.judiciary.uk/prevention-of-future-death-reports/x/']);
  });

  it('focuses the existing window when a second copy starts', async () => {
    const { calls } = await start();
    calls.appListeners.get('second-instance')!();
    expect(calls.windows[0].focused).toBe(1);
  });

  it('registers every contract channel once, refuses foreign frames and reaches the real database', async () => {
    const { calls } = await start();
    expect([...calls.ipc.keys()].sort()).toEqual(CHANNELS.map(ipcName).sort());
    const setIdentity = calls.ipc.get(ipcName('setIdentity'))!;
    const foreign = await setIdentity({ senderFrame: { url: 'https://evil.example/' } }, { name: 'Mallory', role: 'chair' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const none = await setIdentity({ senderFrame: null }, { name: 'Mallory', role: 'chair' });
    expect(none).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const own = { senderFrame: { url: 'app://scp/index.html' } };
    expect(await calls.ipc.get(ipcName('getIdentity'))!(own, {})).toEqual({ ok: true, value: null });
    const created = await calls.ipc.get(ipcName('createMember'))!(own, { name: 'Ada Example', role: 'ice', organisation: 'ICE Office', email: '', activeFrom: '2026-04-01' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Ada Example' } });
    const info = await calls.ipc.get(ipcName('getAppInfo'))!(own, {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron', dbPath: join(dir, 'scp.sqlite3'), schemaVersion: SCHEMA_VERSION } });
    const bad = await calls.ipc.get(ipcName('createMember'))!(own, { name: 'x', role: 'king' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('remembers the window size and position, and ignores a place off every screen', async () => {
    let fake = await start();
    fake.calls.windows[0].bounds = { x: 100, y: 80, width: 1000, height: 700 };
    fake.calls.windows[0].onClose!();
    await running?.backup;
  await running?.opened?.close();
    fake = await start();
    expect(fake.calls.windows[0].options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    await running?.backup;
  await running?.opened?.close();

    writeFileSync(join(dir, 'userData', 'window-state.json'), JSON.stringify({ x: 5000, y: 5000, width: 1000, height: 700, maximized: false }));
    fake = await start();
    expect(fake.calls.windows[0].options.x).toBeUndefined();
    await running?.backup;
  await running?.opened?.close();

    writeFileSync(join(dir, 'userData', 'window-state.json'), '{not json');
    fake = await start();
    expect(fake.calls.windows[0].options).toMatchObject({ width: 1280, height: 820 });
  });

  it('shows the reason and quits, without touching the file, when the database cannot be opened', async () => {
    const bad = join(dir, 'scp.sqlite3');
    writeFileSync(bad, 'this is not a database, and it is long enough to have a header....................................');
    const before = readFileSync(bad);
    const { calls } = await start();
    expect(calls.errors[0].content).toMatch(/damaged or is not a Serious Case Panel database.*Restore it from a backup/s);
    expect(calls.exit).toEqual([1]);
    expect(calls.windows).toHaveLength(0);
    expect(readFileSync(bad).equals(before)).toBe(true);
  });
});
