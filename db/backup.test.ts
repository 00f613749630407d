import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '#db/migrations/index';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupTo, BackupError, dailyBackup, listBackups, restoreFrom } from './backup';
import { migrationProvider } from './migrations/index';
import { openDatabase } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scp-backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = '2026-11-23T10:00:00Z';
async function withData(path: string) {
  const o = await openDatabase(path);
  o.sqlite.prepare("insert into members (name, role, active_from, created_at, updated_at) values ('Helen Marsh', 'chair', '2026-04-01', ?, ?)").run(now, now);
  return o;
}

describe('backups', () => {
  it('writes a verified copy holding the data, while the database stays open', async () => {
    const o = await withData(join(dir, 'scp.sqlite3'));
    const r = await backupTo(o.sqlite, join(dir, 'out', 'copy.sqlite3'));
    expect(r.integrity).toBe('ok');
    const copy = new Database(r.path, { readonly: true });
    expect(copy.prepare('select name from members').pluck().get()).toBe('Helen Marsh');
    copy.close();
    expect(readdirSync(join(dir, 'out'))).toEqual(['copy.sqlite3']);
    await o.close();
  });

  it('reports an unwritable folder in words and leaves no partial file', async () => {
    const o = await withData(join(dir, 'scp.sqlite3'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    await expect(backupTo(o.sqlite, join(dir, 'not-a-folder', 'b.sqlite3'))).rejects.toBeInstanceOf(BackupError);
    await o.close();
  });

  it('takes one backup a day and rotates old ones away', async () => {
    const o = await withData(join(dir, 'scp.sqlite3'));
    const bdir = join(dir, 'backups');
    mkdirSync(bdir);
    for (const d of ['2026-01-01', '2026-06-01', '2026-10-01', '2026-11-01', '2026-11-20']) writeFileSync(join(bdir, `scp-${d}.sqlite3`), 'old');
    const first = await dailyBackup(o.sqlite, bdir, '2026-11-23');
    expect(first.made?.path).toBe(join(bdir, 'scp-2026-11-23.sqlite3'));
    expect(first.deleted.sort()).toEqual(['scp-2026-01-01.sqlite3', 'scp-2026-06-01.sqlite3']);
    const second = await dailyBackup(o.sqlite, bdir, '2026-11-23');
    expect(second.made).toBeNull();
    expect(listBackups(bdir).map((b) => b.name)).toEqual(['scp-2026-11-23.sqlite3', 'scp-2026-11-20.sqlite3', 'scp-2026-11-01.sqlite3', 'scp-2026-10-01.sqlite3']);
    await o.close();
  });

  it('restores a backup, keeping the current file aside, and refuses a damaged one', async () => {
    const path = join(dir, 'scp.sqlite3');
    const o = await withData(path);
    const b = await backupTo(o.sqlite, join(dir, 'b.sqlite3'));
    o.sqlite.prepare("insert into members (name, role, active_from, created_at, updated_at) values ('Later', 'observer', '2026-04-01', ?, ?)").run(now, now);
    await o.close();

    const junk = join(dir, 'junk.sqlite3');
    writeFileSync(junk, Buffer.alloc(4096, 1));
    expect(() => restoreFrom(junk, path, 'x')).toThrow(/not a readable database|integrity/);
    expect(existsSync(path)).toBe(true);

    const r = restoreFrom(b.path, path, '2026-11-23T10-00');
    expect(r.keptAside).toBe(`${path}.before-restore-2026-11-23T10-00`);
    const back = await openDatabase(path);
    expect(back.sqlite.prepare('select count(*) from members').pluck().get()).toBe(1);
    await back.close();
    const aside = new Database(r.keptAside!, { readonly: true });
    expect(aside.prepare('select count(*) from members').pluck().get()).toBe(2);
    aside.close();
  });

  it('backs up a database holding data before upgrading it', async () => {
    const path = join(dir, 'old.sqlite3');
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    const k = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    const m = await new Migrator({ db: k, provider: migrationProvider }).migrateTo('2026-11-23-01-members-panels-settings');
    if (m.error) throw m.error;
    raw.prepare("insert into members (name, role, active_from, created_at, updated_at) values ('Helen Marsh', 'chair', '2026-04-01', ?, ?)").run(now, now);
    await k.destroy();
    const before = readFileSync(path).length;
    expect(before).toBeGreaterThan(0);

    const o = await openDatabase(path);
    expect(o.schemaVersion).toBe(SCHEMA_VERSION);
    await o.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-.*\.sqlite3$/);
    const copy = new Database(join(dir, 'backups', backups[0]), { readonly: true });
    expect(copy.prepare('select name from kysely_migration').pluck().all()).toEqual(['2026-11-23-01-members-panels-settings']);
    expect(copy.prepare('select name from members').pluck().get()).toBe('Helen Marsh');
    copy.close();

    // An up-to-date database is not backed up again on open.
    await (await openDatabase(path)).close();
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });
});
