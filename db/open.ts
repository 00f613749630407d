// Opening the database is where data is most at risk, so every check happens here, before any
// write: durable pragmas, an integrity check, and refusal of files this build must not touch.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider, migrations, SCHEMA_VERSION } from './migrations/index';
import type { DB } from './schema';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupTo } from './backup';
import { checkFileInWorker, summariseProblems } from './fileCheck';
import { registerAuditFunctions } from './audit';

export type OpenErrorCode = 'corrupt' | 'newer-version' | 'read-only' | 'locked' | 'migration-failed' | 'cannot-open';

export class DatabaseOpenError extends Error {
  constructor(
    readonly code: OpenErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

export interface OpenedDatabase {
  db: Kysely<DB>;
  sqlite: Database.Database;
  path: string;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations (default true). The CLI's doctor opens without migrating. */
  migrate?: boolean;
  /** How long to wait for another program's lock (default 5 s). */
  busyTimeoutMs?: number;
  /** Opens with SQLite's read-only flag: tests use it where file permissions cannot be (as root). */
  readonlyForTest?: boolean;
  /**
   * When to run the full integrity check: 'now' before anything else, 'background' on another
   * thread while the database is read (writes wait for it), or 'auto' (the default): now for files
   * up to DEFER_CHECK_ABOVE_BYTES, in the background above that.
   */
  integrityCheck?: 'now' | 'background' | 'auto';
}

/** Checking a file takes about 5 ms a megabyte here; above this, the check would keep the user waiting. */
export const DEFER_CHECK_ABOVE_BYTES = 24 * 1024 * 1024;

export type IntegrityResult = { ok: true } | { ok: false; message: string };

const checks = new WeakMap<Database.Database, Promise<IntegrityResult>>();

/**
 * The full integrity check of a connection's file, when it runs in the background. Until it has
 * passed the connection refuses writes (query_only); a write refused meanwhile waits for it.
 */
export function pendingIntegrity(sqlite: Database.Database): Promise<IntegrityResult> | undefined {
  return checks.get(sqlite);
}

// The check runs on its own read-only connection in a worker thread, so the first screens are read
// while it runs.
function checkInBackground(sqlite: Database.Database, path: string): { stop(): Promise<unknown> } {
  sqlite.pragma('query_only = ON');
  const check = checkFileInWorker(path, 'quick_check');
  const result = check.answer.then(
    (answer): IntegrityResult => {
      if (answer !== 'ok') return { ok: false, message: `The database file ${path} failed its integrity check (${summariseProblems(answer)}), so nothing more will be saved to it. ${WAY_FORWARD}` };
      if (sqlite.open) sqlite.pragma('query_only = OFF');
      return { ok: true };
    },
    (err: Error): IntegrityResult =>
      /stopped before/.test(err.message)
        ? { ok: false, message: `The check of ${path} stopped before it finished, so nothing more will be saved to it. Restart the app.` }
        : { ok: false, message: `The database file ${path} could not be checked (${err.message}), so nothing more will be saved to it. Restart the app; if it happens again, restore from a backup.` },
  );
  checks.set(sqlite, result);
  return { stop: check.stop };
}

const WAY_FORWARD = 'Restore it from a backup, or open another database file. The file has not been changed.';

function classify(err: unknown, path: string): DatabaseOpenError {
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(msg)) {
    return new DatabaseOpenError('corrupt', `The database file ${path} is damaged or is not a Serious Case Panel database (${msg}). ${WAY_FORWARD}`, path);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' && /read/i.test(msg)) {
    return new DatabaseOpenError('read-only', `The database file ${path} cannot be written (it or its folder is read-only). Give your account write access to it, or copy it somewhere you can write and open the copy.`, path);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError('locked', `The database file ${path} is in use by another program (perhaps another copy of this app). Close the other program and try again.`, path);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new DatabaseOpenError('cannot-open', `The database file ${path} cannot be opened (${msg}). Check that the folder exists and that you can write to it.`, path);
  }
  return new DatabaseOpenError('cannot-open', `The database file ${path} could not be opened: ${msg}`, path);
}

/** Applies the pragmas every connection needs; better-sqlite3 sets synchronous=NORMAL for WAL, which we override. */
export function applyPragmas(sqlite: Database.Database, busyTimeoutMs = 5000): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (String(mode).toLowerCase() !== 'wal' && sqlite.name !== ':memory:') {
    throw Object.assign(new Error(`journal_mode is ${String(mode)}, not wal`), { code: 'SQLITE_READONLY' });
  }
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Freed space is overwritten, so erased personal detail does not linger in the file.
  sqlite.pragma('secure_delete = ON');
  // Twenty years of records make a file of about 500 MB: SQLite's default 2 MB page cache rereads
  // the same index pages for every join and search. 32 MB keeps the hot indexes in memory.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/** The page cache of each connection, in KiB (SQLite's negative cache_size). */
export const PAGE_CACHE_KIB = 32 * 1024;

function appliedMigrationNames(sqlite: Database.Database): string[] {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) return [];
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

const statementCaches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection as Kysely sees it, keeping the last few hundred prepared statements. Kysely
 * prepares every query afresh, and preparing is most of a small query's time (a list handler made
 * of five small queries spent half its time there). Statements run synchronously and are never
 * iterated across an await, so sharing one between calls is safe; SQLite re-prepares a statement
 * itself when the schema changes.
 */
