// The tracker a page at a time: main filters, counts and sorts by what derive() works out
// (overdue, RAG, days open), and gives exactly what the screen showed when it sorted and grouped
// the whole list itself. The screen's old ordering is kept below as the oracle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRefs, OPEN_REC_STATUSES, REC_STATUSES, type Rag, type RecFilter, type RecommendationSummary, type RecSort } from '#shared/domain/recommendations';
import { loadDemo } from '../../electron/demo/demo';
import { loadLargeDemo } from '../../electron/demo/large';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { listRecommendationPage, listRecommendations } from './recommendations';

/**
 * The screen's sort before main sorted (RecommendationsPage's compare and sortRows), but for
 * references, compared in the order issued (`compareRefs`), where the screen compared them as text.
 */
function compare(sort: RecSort, a: RecommendationSummary, b: RecommendationSummary): number {
  switch (sort) {
    case 'ref':
      return compareRefs(a.ref, b.ref);
    case 'daysOpen':
      return a.daysOpen - b.daysOpen;
    case 'status':
      return REC_STATUSES.indexOf(a.status) - REC_STATUSES.indexOf(b.status);
    case 'targetDate':
      return (a.targetDate ?? '').localeCompare(b.targetDate ?? '');
  }
}
function sortRows(rows: RecommendationSummary[], sort: RecSort, desc: boolean): RecommendationSummary[] {
  return [...rows].sort((a, b) => {
    if (sort === 'targetDate' && !a.targetDate !== !b.targetDate) return a.targetDate ? -1 : 1;
    return compare(sort, a, b) * (desc ? -1 : 1) || compareRefs(a.ref, b.ref);
  });
}
/** The view by Director General: groups by name, none last, each in the list's order. */
function grouped(rows: RecommendationSummary[]) {
  const by = new Map<string, { key: string; name: string; rows: RecommendationSummary[] }>();
  for (const r of rows) {
    const key = r.dgId === null ? 'none' : String(r.dgId);
    const g = by.get(key) ?? { key, name: r.dgName ?? 'No Director General assigned', rows: [] };
    g.rows.push(r);
    by.set(key, g);
  }
  return [...by.values()].sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.name.localeCompare(b.name)));
}

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await loadDemo(h.ctx);
  await loadLargeDemo(h.ctx, { evidence: 200, themes: 30, links: 400, panels: 10, recommendations: 700, updates: 7000, minuteEntries: 200, seed: 31 });
  // Some without a Director General, a target date or with a date far ahead, so every branch is ordered.
  h.opened.sqlite.exec(`update recommendations set dg_member_id = null where id % 11 = 0;
    update recommendations set target_date = null where id % 13 = 0;
    update recommendations set escalation_level = 'panel' where id % 17 = 0;`);
  // One panel past its 99th recommendation: its R51-R70 become R100-R119, which as text came before R11.
  h.opened.sqlite.exec(`update recommendations set ref = substr(ref, 1, length(ref) - 2) || (cast(substr(ref, -2) as integer) + 49)
    where panel_id = (select panel_id from recommendations group by panel_id order by count(*) desc limit 1) and cast(substr(ref, -2) as integer) > 50`);
}, 180_000);
afterAll(async () => h?.close());

const SORTS: RecSort[] = ['targetDate', 'ref', 'daysOpen', 'status'];
const DAYS = ['2026-11-23', '2025-06-30', '2028-01-01'];

async function allPages(f: RecFilter, sort: RecSort, desc: boolean, byDg: boolean, today: string, limit = 97) {
  const rows: RecommendationSummary[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await listRecommendationPage(h.opened.db, { ...f, sort, desc, byDg, offset, limit }, today);
    rows.push(...page.rows);
    if (page.rows.length < limit) return { rows, page };
  }
}

