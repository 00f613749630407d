// Migration 11 upgrades a database holding records, coroners' reports, recommendations and
// meetings, and the lists' queries read its indexes instead of the tables.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';
const plan = async (q: string) => (await sql<{ detail: string }>`explain query plan ${sql.raw(q)}`.execute(m.db)).rows.map((r) => r.detail).join(' | ');

it('11 indexes retention, coroners’ reports, recommendation updates and meetings on a database holding them', async () => {
  await m.to('2026-11-23-10-insights-indexes');
  const pfd = JSON.stringify({ type: 'pfd', coronerRef: 'C-1', reportDate: '2019-05-01', coronerArea: 'Avon', circumstances: 'Found at home', reportUrl: '' });
  await m.db
    .insertInto('evidence')
    .values([
      { type: 'pfd', ref: 'PFD-1', title: 'A report', received_on: '2019-05-02', sensitivity: 'official', details: pfd, created_at: now, updated_at: now },
      { type: 'complaint', ref: 'CMP-1', title: 'A complaint', received_on: '2018-01-01', sensitivity: 'official', details: '{"type":"complaint"}', erased_at: now, created_at: now, updated_at: now },
    ])
    .execute();
  await m.db.insertInto('coroner_reports').values({ evidence_id: 1, coroner_ref: 'C-1', report_date: '2019-05-01', addressed_to_dwp: 1, updated_at: now }).execute();
  await m.db.insertInto('panels').values({ date: '2026-05-13', start_time: '10:00', end_time: '12:00', format: 'online', status: 'held', created_at: now, updated_at: now }).execute();
  await m.db.insertInto('agenda_items').values({ panel_id: 1, position: 1, title: 'Item', purpose: 'discussion', minutes: 10, created_at: now, updated_at: now }).execute();
  await m.db.insertInto('decisions').values({ panel_id: 1, agenda_item_id: 1, text: 'Agreed', created_at: now, updated_at: now }).execute();
  await m.db.insertInto('actions').values({ panel_id: 1, agenda_item_id: 1, text: 'Do it', created_at: now, updated_at: now }).execute();

  await m.to('2026-11-23-11-retention-and-list-indexes');

  // Retention: the unerased record's basis, flags and holdings from the index alone.
  const retention = `select id, case type
      when 'ipr' then coalesce(json_extract(details, '$.concludedDate'), received_on)
      when 'pfd' then json_extract(details, '$.reportDate')
      when 'sar' then coalesce(json_extract(details, '$.reviewDate'), received_on)
      else received_on end as basis, json_extract(details, '$.circumstances') != '' as circumstances
    from evidence where erased_at is null order by received_on, id`;
  expect((await sql`${sql.raw(retention)}`.execute(m.db)).rows).toEqual([{ id: 1, basis: '2019-05-01', circumstances: 1 }]);
  expect(await plan(retention)).toMatch(/COVERING INDEX evidence_retention \(erased_at=\?\)/);
  // Coroners' reports: the record's columns from the narrow index.
  const coroners = `select e.ref, coalesce(json_extract(e.details, '$.coronerArea'), '') as area from evidence e where e.type = 'pfd' and e.archived_at is null`;
  expect((await sql`${sql.raw(coroners)}`.execute(m.db)).rows).toEqual([{ ref: 'PFD-1', area: 'Avon' }]);
  expect(await plan(coroners)).toMatch(/COVERING INDEX evidence_pfd_list/);
  expect(await plan(`select on_date from recommendation_updates where recommendation_id = 1 and kind = 'status' order by id desc limit 1`)).toMatch(/COVERING INDEX recommendation_updates_kind/);
  expect(await plan(`select narrative from recommendation_updates where recommendation_id = 1 order by on_date desc, id desc limit 1`)).toMatch(/INDEX recommendation_updates_latest/);
  // A meeting's decisions and actions by panel, in order, without a sort.
  for (const table of ['decisions', 'actions']) {
    const q = `select * from ${table} where panel_id = 1 order by id`;
    expect(await plan(q)).toBe(`SEARCH ${table} USING INDEX ${table}_panel (panel_id=?)`);
    expect((await sql`${sql.raw(q)}`.execute(m.db)).rows).toHaveLength(1);
  }
  expect((await sql`pragma foreign_key_check`.execute(m.db)).rows).toEqual([]);
});
