// Tests the built file, because that is what Electron loads: a sandboxed preload can require
// nothing but 'electron', so the bundle must be self-contained.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '#shared/ipc/contract';
import { buildElectron } from '../build.mjs';

let dir: string;
let source: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scp-build-'));
  const out = await buildElectron({ outdir: dir });
  source = readFileSync(out.preload, 'utf8');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load() {
  const exposed = new Map<string, Record<string, (arg: unknown) => unknown>>();
  const invoked: { channel: string; arg: unknown }[] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (arg: unknown) => unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, arg: unknown) => {
        invoked.push({ channel, arg });
        return { ok: true, value: null };
      },
    },
  };
  const module = { exports: {} };
  runInNewContext(source, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
  });
  return { exposed, invoked, required };
}

describe('built preload', () => {
  it('requires nothing but electron', () => {
    const requires = [...source.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    const { required } = load();
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly the contract’s channels on window.scp, each a function', () => {
    const { exposed } = load();
    expect([...exposed.keys()]).toEqual(['scp']);
    const api = exposed.get('scp')!;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof api[c]).toBe('function');
  });

  it('never exposes ipcRenderer, and each function invokes its own channel', async () => {
    const { exposed, invoked } = load();
    const api = exposed.get('scp')!;
    expect(Object.values(api).some((v) => typeof v === 'object')).toBe(false);
    for (const k of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once']) expect(Object.keys(api)).not.toContain(k);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    await api.listMembers({ includeInactive: true });
    await api.createPanel({ date: '2027-01-13' });
    expect(invoked).toEqual([
      { channel: 'scp:listMembers', arg: { includeInactive: true } },
      { channel: 'scp:createPanel', arg: { date: '2027-01-13' } },
    ]);
  });
});
