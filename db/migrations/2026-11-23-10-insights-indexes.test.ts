// Migration 10 upgrades a database holding reviews, coroners' reports and recommendations, and
// the charts' queries read its indexes instead of the records.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';
const plan = async (q: string) => (await sql<{ detail: string }>`explain query plan ${sql.raw(q)}`.execute(m.db)).rows.map((r) => r.detail).join(' | ');

it('10 indexes review stages, archived records and status changes on a database holding them', async () => {
  await m.to('2026-11-23-08-meetings-recommendations');
  const ipr = (ref: string, details: object, archived: string | null = null) => ({
    type: 'ipr',
    ref,
    title: ref,
    received_on: '2026-05-01',
    sensitivity: 'official',
    details: JSON.stringify({ type: 'ipr', suicideOrSelfHarm: false, outcome: '', learningPoints: '', ...details }),
    archived_at: archived,
    created_at: now,
    updated_at: now,
  });
  await m.db
    .insertInto('evidence')
    .values([
      ipr('IPR-1', { referralDate: '2026-04-01', acceptedDate: '2026-04-11', concludedDate: '2026-06-10', presentedDate: null }),
      ipr('IPR-2', { referralDate: '2026-04-01', acceptedDate: '2026-05-01', concludedDate: null, presentedDate: null }, now),
    ])
    .execute();
  await m.db.insertInto('panels').values({ date: '2026-05-13', start_time: '10:00', end_time: '12:00', format: 'online', status: 'held', created_at: now, updated_at: now }).execute();
  await m.db.insertInto('recommendations').values({ ref: 'SCP-2026-27-Q1-R01', panel_id: 1, status: 'implemented', created_at: now, updated_at: now }).execute();
  await m.db.insertInto('recommendation_updates').values({ recommendation_id: 1, on_date: '2026-09-01', kind: 'status', to_status: 'implemented', narrative: 'Done', author: 'Sam', at: now }).execute();

  await m.to('2026-11-23-10-insights-indexes');

  // The data came through, and only the live review is in the stage indexes.
  // The charts' query names each index (without statistics SQLite would prefer the type index).
  const accepted = `select json_extract(details, '$.acceptedDate') as a from evidence indexed by evidence_ipr_accepted where type = 'ipr' and archived_at is null and json_extract(details, '$.acceptedDate') between '2026-04-01' and '2027-03-31' and json_extract(details, '$.referralDate') is not null`;
  expect((await sql<{ a: string }>`${sql.raw(accepted)}`.execute(m.db)).rows).toEqual([{ a: '2026-04-11' }]);
  expect(await plan(accepted)).toMatch(/USING INDEX evidence_ipr_accepted/);
  const concluded = accepted.replace(/acceptedDate/g, 'concludedDate').replace('referralDate', 'acceptedDate').replace('evidence_ipr_accepted', 'evidence_ipr_concluded');
  expect((await sql<{ a: string }>`${sql.raw(concluded)}`.execute(m.db)).rows).toEqual([{ a: '2026-06-10' }]);
  expect(await plan(concluded)).toMatch(/evidence_ipr_concluded \(<expr>>\? AND <expr><\?\)/);
  const presented = accepted.replace(/acceptedDate/g, 'presentedDate').replace('referralDate', 'concludedDate').replace('evidence_ipr_accepted', 'evidence_ipr_presented');
  expect(await plan(presented)).toMatch(/evidence_ipr_presented/);
  expect(await plan(`select id from evidence where archived_at is not null`)).toMatch(/evidence_archived/);
  const done = `select max(on_date) from recommendation_updates where recommendation_id = 1 and kind = 'status' and to_status = 'implemented'`;
  expect(await plan(done)).toMatch(/COVERING INDEX recommendation_updates_status/);
  expect((await sql<{ d: string }>`select max(on_date) as d from recommendation_updates where recommendation_id = 1 and kind = 'status'`.execute(m.db)).rows).toEqual([{ d: '2026-09-01' }]);
  expect((await sql`pragma foreign_key_check`.execute(m.db)).rows).toEqual([]);
});
