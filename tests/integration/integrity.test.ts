// A large database is checked on another thread after it opens, so the first screens need not
// wait for a check of the whole file. Until the check passes, writes are held, never lost.
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, pendingIntegrity, type OpenedDatabase } from '#db/open';
import type { JobStatus } from '#shared/domain/jobs';
import type { HandlerContext } from '../../electron/handlers/context';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';

let dir: string;
const opened: OpenedDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scp-integrity-'));
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctxFor = (o: OpenedDatabase, path: string): HandlerContext => ({
  db: o.db,
  sqlite: o.sqlite,
  now: () => new Date('2026-11-23T10:00:00Z'),
  info: { version: 'test', dbPath: path, schemaVersion: o.schemaVersion, sqliteVersion: '' },
  dataDir: dir,
});

/** A database with a few hundred pages of members, closed cleanly. */
async function filled(path: string) {
  const o = await openDatabase(path);
  const add = o.sqlite.prepare("insert into members (name, role, organisation, email, active_from, active_to, created_at, updated_at) values (?, 'observer', ?, '', '2026-04-01', null, 'now', 'now')");
  o.sqlite.transaction(() => {
    for (let i = 0; i < 600; i++) add.run(`Member ${i}`, 'An organisation with a long name. '.repeat(30));
  })();
  o.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await o.close();
}

describe('the integrity check of a large file', () => {
  it('reads at once, holds a write until the check passes, then saves it', async () => {
    const path = join(dir, 'big.sqlite3');
    await filled(path);
    const o = await openDatabase(path, { integrityCheck: 'background' });
    opened.push(o);
    const check = pendingIntegrity(o.sqlite);
    expect(check).toBeDefined();
    expect(o.sqlite.pragma('query_only', { simple: true })).toBe(1);
    const ctx = ctxFor(o, path);
    const members = await dispatch(handlers, ctx, 'listMembers', {});
    expect(members.ok && (members.value as unknown[]).length).toBe(600);
    const saved = await dispatch(handlers, ctx, 'setIdentity', { name: 'Sam Secretariat', role: 'secretariat' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Sam Secretariat' } });
    expect(await check).toEqual({ ok: true });
    expect(o.sqlite.pragma('query_only', { simple: true })).toBe(0);
    expect((await dispatch(handlers, ctx, 'getIdentity', {})).ok).toBe(true);
  });

  it('holds a job (an export) until the check passes, then runs it to the end', async () => {
    const path = join(dir, 'big.sqlite3');
    await filled(path);
    const first = await openDatabase(path);
    await dispatch(handlers, ctxFor(first, path), 'setIdentity', { name: 'Sam Secretariat', role: 'secretariat' });
    await first.close();
    const o = await openDatabase(path, { integrityCheck: 'background' });
    opened.push(o);
    const ctx = ctxFor(o, path);
    expect(pendingIntegrity(o.sqlite)).toBeDefined();
    const started = await dispatch(handlers, ctx, 'startExport', { kind: 'tracker' });
    if (!started.ok) throw new Error(started.error.message);
    let s = started.value as JobStatus;
    while (s.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      const got = await dispatch(handlers, ctx, 'getJob', { id: s.id });
      if (!got.ok) throw new Error(got.error.message);
      s = got.value as JobStatus;
    }
    expect(s).toMatchObject({ state: 'done', failure: null });
    expect(existsSync((s.result as { path: string }).path)).toBe(true);
  });

  it('checks a small file before opening it, and a large one in the background by default', async () => {
    const path = join(dir, 'small.sqlite3');
    await filled(path);
    const o = await openDatabase(path);
    opened.push(o);
    expect(pendingIntegrity(o.sqlite)).toBeUndefined();
    expect(statSync(path).size).toBeLessThan(24 * 1024 * 1024);
  });

  it('refuses every write with a clear way forward when the file fails the check, and keeps what was saved', async () => {
    const path = join(dir, 'damaged.sqlite3');
    await filled(path);
    // Damage a page in the middle of the members table; the schema on the first page stays readable.
    const pageSize = 4096;
    const pages = Math.floor(statSync(path).size / pageSize);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const o = await openDatabase(path, { integrityCheck: 'background' });
    opened.push(o);
    const ctx = ctxFor(o, path);
    const r = await dispatch(handlers, ctx, 'setIdentity', { name: 'Sam Secretariat', role: 'secretariat' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('database');
    expect(r.error.message).toMatch(/failed its integrity check .*nothing more will be saved to it\. Restore it from a backup/);
    expect(await pendingIntegrity(o.sqlite)).toMatchObject({ ok: false });
    expect(o.sqlite.pragma('query_only', { simple: true })).toBe(1);
    expect(o.sqlite.prepare("select count(*) from settings where key = 'identity'").pluck().get()).toBe(0);
  });
});
