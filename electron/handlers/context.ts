import type { Kysely } from 'kysely';
import type { DB } from '#db/schema';
import type { AppInfo } from '#shared/ipc/contract';

/** What every handler receives besides its validated argument. */
export interface HandlerContext {
  db: Kysely<DB>;
  /** The clock, injectable so tests can fix "today". */
  now: () => Date;
  info: Omit<AppInfo, 'transport'>;
}

export function nowIso(ctx: HandlerContext): string {
  return ctx.now().toISOString();
}
