import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { loadDemo } from './demo';
import { REC_TRANSITIONS, type RecStatus } from '#shared/domain/recommendations';
import { loadLargeDemo } from './large';
import { CORONER_AREAS } from './register';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

async function build(seed: number) {
  const h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  harnesses.push(h);
  await loadDemo(h.ctx);
  const r = await loadLargeDemo(h.ctx, { evidence: 3000, themes: 40, links: 4000, panels: 6, recommendations: 60, updates: 600, minuteEntries: 300, seed });
  return { h, r };
}

describe('large demonstration dataset', () => {
  it('builds the requested scale through the same triggers as any write, reproducibly', async () => {
    const { h, r } = await build(7);
    expect(r).toMatchObject({ evidence: 3000, themes: 40, links: 4000 });
    const q = (sql: string) => h.opened.sqlite.prepare(sql).pluck().get() as number;
    const base = { evidence: q('select count(*) from evidence') - 3000 };
    expect(base.evidence).toBeGreaterThan(250);
    expect(q("select count(*) from audit_log where table_name = 'theme_evidence'")).toBeGreaterThanOrEqual(4000);
    expect(q("select count(distinct type) from evidence where ref like '%-L%'")).toBe(7);
    expect(q("select count(*) from evidence_fts where evidence_fts match 'appointee'")).toBeGreaterThan(0);
    // Realistic text lengths: a summary of a few sentences.
    expect(q("select avg(length(summary)) from evidence where ref like '%-L%'")).toBeGreaterThan(200);
    expect((await h.api.listEvidence({ filter: { text: 'appointee' } })).ok).toBe(true);
    // A coroner's report names a coroner area, in the region the record gives.
    const reports = h.opened.sqlite.prepare("select region, json_extract(details, '$.coronerArea') as area from evidence where type = 'pfd' and ref like '%-L%'").all() as { region: string; area: string }[];
    expect(reports.length).toBeGreaterThan(50);
    const regionOf = new Map(CORONER_AREAS.map((a) => [a.area, a.region]));
    for (const r of reports) expect(regionOf.get(r.area), r.area).toBe(r.region);
    expect(new Set(reports.map((r) => r.area)).size).toBeGreaterThan(5);
    const again = await build(7);
    const refs = (x: Harness) => x.opened.sqlite.prepare("select ref || title || received_on from evidence where ref like '%-L%' order by id").pluck().all();
    expect(refs(again.h)).toEqual(refs(h));
    expect(h.opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(h.opened.sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 60_000);

  it('adds held panels with minute entries, approved minutes and recommendations whose histories obey the tracker’s rules', async () => {
    const { h, r } = await build(11);
    expect(r).toMatchObject({ panels: 6, recommendations: 60, minuteEntries: 300 });
    expect(r.updates).toBeGreaterThan(300);
    const q = (sql: string) => h.opened.sqlite.prepare(sql).pluck().get() as number;
    const demoFirst = h.opened.sqlite.prepare("select min(date) from panels where created_at not like date || '%'").pluck().get() as string;
    const large = h.opened.sqlite.prepare("select id, date from panels where status = 'minutes-approved' and created_at like date || '%' order by date").all() as { id: number; date: string }[];
    expect(large).toHaveLength(6);
    expect(large[5].date < demoFirst).toBe(true);
    expect(q(`select count(*) from decisions where panel_id in (${large.map((p) => p.id).join(',')})`) + q(`select count(*) from actions where panel_id in (${large.map((p) => p.id).join(',')})`)).toBe(300);
    expect(q(`select count(*) from minutes_versions where status = 'approved' and json_valid(snapshot) and panel_id in (${large.map((p) => p.id).join(',')})`)).toBe(6);
    // Every status change in every history is one the tracker allows, and the row's status is where the history ends.
    const moves = h.opened.sqlite.prepare("select from_status, to_status from recommendation_updates where kind = 'status'").all() as { from_status: RecStatus; to_status: RecStatus }[];
    for (const m of moves) expect(REC_TRANSITIONS[m.from_status]).toContain(m.to_status);
    expect(q("select count(*) from recommendations r where r.status != coalesce((select u.to_status from recommendation_updates u where u.recommendation_id = r.id and u.to_status is not null order by u.id desc limit 1), 'proposed')")).toBe(0);
    // The reference counter is ahead of every reference issued, so a new one is never a repeat.
    expect(q("select count(*) from recommendations r join panels p on p.id = r.panel_id where cast(substr(r.ref, length(r.ref) - 1) as integer) > (select last from ref_counters c where r.ref like c.prefix || '%')")).toBe(0);
    const meeting = await h.api.getMeeting({ panelId: large[0].id });
    expect(meeting.ok && meeting.value.items.length).toBe(8);
    expect((await h.api.listRecommendations({})).ok).toBe(true);
    expect(h.opened.sqlite.pragma('foreign_key_check')).toEqual([]);
  }, 60_000);
});
