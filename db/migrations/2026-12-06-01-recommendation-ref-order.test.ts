// Migration 16 upgrades a database holding recommendations: each keeps its row, and a list by
// reference reads them from the new index in the order they were issued, the 100th after the 99th.
import { expect, it } from 'vitest';
import { addPanel, migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';

it('16 orders the references there before it as issued, from an index', async () => {
  await m.to('2026-12-05-01-recommendation-status');
  const panelId = await addPanel(m);
  const issued = ['SCP-2026-27-Q1-R09', 'SCP-2026-27-Q1-R11', 'SCP-2026-27-Q1-R99', 'SCP-2026-27-Q1-R100', 'SCP-2026-27-Q1-R101', 'SCP-2026-27-Q2-R01'];
  await m.db
    .insertInto('recommendations')
    .values([...issued].reverse().map((ref) => ({ ref, panel_id: panelId, created_at: now, updated_at: now })))
    .execute();
  const before = await m.db.selectFrom('recommendations').selectAll().orderBy('id').execute();

  await m.to('2026-12-06-01-recommendation-ref-order');

  expect(await m.db.selectFrom('recommendations').selectAll().orderBy('id').execute()).toEqual(before);
  const byRef = (dir: string) => `select ref from recommendations r order by rtrim(r.ref, '0123456789') ${dir}, length(r.ref) ${dir}, r.ref ${dir}`;
  const plan = (m.raw.prepare(`explain query plan ${byRef('asc')}`).all() as { detail: string }[]).map((r) => r.detail);
  expect(plan).toEqual([expect.stringMatching(/SCAN r USING (COVERING )?INDEX recommendations_ref_order/)]);
  expect(m.raw.prepare(byRef('asc')).pluck().all()).toEqual(issued);
  expect(m.raw.prepare(byRef('desc')).pluck().all()).toEqual([...issued].reverse());
  // as text, the order this replaces
  expect(m.raw.prepare('select ref from recommendations order by ref').pluck().all()).not.toEqual(issued);
});
