import { getSetting, putSetting } from '#db/queries/settings';
import { erasePersonalDetail, listRetentionDueIds, listRetentionDuePage } from '#db/queries/retention';
import { DEFAULT_RETENTION, type RetentionSettings } from '#shared/domain/retention';
import { londonToday } from '#shared/format';
import { UserFacingError } from '#shared/ipc/result';
import { NO_JOB, startJob, type JobControl } from '../jobs/registry';
import { currentUser, nowIso, type HandlerContext } from './context';
import type { HandlerTable } from './types';

const KEY = 'retention';

export async function retentionSettings(ctx: HandlerContext): Promise<RetentionSettings> {
  return { ...DEFAULT_RETENTION, ...((await getSetting<Partial<RetentionSettings>>(ctx.db, KEY)) ?? {}) };
}

/** How many records are erased between progress reports (and chances to cancel). */
const ERASE_CHUNK = 25;

/**
 * Erases the personal detail of the given records, all of which must be due; then clears it from
 * the WAL. All in one transaction: a cancel part-way rolls every record back.
 */
export async function runErasure(ctx: HandlerContext, ids: number[], today: string, job: JobControl = NO_JOB): Promise<number> {
  job.progress(0, ids.length, 'Checking the records are due…');
  const due = new Set(await listRetentionDueIds(ctx.db, await retentionSettings(ctx), today));
  const notDue = ids.filter((id) => !due.has(id));
  if (notDue.length) {
    throw new UserFacingError('invalid-argument', `${notDue.length} of the chosen records are not due for erasure (${notDue.slice(0, 5).join(', ')}${notDue.length > 5 ? '…' : ''}). Refresh the review list; nothing was erased.`);
  }
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    for (const [i, id] of ids.entries()) {
      if (i % ERASE_CHUNK === 0) {
        job.progress(i, ids.length, `Erasing personal detail: ${i.toLocaleString('en-GB')} of ${ids.length.toLocaleString('en-GB')} records…`);
        await job.checkpoint();
      }
      await erasePersonalDetail(tx, id, now);
    }
    // The last chance to stop: after this the erasure is committed and cannot be undone.
    await job.checkpoint();
  });
  job.progress(ids.length, ids.length, 'Clearing the erased detail from the disk…');
  // Copy the erased pages into the main file and empty the write-ahead log, so the old page
  // images (which still hold the words) leave the disk as well.
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return ids.length;
}

/** The day an erasure is judged on: today, or an earlier day given; checked before any job starts. */
async function erasureDay(ctx: HandlerContext, today: string | undefined): Promise<string> {
  await currentUser(ctx);
  const actual = londonToday(ctx.now());
  if (today && today > actual) throw new UserFacingError('invalid-argument', 'Erasure cannot be run for a future date.', { today: 'Must not be after today' });
  return today ?? actual;
}

/** The records an erasure names: by id, or every record due but those left out, as many as the screen counted. */
async function chosenRecords(ctx: HandlerContext, v: { ids?: number[]; allDue?: { except: number[]; expected: number } }, today: string): Promise<number[]> {
  if (v.ids) return [...new Set(v.ids)];
  const { except, expected } = v.allDue!;
  const left = new Set(except);
  const ids = (await listRetentionDueIds(ctx.db, await retentionSettings(ctx), today)).filter((id) => !left.has(id));
  if (ids.length !== expected) {
    const n = (x: number) => x.toLocaleString('en-GB');
    throw new UserFacingError('conflict', `The records due have changed since the list was read: ${n(ids.length)} of them are chosen now, not ${n(expected)}. Refresh the review list; nothing was erased.`);
  }
  return ids;
}

export const retentionHandlers = {
  getRetentionSettings: async (ctx) => retentionSettings(ctx),
  setRetentionSettings: async (ctx, v) => {
    await currentUser(ctx);
    await putSetting(ctx.db, KEY, v, nowIso(ctx));
    return retentionSettings(ctx);
  },
  listRetentionDue: async (ctx, { today, offset, limit }) => listRetentionDuePage(ctx.db, await retentionSettings(ctx), { today: today ?? londonToday(ctx.now()), offset, limit }),
  erasePersonalDetail: async (ctx, v) => {
    const day = await erasureDay(ctx, v.today);
    return { erased: await runErasure(ctx, await chosenRecords(ctx, v, day), day) };
  },
  startErasure: async (ctx, v) => {
    const day = await erasureDay(ctx, v.today);
    const unique = await chosenRecords(ctx, v, day);
    return startJob(ctx, 'erasure', `Erasing the personal detail of ${unique.length.toLocaleString('en-GB')} record${unique.length === 1 ? '' : 's'}`, async (job) => ({
      erased: await runErasure(ctx, unique, day, job),
    }));
  },
} satisfies Partial<HandlerTable>;
