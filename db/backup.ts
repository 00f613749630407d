// Backups with SQLite's online backup API, checked with integrity_check before they count.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from '#shared/backupRotation';

export interface BackupResult {
  path: string;
  bytes: number;
  integrity: string;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function verifyDatabaseFile(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Copies the live database to `path`: written beside it, verified, then renamed into place. */
export async function backupTo(sqlite: Database.Database, path: string): Promise<BackupResult> {
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    rmSync(partial, { force: true });
    await sqlite.backup(partial);
    // A backup is a single self-contained file: no WAL beside it.
    const copy = new Database(partial);
    let integrity: string;
    try {
      copy.pragma('journal_mode = DELETE');
      integrity = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    } finally {
      copy.close();
    }
    if (integrity !== 'ok') throw new BackupError(`The backup failed its integrity check (${integrity}); it was not kept.`);
    renameSync(partial, path);
    return { path, bytes: statSync(path).size, integrity };
  } catch (err) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) {
      try {
        rmSync(f, { force: true });
      } catch {
        // the folder itself is the problem; reported below
      }
    }
    if (err instanceof BackupError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new BackupError(`The disk is full, so no backup was written to ${dirname(path)}. Free some space; the database itself is unchanged.`);
    if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(code) || code.startsWith('SQLITE_CANTOPEN')) {
      throw new BackupError(`The folder ${dirname(path)} cannot be written to, so no backup was made. Choose another folder.`);
    }
    throw new BackupError(`The backup to ${path} failed: ${(err as Error).message}`);
  }
}

const DAILY = /^scp-(\d{4}-\d{2}-\d{2})\.sqlite3$/;

/** The day's automatic backup (once a day), then the rotation policy applied to the folder. */
export async function dailyBackup(sqlite: Database.Database, dir: string, today: string, policy: RotationPolicy = DEFAULT_ROTATION): Promise<{ made: BackupResult | null; deleted: string[] }> {
  const target = join(dir, `scp-${today}.sqlite3`);
  const made = existsSync(target) ? null : await backupTo(sqlite, target);
  const files = readdirSync(dir)
    .map((name) => ({ name, m: DAILY.exec(name) }))
    .filter((f) => f.m)
    .map((f) => ({ name: f.name, date: f.m![1] }));
  const doomed = backupsToDelete(files, today, policy);
  for (const f of doomed) rmSync(join(dir, f.name), { force: true });
  return { made, deleted: doomed.map((f) => f.name) };
}

export function listBackups(dir: string): { name: string; path: string; bytes: number }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite3') && !n.startsWith('.'))
    .sort()
    .reverse()
    .map((name) => ({ name, path: join(dir, name), bytes: statSync(join(dir, name)).size }));
}

/**
 * Puts a backup in place of the database file. The current file (and its WAL) is moved aside
 * first, never deleted, so a wrong restore can itself be undone. The database must be closed.
 */
export function restoreFrom(backup: string, dbPath: string, stamp: string): { restored: string; keptAside: string | null } {
  if (!existsSync(backup)) throw new BackupError(`There is no file at ${backup}.`);
  let integrity: string;
  try {
    integrity = verifyDatabaseFile(backup);
  } catch (err) {
    throw new BackupError(`${backup} is not a readable database (${(err as Error).message}); nothing was changed.`);
  }
  if (integrity !== 'ok') throw new BackupError(`${backup} failed its integrity check (${integrity}); nothing was changed.`);
  let keptAside: string | null = null;
  if (existsSync(dbPath)) {
    keptAside = `${dbPath}.before-restore-${stamp}`;
    renameSync(dbPath, keptAside);
    for (const ext of ['-wal', '-shm']) if (existsSync(dbPath + ext)) renameSync(dbPath + ext, keptAside + ext);
  }
  const tmp = `${dbPath}.restoring`;
  copyFileSync(backup, tmp);
  renameSync(tmp, dbPath);
  return { restored: dbPath, keptAside };
}
