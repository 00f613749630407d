import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '#db/audit';
import { scanForPersonalData } from '#shared/pii/scan';
import { REC_STATUSES, type RecommendationSummary } from '#shared/domain/recommendations';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { loadDemo, type DemoCounts } from './demo';

const TODAY = '2026-11-23';
const harnesses: Harness[] = [];
async function demo(): Promise<{ h: Harness; counts: DemoCounts }> {
  const h = await makeHarness({ now: `${TODAY}T10:00:00Z` });
  harnesses.push(h);
  await h.api.setIdentity({ name: 'Jamie Lewis', role: 'secretariat' });
  return { h, counts: await loadDemo(h.ctx) };
}

let h: Harness;
let counts: DemoCounts;
let recs: RecommendationSummary[];
beforeAll(async () => {
  ({ h, counts } = await demo());
  recs = ok(await h.api.listRecommendations({ limit: 500 })).rows;
}, 120_000);
afterAll(async () => {
  for (const x of harnesses.splice(0)) await x.close();
});

const rows = <T>(sql: string, ...args: unknown[]) => h.opened.sqlite.prepare(sql).all(...args) as T[];

describe('demonstration meetings', () => {
  it('holds eight quarterly panels from 2024-25 Q3 to 2026-27 Q2, each with approved minutes, and leaves later panels as they were', async () => {
    const list = ok(await h.api.listPanels({}));
    const all = [...list.past, ...list.upcoming].sort((a, b) => a.date.localeCompare(b.date));
    const held = all.filter((p) => p.status === 'minutes-approved');
    expect(held.map((p) => p.quarter)).toEqual(['2024-25 Q3', '2024-25 Q4', '2025-26 Q1', '2025-26 Q2', '2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2']);
    expect(all.filter((p) => p.date >= '2026-10-01').map((p) => [p.date, p.status])).toEqual([
      ['2026-11-11', 'minutes-draft'],
      ['2027-02-10', 'agenda-in-preparation'],
    ]);
    expect(counts).toMatchObject({ panels: 10, panelsHeld: 8, recommendations: recs.length, actions: expect.any(Number) });
    // The latest panel, minuted but not yet approved, was also recorded on its own day.
    const latest = ok(await h.api.getMeeting({ panelId: all.find((p) => p.date === '2026-11-11')!.id }));
    expect([latest.startedAt!.slice(0, 10), latest.endedAt!.slice(0, 10)]).toEqual(['2026-11-11', '2026-11-11']);

    for (const p of held) {
      const m = ok(await h.api.getMeeting({ panelId: p.id }));
      expect(m.phase).toBe('ended');
      expect(m.locked).toBe(true);
      expect(m.minutes.every((v) => v.status === 'approved' && v.approvedBy === 'Helen Marsh')).toBe(true);
      expect(m.quorum.met).toBe(true);
      expect(m.attendees.every((a) => a.status !== null)).toBe(true);
      expect(m.attendees.filter((a) => a.status === 'deputy')).toHaveLength(1);
      expect(m.attendees.some((a) => a.status === 'apologies')).toBe(true);
      expect(m.attendees.filter((a) => a.arrivedAt)).toHaveLength(1);
      const roles = new Set(m.attendees.filter((a) => a.status === 'present').map((a) => a.role));
      expect(roles).toContain('chair');
      expect(roles).toContain('director-general');
      const themes = m.items.filter((i) => i.themeId !== null);
      expect(themes.length).toBeGreaterThanOrEqual(2);
      expect(themes.length).toBeLessThanOrEqual(3);
      expect(m.items.filter((i) => i.standingKey)).toHaveLength(5);
      for (const i of themes) {
        expect(i.notes.split('. ').length).toBeGreaterThanOrEqual(2);
        expect(i.decisions.length).toBeGreaterThan(0);
        expect(i.elapsedSeconds).toBeGreaterThan(0);
      }
      // Recorded on the day, not on the day the demonstration was loaded.
      expect(m.startedAt!.slice(0, 10)).toBe(p.date);
    }
    const declared = held.map((p) => rows<{ n: number }>('select count(*) as n from meeting_declarations where panel_id = ?', p.id)[0].n);
    expect(declared.filter((n) => n > 0)).toEqual([1]);
    // The agendas were approved by the chair before each meeting.
    const reviews = rows<{ date: string; approved: string }>(
      "select p.date, min(r.at) as approved from agenda_reviews r join panels p on p.id = r.panel_id where r.action = 'approved' group by p.id order by p.date",
    );
    for (const r of reviews.filter((x) => x.date < '2026-10-01')) expect(r.approved.slice(0, 10) < r.date).toBe(true);
  });

  it('corrects one panel’s minutes as a second approved version with its reason', async () => {
    const versions = rows<{ date: string; version: number; status: string; reason: string }>(
      'select p.date, v.version, v.status, v.reason from minutes_versions v join panels p on p.id = v.panel_id where v.version > 1',
    );
    expect(versions).toEqual([{ date: '2025-08-13', version: 2, status: 'approved', reason: expect.stringMatching(/^Agreed at the meeting on 12 November 2025/) }]);
  });

  it('tracks about forty recommendations in every status, some overdue, some moved, exactly one escalated to the Secretary of State', async () => {
    expect(recs.length).toBeGreaterThanOrEqual(35);
    expect(recs.length).toBeLessThanOrEqual(45);
    expect(new Set(recs.map((r) => r.status))).toEqual(new Set(REC_STATUSES));
    expect(recs.every((r) => r.complete)).toBe(true);
    expect(recs.filter((r) => r.overdue).length).toBeGreaterThanOrEqual(3);
    expect(ok(await h.api.listRecommendations({ overdue: true })).total).toBe(recs.filter((r) => r.overdue).length);
    expect(recs.filter((r) => r.targetChanges === 1).length).toBeGreaterThan(0);
    expect(recs.filter((r) => r.targetChanges >= 2).length).toBeGreaterThan(0);

    const sos = recs.filter((r) => r.escalationLevel === 'secretary-of-state');
    expect(sos).toHaveLength(1);
    const escalated = ok(await h.api.getRecommendation({ id: sos[0].id }));
    expect(escalated).toMatchObject({ overdue: true, rag: 'red', escalationReason: expect.stringMatching(/Secretary of State/) });
    expect(escalated.updates.filter((u) => u.kind === 'escalation').map((u) => u.escalationLevel)).toEqual(['panel', 'secretary-of-state']);

    for (const r of recs) {
      const full = ok(await h.api.getRecommendation({ id: r.id }));
      const dates = full.updates.map((u) => u.onDate);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d >= r.panelDate && d <= TODAY)).toBe(true);
      if (r.status === 'not-accepted') expect(full.notAcceptedReason.length).toBeGreaterThan(20);
      if (r.status === 'closed') expect(full).toMatchObject({ implementationEvidence: expect.stringMatching(/.{20}/), confirmedBy: expect.stringMatching(/\w/) });
      if (r.status !== 'proposed') {
        // Decided a few weeks after the panel, and updated each quarter while open.
        const decided = full.updates.find((u) => u.kind === 'status')!;
        const weeks = (Date.parse(decided.onDate) - Date.parse(r.panelDate)) / (7 * 86_400_000);
        expect(weeks).toBeGreaterThanOrEqual(3);
        expect(weeks).toBeLessThan(6);
      }
      if (r.status === 'in-progress') expect(Date.parse(TODAY) - Date.parse(full.latestUpdate!.onDate)).toBeLessThan(100 * 86_400_000);
      expect(full.editable).toBe(false);
    }
  });

  it('rolls open actions from earlier panels into the next upcoming panel’s matters arising', async () => {
    const next = ok(await h.api.listPanels({})).upcoming[0];
    expect(next.date).toBe('2027-02-10');
    const arising = ok(await h.api.getMattersArising({ panelId: next.id }));
    const open = ok(await h.api.listActions({ status: 'open' }));
    expect(arising.actions.length).toBeGreaterThanOrEqual(2);
    expect(arising.actions.map((a) => a.id).sort()).toEqual(open.map((a) => a.id).sort());
    expect(new Set(arising.actions.map((a) => a.panelDate)).size).toBeGreaterThan(1);
    expect(arising.actions.some((a) => a.overdue)).toBe(true);
    expect(arising.actions.every((a) => a.owner && a.dueDate)).toBe(true);
    const done = ok(await h.api.listActions({ status: 'done' }));
    expect(done.length).toBeGreaterThan(open.length);
    expect(done.every((a) => a.completedOn! >= a.panelDate && a.completedOn! <= TODAY)).toBe(true);
    expect(arising.recommendations.length).toBeGreaterThan(0);
  });

  it('puts no personal data in notes, decisions, actions, declarations or the tracker', () => {
    const texts = rows<{ t: string }>(`
      select notes as t from meeting_items
      union all select text from decisions
      union all select text || ' ' || owner || ' ' || status_note from actions
      union all select interest || ' ' || action_taken from meeting_declarations
      union all select text || ' ' || owner || ' ' || not_accepted_reason || ' ' || implementation_evidence || ' ' || confirmed_by || ' ' || escalation_reason from recommendations
      union all select narrative from recommendation_updates
      union all select reason from minutes_versions
      union all select snapshot from minutes_versions`).map((r) => r.t ?? '');
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.flatMap((t) => scanForPersonalData(t).map((f) => `${f.kind}: ${f.text}`))).toEqual([]);
  });

  it('has coroners’ reports only from England and Wales, each in the region its coroner area is in', () => {
    const reports = rows<{ region: string; area: string; summary: string }>("select region, json_extract(details, '$.coronerArea') as area, summary from evidence where type = 'pfd'");
    expect(reports.length).toBeGreaterThan(5);
    const regionOf: Record<string, string> = { Essex: 'East of England', Cumbria: 'North West', Gwent: 'Wales', 'Inner London South': 'London', Surrey: 'South East' };
    for (const r of reports) {
      expect(r.region).not.toBe('Scotland');
      expect(r.summary).toContain(`coroner area of ${r.area}.`);
      if (regionOf[r.area]) expect(r.region, r.area).toBe(regionOf[r.area]);
    }
    expect(reports.some((r) => regionOf[r.area])).toBe(true);
  });

  it('keeps the audit chain whole', () => {
    expect(verifyAuditLog(h.opened.sqlite)).toMatchObject({ ok: true, firstBadRow: null });
    expect(rows<{ n: number }>("select count(*) as n from audit_log where table_name = 'recommendations'")[0].n).toBeGreaterThan(recs.length);
  });

  it('builds the same tracker every time', async () => {
    const again = await demo();
    const shape = (xs: RecommendationSummary[]) => xs.map((r) => [r.ref, r.status, r.targetDate, r.escalationLevel, r.targetChanges, r.panelDate]);
    expect(shape(ok(await again.h.api.listRecommendations({ limit: 500 })).rows)).toEqual(shape(recs));
    expect(again.counts).toEqual(counts);
  }, 120_000);
});
