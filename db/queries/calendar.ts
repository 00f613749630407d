import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

export interface HolidayValue {
  date: string;
  title: string;
  source: 'shipped' | 'imported' | 'user';
}

export async function listHolidays(db: Kysely<DB>): Promise<HolidayValue[]> {
  return db.selectFrom('bank_holidays').select(['date', 'title', 'source']).orderBy('date').execute();
}

export async function countHolidays(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('bank_holidays').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Adds or replaces holidays; user-added dates are kept when a file is imported. */
export async function upsertHolidays(db: Kysely<DB> | Transaction<DB>, rows: HolidayValue[], now: string): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const r of rows) {
    const existing = await db.selectFrom('bank_holidays').select(['title', 'source']).where('date', '=', r.date).executeTakeFirst();
    if (!existing) {
      await db.insertInto('bank_holidays').values({ ...r, updated_at: now }).execute();
      added++;
    } else if (existing.title !== r.title && existing.source !== 'user') {
      await db.updateTable('bank_holidays').set({ title: r.title, source: r.source, updated_at: now }).where('date', '=', r.date).execute();
      updated++;
    }
  }
  return { added, updated };
}

export async function deleteHoliday(db: Kysely<DB> | Transaction<DB>, date: string): Promise<boolean> {
  const r = await db.deleteFrom('bank_holidays').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
