import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '#db/schema';
import type { OpenedDatabase } from '#db/open';
import { getSetting } from '#db/queries/settings';
import type { Identity } from '#shared/domain/identity';
import type { AppInfo } from '#shared/ipc/contract';
import { UserFacingError } from '#shared/ipc/result';

/** What every handler receives besides its validated argument. */
export interface HandlerContext {
  db: Kysely<DB>;
  /** The same connection, for what Kysely does not cover (online backup). */
  sqlite: Database.Database;
  /** The clock, injectable so tests can fix "today". */
  now: () => Date;
  info: Omit<AppInfo, 'transport'>;
  /** Folder for files the app keeps beside its database (papers attached to agenda items, exports). */
  dataDir: string;
  /** Hands an allow-listed link to the operating system; only the desktop app has one. */
  openExternal?: (url: string) => Promise<void>;
  /** Told when a restore replaced the open database, so whoever closes it on quit closes the new one. */
  onDatabaseReplaced?: (opened: OpenedDatabase) => void;
  /** Opens a file the app wrote (an export) with the system's default program. */
  openPath?: (path: string) => Promise<string>;
}

export const IDENTITY_KEY = 'identity';

export function nowIso(ctx: HandlerContext): string {
  return ctx.now().toISOString();
}

/** The person acting; every record that needs an author takes it from here. */
export async function currentUser(ctx: HandlerContext): Promise<Identity> {
  const who = await getSetting<Identity>(ctx.db, IDENTITY_KEY);
  if (!who) throw new UserFacingError('forbidden', 'Tell the app who you are first: open Settings and enter your name and role.');
  return who;
}
