import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './migrations/index';
import { DatabaseOpenError, openDatabase, PAGE_CACHE_KIB } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scp-open-'));
});
afterEach(() => {
  try {
    chmodSync(dir, 0o755);
  } catch {
    /* already gone */
  }
  rmSync(dir, { recursive: true, force: true });
});

async function refused(path: string, code: DatabaseOpenError['code']) {
  const before = readFileSync(path);
  const err = await openDatabase(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatabaseOpenError);
  expect((err as DatabaseOpenError).code).toBe(code);
  expect(readFileSync(path).equals(before), 'the file must not be changed').toBe(true);
  return err as DatabaseOpenError;
}

describe('openDatabase', () => {
  it('sets durable pragmas and migrates to the current schema', async () => {
    const o = await openDatabase(join(dir, 'a.sqlite3'));
    expect(o.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(o.schemaVersion).toBe(SCHEMA_VERSION);
    expect(o.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await o.close();
    const again = await openDatabase(join(dir, 'a.sqlite3'));
    expect(again.schemaVersion).toBe(SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a file that is not a database, and a truncated database', async () => {
    const junk = join(dir, 'junk.sqlite3');
    writeFileSync(junk, Buffer.from('Dear Sir or Madam, this is a letter and not a database. '.repeat(200)));
    const e = await refused(junk, 'corrupt');
    expect(e.message).toMatch(/Restore it from a backup, or open another database file/);

    const real = join(dir, 'real.sqlite3');
    const o = await openDatabase(real);
    o.sqlite.exec("insert into settings(key, value, updated_at) values ('x', '" + 'y'.repeat(50000) + "', 'now')");
    o.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await o.close();
    const cut = join(dir, 'cut.sqlite3');
    copyFileSync(real, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    await refused(cut, 'corrupt');
  });

  it('refuses a database written by a newer version of the app', async () => {
    const p = join(dir, 'newer.sqlite3');
    const o = await openDatabase(p);
    o.sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2099-01-01-01-from-the-future', new Date().toISOString());
    await o.close();
    const e = await refused(p, 'newer-version');
    expect(e.message).toMatch(/newer version of the app/);

    const q = join(dir, 'uv.sqlite3');
    const raw = new Database(q);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    await refused(q, 'newer-version');
  });

  it('refuses a database locked by another program', async () => {
    const p = join(dir, 'locked.sqlite3');
    await (await openDatabase(p)).close();
    const other = new Database(p);
    other.pragma('journal_mode = DELETE');
    other.exec('begin exclusive');
    try {
      const e = await openDatabase(p, { busyTimeoutMs: 50 }).then(
        () => null,
        (err: unknown) => err,
      );
      expect((e as DatabaseOpenError).code).toBe('locked');
      expect((e as Error).message).toMatch(/in use by another program/);
    } finally {
      other.exec('rollback');
      other.close();
    }
  });

  it('refuses a read-only database with a way forward', async () => {
    const p = join(dir, 'ro.sqlite3');
    const o = await openDatabase(p);
    o.sqlite.pragma('journal_mode = DELETE');
    await o.close();
    chmodSync(p, 0o444);
    chmodSync(dir, 0o555);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      // root ignores file permissions; prove the classification with SQLite's own read-only mode.
      const e = await openDatabase(p, { readonlyForTest: true }).then(
        () => null,
        (err: unknown) => err,
      );
      expect((e as DatabaseOpenError).code).toBe('read-only');
      expect((e as Error).message).toMatch(/cannot be written/);
    } else {
      await refused(p, 'read-only');
    }
  });
});
