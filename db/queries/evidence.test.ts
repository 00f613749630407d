// The coroners' reports list reads a narrow index of coroners' reports (migration 11) and counts
// its dates by arithmetic, and its pages read their order from indexes (migration 12); all give
// exactly what the first version gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareByUrgency, coronerTracking } from '#shared/domain/coroner';
import { openDatabase, type OpenedDatabase } from '../open';
import { preparedDuring } from '../../tests/support/prepared';
import { seeded } from '../../electron/demo/register';
import type { CoronerReportRow } from '../tables/evidence';
import { listCoronerReportPage, listCoronerReports, listEvidence } from './evidence';
import { evidenceMatch } from './search';

const now = '2026-11-23T10:00:00Z';
let o: OpenedDatabase;

beforeAll(async () => {
  o = await openDatabase(':memory:');
  const rnd = seeded(8);
  const day = () => new Date(Date.UTC(2014, 0, 1) + Math.floor(rnd() * 4700) * 86_400_000).toISOString().slice(0, 10);
  const evidence = o.sqlite.prepare(
    `insert into evidence (type, ref, title, received_on, sensitivity, details, archived_at, created_at, updated_at) values (?, ?, ?, ?, 'official', ?, ?, ?, ?)`,
  );
  const report = o.sqlite.prepare(
    `insert into coroner_reports (evidence_id, coroner_ref, report_date, addressed_to_dwp, extended_to, extension_granted_by, extension_granted_on, response_sent_on, responded, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  o.sqlite.transaction(() => {
    for (let i = 0; i < 1500; i++) {
      const pfd = rnd() < 0.7;
      // Few report dates, so many reports share one and their order is tested.
      const reported = `2026-${String(1 + Math.floor(rnd() * 11)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 3)).padStart(2, '0')}`;
      const details = pfd ? { type: 'pfd', coronerRef: `C-${i}`, reportDate: reported, coronerArea: rnd() < 0.1 ? undefined : `Area ${i % 7}` } : { type: 'complaint' };
      const id = Number(evidence.run(pfd ? 'pfd' : 'complaint', `REF-${i}`, `Report ${i}`, day(), JSON.stringify(details), rnd() < 0.05 ? now : null, now, now).lastInsertRowid);
      if (!pfd) continue;
      const extended = rnd() < 0.2 ? day() : null;
      const sent = rnd() < 0.3 ? day() : null;
      report.run(id, `C-${i}`, reported, rnd() < 0.7 ? 1 : 0, extended, extended ? 'Coroner' : '', extended ? reported : null, sent, rnd() < 0.1 ? 1 : 0, now);
    }
  })();
});
afterAll(async () => o?.close());

/** The first version's statement: every report joined to its record's wide row, newest first. */
function before(all: boolean) {
  return o.sqlite
    .prepare(
      `select c.*, e.ref, e.title, coalesce(json_extract(e.details, '$.coronerArea'), '') as coroner_area
       from coroner_reports c join evidence e on e.id = c.evidence_id
       where e.archived_at is null ${all ? '' : 'and c.addressed_to_dwp = 1'} order by c.report_date desc`,
    )
    .all() as (CoronerReportRow & { ref: string; title: string; coroner_area: string })[];
}

describe("coroners' reports list", () => {
  it('lists what the first version listed, in the same order', async () => {
    for (const all of [false, true]) {
      for (const today of ['2026-11-23', '2026-03-01', '2016-02-29']) {
        const expected = before(all).map((r) => ({
          evidenceId: r.evidence_id,
          ref: r.coroner_ref,
          title: r.title,
          coronerArea: r.coroner_area,
          addressedToDwp: r.addressed_to_dwp === 1,
          reportDate: r.report_date,
          tracking: r.addressed_to_dwp ? coronerTracking({ reportDate: r.report_date, extendedTo: r.extended_to, extensionGrantedBy: r.extension_granted_by, extensionGrantedOn: r.extension_granted_on, responseSentOn: r.response_sent_on, responded: r.responded === 1 }, today) : null,
        }));
        expect(expected.length).toBeGreaterThan(100);
        expect(await listCoronerReports(o.db, { all, today })).toEqual(expected);
      }
    }
  });

  it('reads the records from the narrow index, never their wide rows', async () => {
    const seen = await preparedDuring(o.sqlite, () => listCoronerReports(o.db, { all: false, today: '2026-11-23' }));
    const statement = seen.find((s) => s.includes('coroner_reports'))!;
    const plan = (o.sqlite.prepare(`explain query plan ${statement}`).all(1) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH e USING COVERING INDEX evidence_pfd_list/);
  });
});

describe("coroners' reports, a page at a time", () => {
  // Days on which reports fall each side of every boundary: overdue, due within 14 days, the
  // 56th day itself, extensions, and a leap day.
  const days = ['2026-11-23', '2026-03-01', '2016-02-29', '2026-06-15', '2026-01-02'];

  it('reads pages in the order the screen sorted the whole list by, compareByUrgency', async () => {
    const statuses = new Set<string>();
    for (const all of [false, true]) {
      for (const today of days) {
        const sorted = (await listCoronerReports(o.db, { all, today })).sort(compareByUrgency);
        const paged = [];
        for (let offset = 0; ; offset += 70) {
          const page = await listCoronerReportPage(o.db, { all, today, offset, limit: 70 });
          expect(page.total).toBe(sorted.length);
          expect(page.offset).toBe(offset);
          paged.push(...page.rows);
          if (page.rows.length < 70) break;
        }
        expect(paged).toEqual(sorted);
        for (const r of sorted) statuses.add(r.tracking?.status ?? 'not addressed to DWP');
      }
    }
    // Every status was there to be ordered (and the fixture's few report dates make ties common).
    expect(statuses.size).toBe(6);
  });

  it('counts the overdue and due soon across the whole list, not the page', async () => {
    for (const all of [false, true]) {
      for (const today of days) {
        const sorted = await listCoronerReports(o.db, { all, today });
        const page = await listCoronerReportPage(o.db, { all, today, offset: 0, limit: 5 });
        expect(page.rows).toHaveLength(5);
        expect(page.counts).toEqual({
          overdue: sorted.filter((r) => r.tracking?.status === 'overdue').length,
          dueSoon: sorted.filter((r) => r.tracking?.status === 'due-within-14-days').length,
        });
      }
    }
  });

  it('sorts only the open reports; the rest come in order from their indexes, never from the rows', async () => {
    for (const all of [false, true]) {
      const seen = await preparedDuring(o.sqlite, () => listCoronerReportPage(o.db, { all, today: days[0], offset: 0, limit: 1000 }));
      const plan = (statement: string) => {
        const params = Array.from({ length: (statement.match(/\?/g) ?? []).length }, () => 1);
        return (o.sqlite.prepare(`explain query plan ${statement}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      };
      const pages = seen.filter((s) => s.startsWith('select "c"."evidence_id" from "coroner_reports"')).map(plan);
      expect(pages).toHaveLength(2);
      expect(pages[0]).toMatch(/^SEARCH c USING COVERING INDEX coroner_reports_open \(.*USE TEMP B-TREE FOR ORDER BY$/);
      expect(pages[1]).toMatch(all ? /^SCAN c USING COVERING INDEX coroner_reports_closed_all \| LIST SUBQUERY 1 \| SEARCH evidence USING COVERING INDEX evidence_pfd_list/ : /^SEARCH c USING COVERING INDEX coroner_reports_closed_dwp \(addressed_to_dwp=\?\) \| LIST SUBQUERY 1 \| SEARCH evidence USING COVERING INDEX evidence_pfd_list/);
      expect(pages[1]).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('gives the last part page, and nothing past the end', async () => {
    const { total } = await listCoronerReportPage(o.db, { all: true, today: days[0], offset: 0, limit: 1 });
    const sorted = (await listCoronerReports(o.db, { all: true, today: days[0] })).sort(compareByUrgency);
    const last = await listCoronerReportPage(o.db, { all: true, today: days[0], offset: total - 3, limit: 100 });
    expect(last.rows).toEqual(sorted.slice(-3));
    const past = await listCoronerReportPage(o.db, { all: true, today: days[0], offset: total + 50, limit: 100 });
    expect(past).toMatchObject({ total, offset: total + 50, rows: [] });
  });
});

