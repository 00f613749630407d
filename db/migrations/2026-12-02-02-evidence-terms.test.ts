// Migration 13 upgrades a database holding records: its view of the evidence index lists their
// terms from the start, and follows records added, changed and deleted after it.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';
const record = (ref: string, title: string) => ({ type: 'complaint', ref, title, received_on: '2026-05-01', sensitivity: 'official', details: '{"type":"complaint"}', created_at: now, updated_at: now });
const terms = async (from: string) =>
  (await sql<{ term: string; doc: number }>`select term, doc from evidence_terms where term >= ${from} and term < ${`${from}\uffff`} order by term, doc`.execute(m.db)).rows;

it('13 lists the terms of the evidence index, for records there before it and after', async () => {
  await m.to('2026-12-02-01-ipr-stage-indexes');
  await m.db.insertInto('evidence').values([record('CMP-1', 'Payments stopped'), record('CMP-2', 'Payment suspended')]).execute();

  await m.to('2026-12-02-02-evidence-terms');

  // Each record's words as the index keeps them (stemmed), one row a word in a record.
  expect(await terms('pay')).toEqual([
    { term: 'payment', doc: 1 },
    { term: 'payment', doc: 2 },
  ]);
  await m.db.insertInto('evidence').values(record('CMP-3', 'Paying agent')).execute();
  await m.db.updateTable('evidence').set({ title: 'Letters stopped' }).where('id', '=', 1).execute();
  await m.db.deleteFrom('evidence').where('id', '=', 2).execute();
  expect(await terms('pa')).toEqual([{ term: 'pai', doc: 3 }]);
  // The first term at or after a given one is a single step into the index.
  expect((await sql<{ term: string }>`select term from evidence_terms where term >= ${'letter\u0001'} limit 1`.execute(m.db)).rows).toEqual([{ term: 'pai' }]);
});