export function withStatementCache(sqlite: Database.Database, size = 400) {
  const cache = new Map<string, Database.Statement>();
  statementCaches.set(sqlite, cache);
  return {
    prepare(source: string): Database.Statement {
      const hit = cache.get(source);
      if (hit) {
        cache.delete(source);
        cache.set(source, hit);
        return hit;
      }
      const stmt = sqlite.prepare(source);
      cache.set(source, stmt);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}

/** Empties a connection's statement cache (the benchmark does, to see every statement a handler prepares). */
export function clearStatementCache(sqlite: Database.Database): void {
  statementCaches.get(sqlite)?.clear();
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  let sqlite: Database.Database;
  let deferCheck: boolean;
  try {
    sqlite = new Database(path, { fileMustExist: false, readonly: options.readonlyForTest === true, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (err) {
    throw classify(err, path);
  }
  try {
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    const pending = Object.keys(migrations).filter((n) => !appliedMigrationNames(sqlite).includes(n));
    const big = path !== ':memory:' && sizeOf(path) > DEFER_CHECK_ABOVE_BYTES;
    // An upgrade always checks first; so does a small file, where the check is quick.
    deferCheck = options.readonlyForTest !== true && options.migrate !== false && pending.length === 0 && (options.integrityCheck === 'background' || (options.integrityCheck !== 'now' && big));
    if (!deferCheck) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new DatabaseOpenError('corrupt', `The database file ${path} failed its integrity check (${summariseProblems(String(check))}). ${WAY_FORWARD}`, path);
      }
    } else {
      // Even then the file must read as a database with its schema before anything is shown.
      sqlite.prepare('select count(*) from sqlite_master').pluck().get();
    }
    const known = new Set(Object.keys(migrations));
    const unknown = appliedMigrationNames(sqlite).filter((n) => !known.has(n));
    const userVersion = Number(sqlite.pragma('user_version', { simple: true }));
    if (unknown.length > 0 || userVersion > SCHEMA_VERSION) {
      throw new DatabaseOpenError(
        'newer-version',
        `The database file ${path} was written by a newer version of the app (schema ${Math.max(userVersion, SCHEMA_VERSION + unknown.length)}; this version knows ${SCHEMA_VERSION}). Install the newer version, or open another file. The file has not been changed.`,
        path,
      );
    }
    applyPragmas(sqlite, options.busyTimeoutMs);
    registerAuditFunctions(sqlite);
  } catch (err) {
    sqlite.close();
    throw err instanceof DatabaseOpenError ? err : classify(err, path);
  }

  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  let schemaVersion = Number(sqlite.pragma('user_version', { simple: true }));
  if (options.migrate !== false) {
    const applied = appliedMigrationNames(sqlite);
    const pending = Object.keys(migrations).filter((n) => !applied.includes(n));
    if (applied.length > 0 && pending.length > 0 && path !== ':memory:') {
      // Every upgrade of a database holding data starts from a verified copy.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      try {
        await backupTo(sqlite, join(dirname(path), 'backups', `pre-migration-${stamp}.sqlite3`));
      } catch (err) {
        await db.destroy();
        throw new DatabaseOpenError('migration-failed', `The database ${path} needs upgrading, but the backup taken first failed (${(err as Error).message}). Nothing was changed.`, path);
      }
    }
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_READONLY')) throw classify(error, path);
      const msg = error instanceof Error ? error.message : String(error);
      throw new DatabaseOpenError('migration-failed', `The database file ${path} could not be upgraded (${msg}). Nothing was changed; restore from a backup or report this problem.`, path);
    }
    schemaVersion = appliedMigrationNames(sqlite).length;
    if (Number(sqlite.pragma('user_version', { simple: true })) !== schemaVersion) sqlite.pragma(`user_version = ${schemaVersion}`);
  }
  const background = deferCheck ? checkInBackground(sqlite, path) : null;
  return {
    db,
    sqlite,
    path,
    schemaVersion,
    close: async () => {
      await background?.stop();
      await db.destroy();
    },
  };
}
