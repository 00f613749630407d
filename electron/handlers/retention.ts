import { getSetting, putSetting } from '#db/queries/settings';
import { erasePersonalDetail, listRetentionDue } from '#db/queries/retention';
import { DEFAULT_RETENTION, type RetentionSettings } from '#shared/domain/retention';
import { londonToday } from '#shared/format';
import { UserFacingError } from '#shared/ipc/result';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

const KEY = 'retention';

export async function retentionSettings(ctx: HandlerContext): Promise<RetentionSettings> {
  return { ...DEFAULT_RETENTION, ...((await getSetting<Partial<RetentionSettings>>(ctx.db, KEY)) ?? {}) };
}

/** Erases the personal detail of the given records, all of which must be due; then clears it from the WAL. */
export async function runErasure(ctx: HandlerContext, ids: number[], today: string): Promise<number> {
  const due = new Set((await listRetentionDue(ctx.db, await retentionSettings(ctx), today)).map((d) => d.evidenceId));
  const notDue = ids.filter((id) => !due.has(id));
  if (notDue.length) {
    throw new UserFacingError('invalid-argument', `${notDue.length} of the chosen records are not due for erasure (${notDue.slice(0, 5).join(', ')}${notDue.length > 5 ? '…' : ''}). Refresh the review list; nothing was erased.`);
  }
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    for (const id of ids) await erasePersonalDetail(tx, id, now);
  });
  // Copy the erased pages into the main file and empty the write-ahead log, so the old page
  // images (which still hold the words) leave the disk as well.
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return ids.length;
}

export const retentionHandlers = {
  getRetentionSettings: async (ctx) => retentionSettings(ctx),
  setRetentionSettings: async (ctx, v) => {
    await currentUser(ctx);
    await putSetting(ctx.db, KEY, v, nowIso(ctx));
    return retentionSettings(ctx);
  },
  listRetentionDue: async (ctx, { today }) => listRetentionDue(ctx.db, await retentionSettings(ctx), today ?? londonToday(ctx.now())),
  erasePersonalDetail: async (ctx, { ids, today }) => {
    await currentUser(ctx);
    const actual = londonToday(ctx.now());
    if (today && today > actual) throw new UserFacingError('invalid-argument', 'Erasure cannot be run for a future date.', { today: 'Must not be after today' });
    return { erased: await runErasure(ctx, [...new Set(ids)], today ?? actual) };
  },
} satisfies Partial<HandlerTable>;
