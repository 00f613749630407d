// Backups with SQLite's online backup API, checked with integrity_check before they count.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from '#shared/backupRotation';
import { checkFileInWorker, summariseProblems } from './fileCheck';

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

/** What a backup tells whoever watches it, and how they stop it. */
export interface BackupWatch {
  /** pages copied of pages in all, then the check of the copy */
  progress?(done: number, total: number, message: string): void;
  /** throws (anything) to stop the backup; the partial copy is removed and the error passed on */
  throwIfStopped?(): void;
}

const POLL_MS = 100;
/** 4 MB at the default page size: a step takes a few milliseconds. */
const PAGES_PER_STEP = 1000;

/** Copies the live database to `path`: written beside it, verified, then renamed into place. */
export async function backupTo(sqlite: Database.Database, path: string, watch: BackupWatch = {}): Promise<BackupResult> {
  const partial = join(dirname(path), `.${basename(path)}.partial`);
  let stopped: unknown = null;
  const stopIfAsked = () => {
    try {
      watch.throwIfStopped?.();
    } catch (err) {
      stopped = err;
      throw err;
    }
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    rmSync(partial, { force: true });
    // Copied PAGES_PER_STEP pages at a time, between which the app answers other calls. A job
    // may open a transaction on this same connection meanwhile (an import, an erasure), and a
    // step taken then copies nothing yet reports the copy finished: so the copy starts only when
    // no transaction is open, starts again if one opens, and is refused if it comes out short.
    for (let attempt = 1; ; attempt++) {
      await untilNoTransaction(sqlite, stopIfAsked);
      rmSync(partial, { force: true });
      let interrupted = false;
      try {
        await sqlite.backup(partial, {
          progress: ({ totalPages, remainingPages }) => {
            watch.progress?.(totalPages - remainingPages, totalPages, 'Copying the database…');
            stopIfAsked();
            if (sqlite.inTransaction) {
              interrupted = true;
              throw new BackupError('interrupted');
            }
            return PAGES_PER_STEP;
          },
        });
      } catch (err) {
        if (!interrupted) throw err;
      }
      if (!interrupted) {
        // A backup is a single self-contained file: no WAL beside it.
        const copy = new Database(partial);
        let pages: number;
        try {
          copy.pragma('journal_mode = DELETE');
          pages = Number(copy.pragma('page_count', { simple: true }));
        } finally {
          copy.close();
        }
        if (pages > 0 && (sqlite.inTransaction || pages === Number(sqlite.pragma('page_count', { simple: true })))) break;
      }
      if (attempt >= COPY_ATTEMPTS) throw new BackupError('The database was busy with an import or an erasure the whole time, so no backup was made. Try again when it has finished; the database is unchanged.');
    }
    stopIfAsked();
    watch.progress?.(1, 1, 'Checking the copy…');
    const integrity = await checkCopy(partial, stopIfAsked);
    if (integrity !== 'ok') throw new BackupError(`The backup failed its integrity check (${summariseProblems(integrity)}); it was not kept.`);
    // The last moment a cancel is honoured, however quickly the check ran: from here the copy is kept.
    stopIfAsked();
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
    if (stopped || err instanceof BackupError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') throw new BackupError(`The disk is full, so no backup was written to ${dirname(path)}. Free some space; the database itself is unchanged.`);
    if (['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST'].includes(code) || code.startsWith('SQLITE_CANTOPEN')) {
      throw new BackupError(`The folder ${dirname(path)} cannot be written to, so no backup was made. Choose another folder.`);
    }
    throw new BackupError(`The backup to ${path} failed: ${(err as Error).message}`);
  }
}

/** How many times a copy interrupted by a transaction is started again. */
const COPY_ATTEMPTS = 5;
/** How long a backup waits for a transaction on its connection to end. */
const TRANSACTION_WAIT_MS = 120_000;

async function untilNoTransaction(sqlite: Database.Database, stopIfAsked: () => void): Promise<void> {
  const until = Date.now() + TRANSACTION_WAIT_MS;
  while (sqlite.inTransaction) {
    stopIfAsked();
    if (Date.now() > until) throw new BackupError('The database has been busy with an import or an erasure for two minutes, so no backup was made. Try again when it has finished; the database is unchanged.');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** integrity_check of the copy in a worker, stopped (and the error passed on) if the watcher asks. */
async function checkCopy(file: string, stopIfAsked: () => void): Promise<string> {
  const check = checkFileInWorker(file, 'integrity_check');
  let timer: NodeJS.Timeout | undefined;
  const asked = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      try {
        stopIfAsked();
      } catch (err) {
        reject(err as Error);
      }
    }, POLL_MS);
  });
  try {
    return await Promise.race([check.answer, asked]);
  } finally {
    clearInterval(timer);
    await check.stop();
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
  if (integrity !== 'ok') throw new BackupError(`${backup} failed its integrity check (${summariseProblems(integrity)}); nothing was changed.`);
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
