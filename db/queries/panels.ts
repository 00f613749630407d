import type { Kysely, Transaction } from 'kysely';
import { quarterLabel, type Panel, type PanelFormat, type PanelStatus } from '#shared/domain/panels';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';
import type { PanelRow } from '../tables/panels';

export function toPanel(row: PanelRow): Panel {
  return {
    id: row.id,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    format: row.format as PanelFormat,
    location: row.location,
    status: row.status as PanelStatus,
    notes: row.notes,
    cancelledReason: row.cancelled_reason,
    quarter: quarterLabel(row.date),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface PanelValues {
  date: string;
  startTime: string;
  endTime: string;
  format: PanelFormat;
  location: string;
  notes: string;
}

/** Upcoming panels soonest first, then past panels most recent first. */
export async function listPanels(
  db: Kysely<DB>,
  opts: { today: string; includeCancelled: boolean },
): Promise<{ upcoming: Panel[]; past: Panel[] }> {
  let upcoming = db.selectFrom('panels').selectAll().where('date', '>=', opts.today);
  let past = db.selectFrom('panels').selectAll().where('date', '<', opts.today);
  if (!opts.includeCancelled) {
    upcoming = upcoming.where('status', '!=', 'cancelled');
    past = past.where('status', '!=', 'cancelled');
  }
  const [u, p] = await Promise.all([
    upcoming.orderBy('date', 'asc').orderBy('start_time', 'asc').execute(),
    past.orderBy('date', 'desc').orderBy('start_time', 'desc').execute(),
  ]);
  return { upcoming: u.map(toPanel), past: p.map(toPanel) };
}

const panelById = fixedQuery((db, v: { id: number }) => db.selectFrom('panels').selectAll().where('id', '=', v.id));

export async function findPanel(db: Kysely<DB> | Transaction<DB>, id: number): Promise<PanelRow | undefined> {
  return (await panelById(db, { id }))[0];
}

export async function panelOnDate(db: Kysely<DB>, date: string, exceptId?: number): Promise<PanelRow | undefined> {
  let q = db.selectFrom('panels').selectAll().where('date', '=', date).where('status', '!=', 'cancelled');
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function insertPanel(db: Kysely<DB> | Transaction<DB>, v: PanelValues, now: string): Promise<number> {
  const r = await db
    .insertInto('panels')
    .values({
      date: v.date,
      start_time: v.startTime,
      end_time: v.endTime,
      format: v.format,
      location: v.location,
      notes: v.notes,
      status: 'planned',
      cancelled_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePanelRow(db: Kysely<DB>, id: number, v: PanelValues & { status: PanelStatus }, now: string): Promise<void> {
  await db
    .updateTable('panels')
    .set({
      date: v.date,
      start_time: v.startTime,
      end_time: v.endTime,
      format: v.format,
      location: v.location,
      notes: v.notes,
      status: v.status,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function cancelPanelRow(db: Kysely<DB>, id: number, reason: string, now: string): Promise<void> {
  await db.updateTable('panels').set({ status: 'cancelled', cancelled_reason: reason, updated_at: now }).where('id', '=', id).execute();
}