describe('the tracker, a page at a time', () => {
  it('is big and varied enough to tell orders apart', async () => {
    const all = await listRecommendations(h.opened.db, {}, DAYS[0]);
    expect(all.length).toBeGreaterThan(600);
    expect(new Set(all.map((r) => r.rag))).toEqual(new Set<Rag>(['red', 'amber', 'green', 'complete', 'none']));
    expect(new Set(all.map((r) => r.status)).size).toBe(REC_STATUSES.length);
    expect(new Set(all.map((r) => r.daysOpen)).size).toBeGreaterThan(50);
    expect(all.filter((r) => r.targetDate === null).length).toBeGreaterThan(10);
    expect(all.filter((r) => r.dgId === null).length).toBeGreaterThan(10);
    // references whose order as text is not the order issued
    const refs = all.map((r) => r.ref);
    expect(refs.some((ref) => /R100$/.test(ref) && refs.includes(ref.replace(/100$/, '11')))).toBe(true);
  });

  it('pages in the order the screen sorted the whole list, every column both ways, on any day', async () => {
    for (const today of DAYS) {
      const all = await listRecommendations(h.opened.db, {}, today);
      for (const sort of SORTS) {
        for (const desc of [false, true]) {
          const { rows } = await allPages({}, sort, desc, false, today);
          expect(rows.map((r) => r.ref), `${sort} ${desc ? 'desc' : 'asc'} on ${today}`).toEqual(sortRows(all, sort, desc).map((r) => r.ref));
        }
      }
      // Whole rows, not just their order: derived state and all.
      expect((await allPages({}, 'targetDate', false, false, today)).rows).toEqual(sortRows(all, 'targetDate', false));
    }
  });

  it('filters by RAG and overdue in SQL as derive() decides them', async () => {
    const filters = [{ overdue: true }, { rag: ['red'] }, { rag: ['amber', 'green'] }, { rag: ['none', 'complete'] }, { overdue: true, rag: ['red'] }, { open: true, rag: ['amber'] }] as RecFilter[];
    const found = filters.map(() => 0);
    for (const today of DAYS) {
      for (const [i, f] of filters.entries()) {
        const want = sortRows(await listRecommendations(h.opened.db, f, today), 'daysOpen', true);
        found[i] += want.length;
        const { rows, page } = await allPages(f, 'daysOpen', true, false, today, 50);
        expect(rows.map((r) => r.ref), `${JSON.stringify(f)} on ${today}`).toEqual(want.map((r) => r.ref));
        expect(page.total).toBe(want.length);
        expect(page.overdue).toBe(want.filter((r) => r.overdue).length);
      }
    }
    // Every filter found something on one day or another.
    expect(found.every((n) => n > 0), String(found)).toBe(true);
  });

  it('groups by Director General as the view did, with each one’s counts', async () => {
    for (const today of DAYS) {
      const all = await listRecommendations(h.opened.db, {}, today);
      for (const sort of ['targetDate', 'status'] as RecSort[]) {
        const groups = grouped(sortRows(all, sort, false));
        const { rows, page } = await allPages({}, sort, false, true, today);
        expect(rows.map((r) => r.ref)).toEqual(groups.flatMap((g) => g.rows.map((r) => r.ref)));
        expect(page.byDg.map((g) => [g.dgId === null ? 'none' : String(g.dgId), g.total, g.open, g.overdue, g.red])).toEqual(
          groups.map((g) => [g.key, g.rows.length, g.rows.filter((r) => OPEN_REC_STATUSES.includes(r.status)).length, g.rows.filter((r) => r.overdue).length, g.rows.filter((r) => r.rag === 'red').length]),
        );
        expect(page.byStatus).toEqual(Object.fromEntries(REC_STATUSES.map((s) => [s, all.filter((r) => r.status === s).length])));
      }
    }
  });

  it('refuses a bad page or order through the channel, saying what is wrong', async () => {
    const refused = async (arg: object) => {
      const r = await h.api.listRecommendations(arg as never);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(arg)}`);
      return `${r.error.code}: ${r.error.message}`;
    };
    expect(await refused({ limit: 501 })).toMatch(/invalid-argument: .*at most 500 rows/);
    expect(await refused({ limit: 0 })).toMatch(/at least one row/);
    expect(await refused({ offset: -1 })).toMatch(/cannot start before the first row/);
    expect(await refused({ sort: 'owner' })).toMatch(/Unknown sort column/);
    expect(await refused({ page: 2 })).toMatch(/invalid-argument/);
    const first = await h.api.listRecommendations({});
    expect(first.ok && [first.value.rows.length, first.value.offset]).toEqual([100, 0]);
  });

  it('gives a part page at the end, and nothing past it', async () => {
    const { total } = await listRecommendationPage(h.opened.db, { sort: 'ref', desc: false, offset: 0, limit: 1 }, DAYS[0]);
    const last = await listRecommendationPage(h.opened.db, { sort: 'ref', desc: false, offset: total - 7, limit: 100 }, DAYS[0]);
    expect(last.rows).toHaveLength(7);
    const past = await listRecommendationPage(h.opened.db, { sort: 'ref', desc: false, offset: total + 1, limit: 100 }, DAYS[0]);
    expect(past).toMatchObject({ total, offset: total + 1, rows: [] });
  });
});
