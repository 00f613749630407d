// The recommendations list finds each recommendation's target-date changes, last status change
// and latest update from indexes (migration 11) instead of reading and sorting its updates.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../open';
import { preparedDuring } from '../../tests/support/prepared';
import { OPEN_REC_STATUSES } from '#shared/domain/recommendations';
import { listRecommendations, recommendationsArising } from './recommendations';

let o: OpenedDatabase;
beforeAll(async () => {
  o = await openDatabase(':memory:');
});
afterAll(async () => o?.close());

it("reads each recommendation's updates from the indexes, sorting only the list itself", async () => {
  const seen = await preparedDuring(o.sqlite, () => listRecommendations(o.db, {}, '2026-11-23'));
  const statement = seen.find((s) => s.includes('from "recommendations"'))!;
  const plan = (o.sqlite.prepare(`explain query plan ${statement}`).all() as { detail: string }[]).map((r) => r.detail);
  expect(plan.filter((d) => /COVERING INDEX recommendation_updates_kind \(recommendation_id=\? AND kind=\?\)/.test(d))).toHaveLength(2);
  expect(plan).toContain('SEARCH u USING INDEX recommendation_updates_latest (recommendation_id=?)');
  // One sort: the list's own order. Before, the latest update and the last status change each
  // sorted every recommendation's updates.
  expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual(['USE TEMP B-TREE FOR ORDER BY']);
});

it('finds recommendations by status from their index, not by reading every one (migration 15)', async () => {
  // Matters arising's list: open or implemented, made before the panel.
  const seen = await preparedDuring(o.sqlite, () => recommendationsArising(o.db, '2027-02-10', '2026-11-23'));
  const statement = seen.find((s) => s.includes('from "recommendations"'))!;
  const plan = (o.sqlite.prepare(`explain query plan ${statement}`).all(...OPEN_REC_STATUSES, 'implemented', '2027-02-10') as { detail: string }[]).map((r) => r.detail);
  expect(plan[0]).toBe('SEARCH r USING INDEX recommendations_status (status=?)');
  expect(plan).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)');
  // The open ones, as the tracker's "open" filter asks.
  const open = await preparedDuring(o.sqlite, () => listRecommendations(o.db, { open: true }, '2026-11-23'));
  const openPlan = (o.sqlite.prepare(`explain query plan ${open.find((s) => s.includes('from "recommendations"'))!}`).all() as { detail: string }[]).map((r) => r.detail);
  expect(openPlan[0]).toBe('SEARCH r USING INDEX recommendations_status (status=?)');
});
