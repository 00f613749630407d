// Manual backups from Settings, into the same folder as the automatic daily ones.
import { basename, join } from 'node:path';
import { backupTo, BackupError, listBackups } from '#db/backup';
import { UserFacingError } from '#shared/ipc/result';
import type { HandlerContext } from './context';
import type { HandlerTable } from './types';

export const backupsDir = (ctx: HandlerContext) => join(ctx.dataDir, 'backups');

export const backupHandlers = {
  backupNow: async (ctx) => {
    const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
    try {
      const r = await backupTo(ctx.sqlite, join(backupsDir(ctx), `manual-${stamp}.sqlite3`));
      return { ...r, name: basename(r.path) };
    } catch (err) {
      throw new UserFacingError('database', err instanceof BackupError ? err.message : 'The backup failed; the database is unchanged. Try again.');
    }
  },
  listBackups: async (ctx) => ({ folder: backupsDir(ctx), backups: listBackups(backupsDir(ctx)) }),
} satisfies Partial<HandlerTable>;
