import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupTo, BackupError, restoreFrom } from '#db/backup';
import { openDatabase } from '#db/open';
import { withSession } from '../session';
import { CliError, emit, UsageError, type CliCommand } from '../types';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a verified copy of the database',
  usage: 'backup --out FILE [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { out: { type: 'string' } }, strict: true });
    if (!values.out) throw new UsageError('Give --out with the backup file to write.');
    const out = resolve(values.out);
    if (out === cmd.dbPath) throw new UsageError('--out must not be the database itself.');
    return withSession(cmd, async ({ opened }) => {
      try {
        const r = await backupTo(opened.sqlite, out);
        emit(cmd, r, `Backed up to ${r.path} (${r.bytes} bytes, integrity ${r.integrity}).`);
        return 0;
      } catch (err) {
        throw new CliError(err instanceof BackupError ? err.message : String(err));
      }
    });
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Put a backup in place of the database (the current file is kept aside)',
  usage: 'restore --from FILE [--json]',
  run: async (cmd) => {
    const { values } = parseArgs({ args: cmd.args, options: { from: { type: 'string' } }, strict: true });
    if (!values.from) throw new UsageError('Give --from with the backup file to restore.');
    let r;
    try {
      r = restoreFrom(resolve(values.from), cmd.dbPath, cmd.now().toISOString().replace(/[:.]/g, '-'));
    } catch (err) {
      throw new CliError(err instanceof BackupError ? err.message : String(err));
    }
    // Prove the restored file opens (and is brought up to this version's schema).
    const opened = await openDatabase(cmd.dbPath);
    const schemaVersion = opened.schemaVersion;
    await opened.close();
    emit(cmd, { ...r, schemaVersion }, `Restored ${values.from} to ${r.restored}.${r.keptAside ? ` The previous file is kept at ${r.keptAside}.` : ''}`);
    return 0;
  },
};
