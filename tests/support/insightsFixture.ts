// Recommendations in every state, at three panels, for the dashboard's and the charts' tests.
// Today is Monday 23 November 2026: "this month" runs to the 30th.
import type { RecStatus } from '#shared/domain/recommendations';
import { ok, type Harness } from './harness';

const at = '2026-11-23T10:00:00Z';

export interface RecFixture {
  dana: number;
  dev: number;
}

async function dg(h: Harness, name: string) {
  return ok(await h.api.createMember({ name, role: 'director-general', organisation: 'DWP', email: '', activeFrom: '2024-04-01' })).id;
}

async function panel(h: Harness, date: string) {
  const r = await h.ctx.db.insertInto('panels').values({ date, start_time: '10:00', end_time: '12:00', format: 'online', location: '', notes: '', status: 'held', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Written straight to the tables: the fixture needs dates and histories the tracker's rules would take months to build. */
async function rec(h: Harness, ref: string, panelId: number, dgId: number | null, status: RecStatus, target: string | null, moves: [string, string][] = []) {
  const r = await h.ctx.db
    .insertInto('recommendations')
    .values({ ref, panel_id: panelId, text: `Recommendation ${ref}`, dg_member_id: dgId, owner: 'An owner', target_date: target, status, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [onDate, to] of moves) {
    await h.ctx.db.insertInto('recommendation_updates').values({ recommendation_id: r.id, on_date: onDate, kind: 'status', to_status: to, narrative: 'Moved', author: 'Sam', at }).execute();
  }
  return r.id;
}

export async function seedRecommendations(h: Harness): Promise<RecFixture> {
  const dana = await dg(h, 'Dana General');
  const dev = await dg(h, 'Dev General');
  const p1 = await panel(h, '2025-05-14'); // 2025-26 Q1
  const p2 = await panel(h, '2025-11-12'); // 2025-26 Q3
  const p3 = await panel(h, '2026-11-11'); // 2026-27 Q3
  await rec(h, 'R1', p1, dana, 'in-progress', '2026-10-31'); // overdue
  await rec(h, 'R2', p1, dana, 'accepted', '2026-11-25'); // due this month
  await rec(h, 'R3', p2, dev, 'proposed', '2026-11-23'); // due today: this month, not overdue
  await rec(h, 'R4', p2, dev, 'in-progress', '2026-12-01'); // next month: neither
  await rec(h, 'R5', p2, null, 'accepted', '2026-11-01'); // overdue, no DG yet
  await rec(h, 'R6', p1, dana, 'implemented', '2026-01-01', [['2025-09-01', 'implemented']]); // done: 110 days
  await rec(h, 'R7', p1, dev, 'closed', '2025-12-31', [['2025-07-13', 'implemented'], ['2025-08-01', 'closed']]); // 60 days (implemented, not closed)
  // Implemented, reopened, implemented again: the last implementation counts (120 days).
  await rec(h, 'R8', p2, dana, 'implemented', '2026-06-30', [['2026-01-01', 'implemented'], ['2026-02-01', 'in-progress'], ['2026-03-12', 'implemented']]);
  await rec(h, 'R9', p2, dev, 'not-accepted', null);
  await rec(h, 'R10', p3, dana, 'proposed', null); // no target: neither
  return { dana, dev };
}
