import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());


const complaint = (ref: string, title: string, receivedOn: string, tags: string[] = []): EvidenceInput => ({
  ref,
  title,
  summary: `${title}. Aggregate of complaints in the period.`,
  receivedOn,
  region: '',
  tags,
  sensitivity: 'official',
  details: { type: 'complaint', serviceArea: 'Universal Credit', periodFrom: null, periodTo: null, complaintCount: 12 },
});

describe('themes', () => {
  it('creates a theme owned by a Director General and refuses other owners', async () => {
    const dg = ok(await h.api.createMember({ name: 'Dana General', role: 'director-general', organisation: 'Service Excellence', email: '', activeFrom: '2026-04-01' }));
    const chair = ok(await h.api.createMember({ name: 'Chris Chair', role: 'chair', organisation: '', email: '', activeFrom: '2026-04-01' }));
    const t = ok(await h.api.createTheme({ title: 'Appointee arrangements', description: 'Appointees not recorded.', ownerId: dg.id, status: 'emerging', tags: ['appointee'] }));
    expect(t).toMatchObject({ ownerName: 'Dana General', evidenceCount: 0, profile: { byType: [], byQuarter: [], panels: [] } });
    const bad = await h.api.updateTheme({ id: t.id, title: 'X', description: '', ownerId: chair.id, status: 'emerging', tags: [] });
    expect(bad.ok || bad.error.fields).toMatchObject({ ownerId: expect.stringMatching(/Director General/) });
  });

  it('links evidence with a note, builds the profile by type and quarter, and unlinks', async () => {
    const a = ok(await h.api.createEvidence(complaint('C-1', 'Callbacks not made', '2026-04-15')));
    const b = ok(await h.api.createEvidence(complaint('C-2', 'Callbacks not made again', '2026-10-02')));
    const c = ok(await h.api.createEvidence({ ...complaint('F-1', 'Staff say callbacks are missed', '2026-10-20'), details: { type: 'frontline', fromWhom: 'Safeguarding Leads', channel: 'VOC:AL session' } }));
    const t = ok(await h.api.createTheme({ title: 'Complaints not called back', description: '', status: 'under-review', tags: [] }));
    const r = ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [a.id, b.id, c.id, a.id], note: 'Callback promised and not made' }));
    expect(r).toMatchObject({ linked: 3, alreadyLinked: 0, theme: { evidenceCount: 3, evidenceThisQuarter: 2, latestEvidence: '2026-10-20' } });
    expect(ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [a.id], note: '' }))).toMatchObject({ linked: 0, alreadyLinked: 1 });
    const missing = await h.api.linkEvidence({ themeId: t.id, evidenceIds: [a.id, 9999], note: '' });
    expect(missing.ok || missing.error.code).toBe('not-found');

    const full = ok(await h.api.getTheme({ id: t.id }));
    expect(full.links.map((l) => l.ref)).toEqual(['F-1', 'C-2', 'C-1']);
    expect(full.links[0]).toMatchObject({ note: 'Callback promised and not made', linkedBy: 'Sam Secretariat' });
    expect(full.profile.byType).toEqual([
      { type: 'complaint', count: 2 },
      { type: 'frontline', count: 1 },
    ]);
    expect(full.profile.byQuarter).toEqual([
      { quarter: '2026-27 Q1', count: 1 },
      { quarter: '2026-27 Q2', count: 0 },
      { quarter: '2026-27 Q3', count: 2 },
    ]);
    expect(full.profile).toMatchObject({ firstEvidence: '2026-04-15', latestEvidence: '2026-10-20' });
    expect(ok(await h.api.getEvidence({ id: a.id })).themes).toEqual([{ id: t.id, title: 'Complaints not called back', note: 'Callback promised and not made' }]);

    const noted = ok(await h.api.updateLinkNote({ themeId: t.id, evidenceId: a.id, note: 'First instance' }));
    expect(noted.links.find((l) => l.evidenceId === a.id)?.note).toBe('First instance');
    const after = ok(await h.api.unlinkEvidence({ themeId: t.id, evidenceId: b.id }));
    expect(after.evidenceCount).toBe(2);
    const again = await h.api.unlinkEvidence({ themeId: t.id, evidenceId: b.id });
    expect(again.ok).toBe(false);
  });

  it('counts a theme’s profile from its links: quarters across financial years, ties by type, and this quarter from its first day', async () => {
    const frontline = (ref: string, receivedOn: string): EvidenceInput => ({ ...complaint(ref, `Frontline ${ref}`, receivedOn), details: { type: 'frontline', fromWhom: 'Safeguarding Leads', channel: 'VOC:AL session' } });
    const ids = [
      ok(await h.api.createEvidence(complaint('C-1', 'Callbacks missed in March', '2025-03-31'))).id,
      ok(await h.api.createEvidence(frontline('F-1', '2025-04-01'))).id,
      ok(await h.api.createEvidence(frontline('F-2', '2026-09-30'))).id,
      ok(await h.api.createEvidence(complaint('C-2', 'Callbacks missed in October', '2026-10-01'))).id,
    ];
    const t = ok(await h.api.createTheme({ title: 'Callbacks', description: '', status: 'emerging', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: ids, note: '' }));
    const full = ok(await h.api.getTheme({ id: t.id }));
    // Today is in 2026-27 Q3, which began on 1 October: 30 September is last quarter's.
    expect(full).toMatchObject({ evidenceCount: 4, evidenceThisQuarter: 1, latestEvidence: '2026-10-01' });
    expect(full.profile.byType).toEqual([
      { type: 'frontline', count: 2 },
      { type: 'complaint', count: 2 },
    ]);
    // January to March is the last quarter of the financial year that began the April before.
    expect(full.profile.byQuarter).toEqual([
      { quarter: '2024-25 Q4', count: 1 },
      { quarter: '2025-26 Q1', count: 1 },
      { quarter: '2025-26 Q2', count: 0 },
      { quarter: '2025-26 Q3', count: 0 },
      { quarter: '2025-26 Q4', count: 0 },
      { quarter: '2026-27 Q1', count: 0 },
      { quarter: '2026-27 Q2', count: 1 },
      { quarter: '2026-27 Q3', count: 1 },
    ]);
    expect(full.profile).toMatchObject({ firstEvidence: '2025-03-31', latestEvidence: '2026-10-01' });
    expect(ok(await h.api.listThemes({})).find((x) => x.id === t.id)).toMatchObject({ evidenceCount: 4, evidenceThisQuarter: 1 });
  });

  it('names every theme for lists of choices, and the themes gaining evidence this quarter, most first', async () => {
    // Today is 23 November 2026: the quarter began on 1 October.
    const old = ok(await h.api.createEvidence(complaint('C-1', 'Callbacks not made', '2026-09-30')));
    const recent = await Promise.all(['C-2', 'C-3', 'C-4'].map(async (ref, i) => ok(await h.api.createEvidence(complaint(ref, 'Callbacks missed', `2026-10-0${i + 1}`)))));
    const make = async (title: string, status: 'emerging' | 'closed') => ok(await h.api.createTheme({ title, description: 'A long description '.repeat(50), status, tags: ['tag'] }));
    const callbacks = await make('Callbacks', 'emerging');
    const appointees = await make('Appointees', 'closed');
    const letters = await make('Letters', 'emerging');
    const quiet = await make('Quiet', 'emerging');
    ok(await h.api.linkEvidence({ themeId: callbacks.id, evidenceIds: [old.id, recent[0].id], note: '' }));
    ok(await h.api.linkEvidence({ themeId: letters.id, evidenceIds: recent.map((e) => e.id), note: '' }));
    ok(await h.api.linkEvidence({ themeId: appointees.id, evidenceIds: [recent[1].id], note: '' }));
    ok(await h.api.linkEvidence({ themeId: quiet.id, evidenceIds: [old.id], note: '' }));

    // Only what a choice needs, by title: no counts, owners, tags or descriptions.
    expect(ok(await h.api.themeOptions({}))).toEqual([
      { id: appointees.id, title: 'Appointees', status: 'closed' },
      { id: callbacks.id, title: 'Callbacks', status: 'emerging' },
      { id: letters.id, title: 'Letters', status: 'emerging' },
      { id: quiet.id, title: 'Quiet', status: 'emerging' },
    ]);
    // Most this quarter first, ties by title; a theme whose evidence is all older is left out.
    expect(ok(await h.api.growingThemes({}))).toEqual([
      { id: letters.id, title: 'Letters', evidenceThisQuarter: 3 },
      { id: appointees.id, title: 'Appointees', evidenceThisQuarter: 1 },
      { id: callbacks.id, title: 'Callbacks', evidenceThisQuarter: 1 },
    ]);
    // The same counts as the full list gives.
    const full = ok(await h.api.listThemes({}));
    expect(full.filter((t) => t.evidenceThisQuarter > 0).map((t) => [t.id, t.evidenceThisQuarter]).sort()).toEqual(ok(await h.api.growingThemes({})).map((t) => [t.id, t.evidenceThisQuarter]).sort());
    expect(ok(await h.api.growingThemes({ limit: 1 })).map((t) => t.title)).toEqual(['Letters']);
    expect(await h.api.growingThemes({ limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/at least 1 theme/) } });
    expect(await h.api.themeOptions({ all: true } as never)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('suggests similar evidence, and does not offer a rejected one again', async () => {
    const linked = ok(await h.api.createEvidence(complaint('C-1', 'Appointee not recorded on the claim', '2026-05-01', ['appointee'])));
    const similar = ok(await h.api.createEvidence(complaint('C-2', 'Appointee arrangements ignored when payment stopped', '2026-06-01')));
    const other = ok(await h.api.createEvidence(complaint('C-3', 'Appointee letters sent to the claimant', '2026-06-02')));
    ok(await h.api.createEvidence(complaint('C-4', 'Pension Credit backdating', '2026-06-03')));
    const t = ok(await h.api.createTheme({ title: 'Appointee arrangements', description: 'Where an appointee acts for a claimant.', status: 'emerging', tags: ['appointee'] }));
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [linked.id], note: '' }));
    const s = ok(await h.api.suggestEvidence({ themeId: t.id }));
    expect(s.map((x) => x.ref).sort()).toEqual(['C-2', 'C-3']);
    expect(s.find((x) => x.ref === 'C-2')?.matched).toContain('appointee');
    const left = ok(await h.api.rejectSuggestion({ themeId: t.id, evidenceId: other.id }));
    expect(left.map((x) => x.evidenceId)).toEqual([similar.id]);
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [similar.id], note: 'accepted suggestion' }));
    expect(ok(await h.api.suggestEvidence({ themeId: t.id }))).toEqual([]);
    const missing = await h.api.suggestEvidence({ themeId: t.id + 1000 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('searches evidence and themes with highlighted matches, and tolerates query syntax', async () => {
    ok(await h.api.createEvidence(complaint('C-1', 'Large arrears payments to vulnerable customers', '2026-05-01')));
    ok(await h.api.createTheme({ title: 'Arrears payments', description: 'Large payments of arrears.', status: 'emerging', tags: [] }));
    const r = ok(await h.api.search({ text: 'arrear payment' }));
    expect(r.evidence).toHaveLength(1);
    expect(r.evidence[0].title).toContain('\uE000arrears\uE001');
    expect(r.themes).toHaveLength(1);
    expect(ok(await h.api.search({ text: 'arrears', types: ['ipr'] })).evidence).toEqual([]);
    expect(ok(await h.api.search({ text: 'arrears', types: ['complaint'], themes: false }))).toMatchObject({ evidence: [{ ref: 'C-1' }], themes: [] });
    for (const hostile of ['"', 'NEAR(a b)', 'title:x', '*', 'a OR', '-', '(((', "'; drop table themes; --"]) {
      expect((await h.api.search({ text: hostile })).ok).toBe(true);
    }
    expect(ok(await h.api.search({ text: '' }))).toEqual({ evidence: [], themes: [], rankedAmongNewest: false });
  });

  it('keeps each theme’s count and newest date right through linking, unlinking and a record’s date changing', async () => {
    const a = ok(await h.api.createEvidence(complaint('C-1', 'Callbacks not made', '2026-04-15')));
    const b = ok(await h.api.createEvidence(complaint('C-2', 'Callbacks not made again', '2026-10-02')));
    const t = ok(await h.api.createTheme({ title: 'Callbacks', description: '', status: 'emerging', tags: [] }));
    const u = ok(await h.api.createTheme({ title: 'Untouched', description: '', status: 'emerging', tags: [] }));
    const summary = async (id: number) => ok(await h.api.listThemes({})).find((x) => x.id === id)!;
    expect(await summary(t.id)).toMatchObject({ evidenceCount: 0, latestEvidence: null });
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [a.id, b.id], note: 'Same failure' }));
    expect(await summary(t.id)).toMatchObject({ evidenceCount: 2, latestEvidence: '2026-10-02' });
    // The whole summary, and nothing else: one of the two records is in this quarter (from 1 October).
    expect(await summary(t.id)).toEqual({
      id: t.id,
      title: 'Callbacks',
      status: 'emerging',
      ownerId: null,
      ownerName: null,
      tags: [],
      evidenceCount: 2,
      evidenceThisQuarter: 1,
      latestEvidence: '2026-10-02',
      updatedAt: t.updatedAt,
    });
    // The newest record moves back in time: the theme's newest date follows it.
    ok(await h.api.updateEvidence({ ...complaint('C-2', 'Callbacks not made again', '2026-03-01'), id: b.id }));
    expect(await summary(t.id)).toMatchObject({ evidenceCount: 2, latestEvidence: '2026-04-15' });
    ok(await h.api.unlinkEvidence({ themeId: t.id, evidenceId: a.id }));
    expect(await summary(t.id)).toMatchObject({ evidenceCount: 1, latestEvidence: '2026-03-01' });
    ok(await h.api.unlinkEvidence({ themeId: t.id, evidenceId: b.id }));
    expect(await summary(t.id)).toMatchObject({ evidenceCount: 0, latestEvidence: null });
    expect(await summary(u.id)).toMatchObject({ evidenceCount: 0, latestEvidence: null });
    // The kept figures agree with the links themselves.
    const drift = h.opened.sqlite
      .prepare('select count(*) from theme_stats s where s.links != (select count(*) from theme_evidence l where l.theme_id = s.theme_id)')
      .pluck()
      .get();
    expect(drift).toBe(0);
  });
});

