// Migration 15 upgrades a database holding recommendations: each is found by its status from the
// new index, and none is changed.
import { expect, it } from 'vitest';
import { addPanel, migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';
const STATUSES = ['proposed', 'accepted', 'not-accepted', 'in-progress', 'implemented', 'closed'];

it('15 indexes the recommendations there before it by status', async () => {
  await m.to('2026-12-02-12-retention-holds-and-coroner-order');
  const panelId = await addPanel(m);
  await m.db
    .insertInto('recommendations')
    .values(STATUSES.map((status, i) => ({ ref: `SCP-2026-27-Q1-R0${i + 1}`, panel_id: panelId, status, created_at: now, updated_at: now })))
    .execute();
  const before = await m.db.selectFrom('recommendations').selectAll().orderBy('id').execute();

  await m.to('2026-12-05-01-recommendation-status');

  expect(await m.db.selectFrom('recommendations').selectAll().orderBy('id').execute()).toEqual(before);
  const open = "select ref from recommendations where status in ('proposed', 'accepted', 'in-progress') order by ref";
  expect((m.raw.prepare(`explain query plan ${open}`).all() as { detail: string }[]).map((r) => r.detail)[0]).toMatch(/USING (COVERING )?INDEX recommendations_status \(status=\?\)/);
  expect(m.raw.prepare(open).pluck().all()).toEqual(['SCP-2026-27-Q1-R01', 'SCP-2026-27-Q1-R02', 'SCP-2026-27-Q1-R04']);
});
