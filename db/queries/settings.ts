import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';

const settingByKey = fixedQuery((db, v: { key: string }) => db.selectFrom('settings').select('value').where('key', '=', v.key));

export async function getSetting<T>(db: Kysely<DB> | Transaction<DB>, key: string): Promise<T | null> {
  const [row] = await settingByKey(db, { key });
  if (!row) return null;
  return JSON.parse(row.value) as T;
}

export async function putSetting(db: Kysely<DB> | Transaction<DB>, key: string, value: unknown, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .execute();
}