describe('register filtered by words', () => {
  let r: OpenedDatabase;
  beforeAll(async () => {
    r = await openDatabase(':memory:');
    const rnd = seeded(5);
    const insert = r.sqlite.prepare(
      `insert into evidence (type, ref, title, summary, received_on, sensitivity, details, archived_at, created_at, updated_at) values ('complaint', ?, ?, ?, ?, 'official', '{"type":"complaint"}', ?, ?, ?)`,
    );
    r.sqlite.transaction(() => {
      for (let i = 0; i < 7000; i++) {
        // Many records share a date, so the order by id within a date is tested too.
        const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(rnd() * 900) * 86_400_000).toISOString().slice(0, 10);
        insert.run(`CMP-${i}`, `Complaint ${i}`, rnd() < 0.9 ? 'The claimant was not contacted' : 'A letter went astray', day, rnd() < 0.03 ? now : null, now, now);
      }
    })();
  });
  afterAll(async () => r?.close());

  /** What the register listed before: every live match, sorted. */
  function expected(desc: boolean, offset: number, from?: string) {
    const dir = desc ? 'desc' : 'asc';
    const where = `archived_at is null ${from ? `and received_on >= '${from}'` : ''} and id in (select rowid from evidence_fts where evidence_fts match '"claimant"*')`;
    return {
      total: (r.sqlite.prepare(`select count(*) from evidence where ${where}`).pluck().get() as number),
      ids: r.sqlite.prepare(`select id from evidence where ${where} order by received_on ${dir}, id ${dir} limit 100 offset ${offset}`).pluck().all() as number[],
    };
  }

  it('counts and pages a large set of matches exactly as before, read along the date index', async () => {
    for (const desc of [true, false]) {
      for (const offset of [0, 100, 5000, 6200]) {
        for (const from of [undefined, '2011-06-01']) {
          const page = await listEvidence(r.db, { filter: { text: 'claimant', from }, sort: 'receivedOn', desc, offset, limit: 100 }, '2026-11-23');
          const want = expected(desc, offset, from);
          expect(want.total).toBeGreaterThan(5000 * (from ? 0 : 1));
          expect(page.total).toBe(want.total);
          expect(page.rows.map((x) => x.id)).toEqual(want.ids);
        }
      }
    }
    const seen = await preparedDuring(r.sqlite, () => listEvidence(r.db, { filter: { text: 'claimant' }, sort: 'receivedOn', desc: true, offset: 0, limit: 100 }, '2026-11-23'));
    const count = seen.find((s) => s.includes('count(*)'))!;
    expect(count).toContain('from "evidence_fts"');
    const list = seen.find((s) => s.includes('limit') && s.includes('evidence_fts match'))!;
    const plan = (r.sqlite.prepare(`explain query plan ${list}`).all(await evidenceMatch(r.db, 'claimant'), 100, 0) as { detail: string }[]).map((x) => x.detail).join(' | ');
    expect(plan).toMatch(/SCAN e USING INDEX evidence_live_received/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
