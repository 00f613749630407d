// Manual backups and restores from Settings, in the same folder as the automatic daily backups.
import { existsSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupTo, BackupError, listBackups, restoreFrom } from '#db/backup';
import { openDatabase } from '#db/open';
import { UserFacingError } from '#shared/ipc/result';
import type { BackupInfo } from '#shared/ipc/contract';
import { letWorkersGo } from '../docs/docWorkerHost';
import { exportsInFlight } from './exports';
import { JobCancelled, NO_JOB, runningJobs, startJob, type JobControl } from '../jobs/registry';
import type { HandlerContext } from './context';
import type { HandlerTable } from './types';

export const backupsDir = (ctx: HandlerContext) => join(ctx.dataDir, 'backups');

/**
 * Puts a backup in place of the open database: the connection is closed, the current file is
 * kept aside (never deleted), the backup is copied in, and the database is opened again (and
 * migrated, if the backup is older). If the restored file cannot be opened, the kept-aside file
 * goes back and is reopened, so the app is never left without its data.
 */
async function restoreInPlace(ctx: HandlerContext, backupPath: string) {
  const dbPath = ctx.info.dbPath;
  if (dbPath === ':memory:' || !existsSync(dbPath)) throw new UserFacingError('conflict', 'This database is not a file, so it cannot be replaced by a backup.');
  const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
  await ctx.db.destroy();
  let result: { restored: string; keptAside: string | null };
  try {
    result = restoreFrom(backupPath, dbPath, stamp);
  } catch (err) {
    await reopen(ctx, dbPath);
    throw new UserFacingError('invalid-argument', err instanceof BackupError ? err.message : `The backup could not be restored (${String(err)}); nothing was changed.`);
  }
  try {
    await reopen(ctx, dbPath);
  } catch (err) {
    if (result.keptAside) {
      renameSync(result.keptAside, dbPath);
      for (const ext of ['-wal', '-shm']) if (existsSync(result.keptAside + ext)) renameSync(result.keptAside + ext, dbPath + ext);
    }
    await reopen(ctx, dbPath);
    throw new UserFacingError('database', `The restored file could not be opened (${(err as Error).message}); the database you had is back in place.`);
  }
  return { restored: basename(backupPath), keptAside: result.keptAside, schemaVersion: ctx.info.schemaVersion };
}

async function reopen(ctx: HandlerContext, dbPath: string) {
  const opened = await openDatabase(dbPath);
  ctx.db = opened.db;
  ctx.sqlite = opened.sqlite;
  ctx.info = { ...ctx.info, schemaVersion: opened.schemaVersion };
  ctx.onDatabaseReplaced?.(opened);
}

/** A manual backup into the backups folder; as a job, progress is reported and a cancel removes the partial copy. */
async function manualBackup(ctx: HandlerContext, job: JobControl = NO_JOB): Promise<BackupInfo & { integrity: string }> {
  const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
  try {
    const r = await backupTo(ctx.sqlite, join(backupsDir(ctx), `manual-${stamp}.sqlite3`), {
      progress: (done, total, message) => job.progress(done, total, message),
      throwIfStopped: () => job.throwIfCancelled(),
    });
    return { ...r, name: basename(r.path) };
  } catch (err) {
    if (err instanceof JobCancelled) throw err;
    throw new UserFacingError('database', err instanceof BackupError ? err.message : 'The backup failed; the database is unchanged. Try again.');
  }
}

export const backupHandlers = {
  backupNow: (ctx) => manualBackup(ctx),
  startBackup: async (ctx) => startJob(ctx, 'backup', 'Backing up the database', (job) => manualBackup(ctx, job)),
  listBackups: async (ctx) => ({ folder: backupsDir(ctx), backups: listBackups(backupsDir(ctx)) }),
  restoreBackup: async (ctx, { name }) => {
    // A job writing to (or reading from) the database being replaced would finish in the wrong file.
    const busy = runningJobs(ctx);
    if (busy.length) throw new UserFacingError('conflict', `${busy[0].label} is still running. Wait for it to finish, or cancel it, then restore; nothing was changed.`);
    // An export asked for on a plain channel is not a job, but would write its file and log row all the same.
    if (exportsInFlight() > 0) throw new UserFacingError('conflict', 'A document is still being written. Wait for it to finish, then restore; nothing was changed.');
    // Only a backup the app itself lists can be restored from the app: no path comes from outside.
    const backup = listBackups(backupsDir(ctx)).find((b) => b.name === name);
    if (!backup) throw new UserFacingError('not-found', `There is no backup called ${name} in ${backupsDir(ctx)}. Refresh the list and choose again.`);
    // The export workers hold the file open (which Windows will not let be renamed): a pack being
    // prepared ahead, which would describe the database being replaced, and the warm worker's
    // kept connection, which would go on reading it. Both are stopped and let go.
    await letWorkersGo();
    return restoreInPlace(ctx, backup.path);
  },
} satisfies Partial<HandlerTable>;
