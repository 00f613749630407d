// Opens the database for a command and gives it the same handlers the app uses.
import { dirname, join } from 'node:path';
import { openDatabase, type OpenedDatabase, type OpenOptions } from '#db/open';
import type { HandlerContext } from '../handlers/context';
import { handlers } from '../handlers/index';
import { dispatch } from '../ipc/dispatch';
import { CHANNELS, type ScpApi } from '#shared/ipc/contract';
import type { CommandContext } from './types';

export interface Session {
  opened: OpenedDatabase;
  ctx: HandlerContext;
  api: ScpApi;
}

export function sqliteVersion(opened: OpenedDatabase): string {
  return String(opened.sqlite.prepare('select sqlite_version()').pluck().get());
}

export async function withSession<T>(cmd: CommandContext, fn: (s: Session) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const opened = await openDatabase(cmd.dbPath, options);
  try {
    const ctx: HandlerContext = {
      db: opened.db,
    sqlite: opened.sqlite,
      now: cmd.now,
      info: { version: 'cli', dbPath: cmd.dbPath, schemaVersion: opened.schemaVersion, sqliteVersion: sqliteVersion(opened) },
      dataDir: dirname(cmd.dbPath) === '.' ? join(process.cwd()) : dirname(cmd.dbPath),
    };
    const api = Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, ctx, c, arg)])) as unknown as ScpApi;
    return await fn({ opened, ctx, api });
  } finally {
    await opened.close();
  }
}
