import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { approvedPanel, makeMembers, type MeetingFixture } from '../../tests/support/meetingFixture';
import type { Result } from '#shared/ipc/result';

let h: Harness;
let f: MeetingFixture;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-11T09:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  f = await approvedPanel(h.api, '2026-11-11', await makeMembers(h.api));
});
afterEach(async () => h.close());

function failed(r: Result<unknown>) {
  expect(r.ok).toBe(false);
  return r.ok ? { code: '', message: '', fields: undefined } : r.error;
}

async function attendAll() {
  const m = f.members;
  for (const id of [m.chair, m.ice, m.ps, m.dgs[0], m.dgs[1]]) ok(await h.api.setAttendance({ panelId: f.panelId, memberId: id, status: 'present' }));
  ok(await h.api.setAttendance({ panelId: f.panelId, memberId: m.dgs[2], status: 'apologies' }));
}

/** A complete recommendation under the theme item. */
async function recommend(text = 'Check contact before stopping payments') {
  const m = ok(await h.api.addRecommendation({ itemId: f.themeItemId }));
  const rec = m.items.find((i) => i.id === f.themeItemId)!.recommendations.at(-1)!;
  ok(await h.api.updateRecommendation({ id: rec.id, text, dgId: f.members.dgs[0], owner: 'Director, Service Excellence', targetDate: '2027-03-31' }));
  return rec;
}

describe('meeting mode', () => {
  it('opens only on an approved agenda, then records attendance against the quorum in force', async () => {
    const other = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
    expect(failed(await h.api.startMeeting({ panelId: other.id })).message).toMatch(/not approved the agenda/);
    expect(failed(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.chair, status: 'present' })).message).toMatch(/Start the meeting first/);

    const started = ok(await h.api.startMeeting({ panelId: f.panelId }));
    expect(started).toMatchObject({ phase: 'in-progress', currentItemId: f.itemIds[0] });
    expect(started.panel.status).toBe('held');
    expect(started.attendees.map((a) => a.name)).toEqual(['Chris Chair', 'Ida Examiner', 'Pat Secretary', 'Dana General', 'Dee General', 'Dev General']);
    expect(started.inAttendance.map((a) => a.name)).toEqual(['Sam Secretariat']);
    // No Terms of Reference in force: the default rule (chair + 5 members, 2 DGs) applies, and says so.
    expect(started.quorum).toMatchObject({ met: false, source: expect.stringMatching(/no Terms of Reference/), shortfall: ['the chair or a nominated deputy', '5 more members', '2 more Directors General'] });

    ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.chair, status: 'present' }));
    ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.ice, status: 'present', arrivedAt: '10:40' }));
    ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.ps, status: 'deputy', deputyName: 'Pam Deputy' }));
    let m = ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.dgs[0], status: 'present', leftAt: '11:30' }));
    expect(m.quorum).toMatchObject({ met: false, members: 4, directorsGeneral: 1, shortfall: ['1 more member', '1 more Director General'] });
    m = ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.dgs[1], status: 'present' }));
    expect(m.quorum).toMatchObject({ met: true, shortfall: [] });
    expect(m.attendees.find((a) => a.name === 'Pat Secretary')).toMatchObject({ status: 'deputy', deputyName: 'Pam Deputy' });
    expect(m.attendees.find((a) => a.name === 'Ida Examiner')).toMatchObject({ arrivedAt: '10:40' });

    // A stricter rule in Settings is used while no ToR is in force.
    const rule = ok(await h.api.setQuorumRule({ chairOrDeputy: true, minMembers: 6, minDirectorsGeneral: 2 }));
    expect(rule.source).toMatch(/Settings/);
    expect(ok(await h.api.getMeeting({ panelId: f.panelId })).quorum).toMatchObject({ met: false, shortfall: ['1 more member'] });

    const bad = failed(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.chair, status: 'apologies', arrivedAt: '10:00' }));
    expect(bad.fields).toMatchObject({ arrivedAt: expect.any(String) });
    expect(failed(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.chair, status: 'present', arrivedAt: '11:00', leftAt: '10:00' })).fields).toMatchObject({ leftAt: expect.any(String) });
  });

  it('lists a member recorded at the meeting who has since left office, and not one who left before it unrecorded', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    ok(await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.dgs[2], status: 'apologies' }));
    // Both left office before the panel's date (a correction to their records made afterwards).
    await h.ctx.db.updateTable('members').set({ active_to: '2026-10-31' }).where('id', 'in', [f.members.dgs[2], f.members.ps]).execute();
    const m = ok(await h.api.getMeeting({ panelId: f.panelId }));
    expect(m.attendees.map((a) => a.memberId)).not.toContain(f.members.ps);
    expect(m.attendees).toHaveLength(5);
    expect(m.attendees.find((a) => a.memberId === f.members.dgs[2])).toMatchObject({ role: 'director-general', status: 'apologies' });
  });

  it('saves notes, decisions, actions and declarations as they are typed, and returns to the same item', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    expect(ok(await h.api.saveItemNotes({ itemId: f.themeItemId, notes: 'The DG presented the theme.' })).savedAt).toBeTruthy();
    ok(await h.api.setCurrentItem({ panelId: f.panelId, itemId: f.themeItemId }));
    let m = ok(await h.api.addDecision({ itemId: f.themeItemId }));
    const decision = m.items.find((i) => i.id === f.themeItemId)!.decisions[0];
    ok(await h.api.updateDecision({ id: decision.id, text: 'The panel agreed the theme is systemic.' }));
    m = ok(await h.api.addAction({ itemId: f.themeItemId }));
    const action = m.items.find((i) => i.id === f.themeItemId)!.actions[0];
    ok(await h.api.updateAction({ id: action.id, text: 'Bring data on payment suspensions', owner: 'Dana General', dueDate: '2027-01-15' }));
    m = ok(await h.api.addDeclaration({ panelId: f.panelId, memberId: f.members.ice, itemId: f.themeItemId }));
    ok(await h.api.updateDeclaration({ id: m.declarations[0].id, interest: 'Reviewed one of the cases', actionTaken: 'Took no part in the item' }));

    m = ok(await h.api.getMeeting({ panelId: f.panelId }));
    const item = m.items.find((i) => i.id === f.themeItemId)!;
    expect(m.currentItemId).toBe(f.themeItemId);
    expect(item.notes).toBe('The DG presented the theme.');
    expect(item.decisions.map((d) => d.text)).toEqual(['The panel agreed the theme is systemic.']);
    expect(item.actions[0]).toMatchObject({ text: 'Bring data on payment suspensions', owner: 'Dana General', dueDate: '2027-01-15', status: 'open', overdue: false });
    expect(m.declarations[0]).toMatchObject({ memberName: 'Ida Examiner', interest: 'Reviewed one of the cases', itemId: f.themeItemId });
    // Each item has its own entries, in the order they were made, and no other item's.
    const other = m.items.find((i) => i.id !== f.themeItemId)!;
    ok(await h.api.addDecision({ itemId: other.id }));
    ok(await h.api.addDecision({ itemId: f.themeItemId }));
    m = ok(await h.api.getMeeting({ panelId: f.panelId }));
    expect(m.items.map((i) => i.decisions.length + i.actions.length).reduce((a, b) => a + b)).toBe(4);
    expect(m.items.find((i) => i.id === f.themeItemId)!.decisions.map((d) => [d.itemId, d.text])).toEqual([
      [f.themeItemId, 'The panel agreed the theme is systemic.'],
      [f.themeItemId, ''],
    ]);
    expect(m.items.find((i) => i.id === other.id)!).toMatchObject({ decisions: [{ itemId: other.id }], actions: [] });
    // Every change is in the audit history.
    const history = ok(await h.api.getRecordHistory({ table: 'decisions', key: String(decision.id) }));
    expect(history.map((e) => e.action)).toEqual(['update', 'create']);
    expect(failed(await h.api.saveItemNotes({ itemId: 99999, notes: 'x' })).code).toBe('not-found');
  });

  it('runs one item timer at a time and keeps its count across stops', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    const [first, second] = f.itemIds;
    ok(await h.api.startItemTimer({ itemId: first }));
    h.setNow('2026-11-11T09:05:00Z');
    let m = ok(await h.api.getMeeting({ panelId: f.panelId }));
    expect(m.items[0]).toMatchObject({ elapsedSeconds: 300, timerRunning: true });
    m = ok(await h.api.startItemTimer({ itemId: second }));
    expect(m.items[0]).toMatchObject({ elapsedSeconds: 300, timerRunning: false });
    h.setNow('2026-11-11T09:07:30Z');
    m = ok(await h.api.stopItemTimer({ itemId: second }));
    expect(m.items[1]).toMatchObject({ elapsedSeconds: 150, timerRunning: false });
    ok(await h.api.startItemTimer({ itemId: first }));
    h.setNow('2026-11-11T09:08:30Z');
    m = ok(await h.api.endMeeting({ panelId: f.panelId }));
    expect(m.items[0]).toMatchObject({ elapsedSeconds: 360, timerRunning: false });
  });

  it('numbers recommendations by quarter and never reuses a number', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    const r1 = await recommend();
    expect(r1.ref).toBe('SCP-2026-27-Q3-R01');
    // Made under a theme item, it is linked to that theme from the start.
    expect(r1.themeIds).toEqual([f.themeId]);
    const m = ok(await h.api.addRecommendation({ itemId: f.themeItemId }));
    const r2 = m.items.find((i) => i.id === f.themeItemId)!.recommendations[1];
    expect(r2.ref).toBe('SCP-2026-27-Q3-R02');
    ok(await h.api.removeRecommendation({ id: r2.id }));
    const r3 = (await recommend('Second')).ref;
    expect(r3).toBe('SCP-2026-27-Q3-R03');
  });

  it('ends as a draft, is approved only by the chair when complete, is then locked, and a correction is a new version', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    await attendAll();
    const rec = await recommend();
    const m0 = ok(await h.api.addAction({ itemId: f.themeItemId, text: 'An action without an owner' }));
    const action = m0.items.find((i) => i.id === f.themeItemId)!.actions[0];
    let m = ok(await h.api.endMeeting({ panelId: f.panelId }));
    expect(m).toMatchObject({ phase: 'ended', minutes: [{ version: 1, status: 'draft' }] });
    expect(m.panel.status).toBe('minutes-draft');
    // The secretariat can still edit the draft.
    ok(await h.api.saveItemNotes({ itemId: f.themeItemId, notes: 'Tidied after the meeting.' }));

    expect(failed(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-11-11' })).code).toBe('forbidden');
    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    expect(failed(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-11-11' })).message).toMatch(/Give an owner for action 1/);
    ok(await h.api.updateAction({ id: action.id, owner: 'Dev General' }));
    expect(failed(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-12-01' })).fields).toMatchObject({ approvedOn: expect.any(String) });
    m = ok(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-11-11' }));
    expect(m).toMatchObject({ locked: true, minutes: [{ version: 1, status: 'approved', approvedBy: 'Chris Chair', approvedOn: '2026-11-11' }] });
    expect(m.panel.status).toBe('minutes-approved');

    for (const r of [
      await h.api.saveItemNotes({ itemId: f.themeItemId, notes: 'Rewritten' }),
      await h.api.updateRecommendation({ id: rec.id, text: 'Rewritten' }),
      await h.api.addDecision({ itemId: f.themeItemId }),
      await h.api.setAttendance({ panelId: f.panelId, memberId: f.members.chair, status: 'apologies' }),
    ]) expect(failed(r).message).toMatch(/approved on 11 November 2026 and are locked/);
    // The approved version cannot be rewritten underneath, even directly.
    expect(() => h.opened.sqlite.prepare("update minutes_versions set reason = 'x' where panel_id = ?").run(f.panelId)).toThrow(/locked/);

    expect(failed(await h.api.startMinutesCorrection({ panelId: f.panelId, reason: 'no' })).fields).toMatchObject({ reason: expect.any(String) });
    m = ok(await h.api.startMinutesCorrection({ panelId: f.panelId, reason: 'Dev General’s name was misspelt' }));
    expect(m.locked).toBe(false);
    expect(m.minutes.map((v) => [v.version, v.status, v.reason])).toEqual([
      [1, 'approved', ''],
      [2, 'draft', 'Dev General’s name was misspelt'],
    ]);
    ok(await h.api.saveItemNotes({ itemId: f.themeItemId, notes: 'Corrected.' }));
    m = ok(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-11-11' }));
    expect(m.minutes.map((v) => v.status)).toEqual(['approved', 'approved']);
    const snap = h.opened.sqlite.prepare('select snapshot from minutes_versions where panel_id = ? order by version').all(f.panelId) as { snapshot: string }[];
    expect(snap[0].snapshot).toContain('Tidied after the meeting.');
    expect(snap[1].snapshot).toContain('Corrected.');
  });

  it('rolls open actions and open recommendations into the next panel’s matters arising', async () => {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    await attendAll();
    const rec = await recommend();
    // Listed by target date, none last: the second is due sooner, the third has no target yet.
    const sooner = await recommend('Sooner');
    ok(await h.api.updateRecommendation({ id: sooner.id, targetDate: '2027-01-31' }));
    const undated = ok(await h.api.addRecommendation({ itemId: f.themeItemId })).items.find((i) => i.id === f.themeItemId)!.recommendations.at(-1)!;
    ok(await h.api.addAction({ itemId: f.themeItemId, text: 'Bring data', owner: 'Dana General', dueDate: '2027-01-15' }));
    ok(await h.api.addAction({ itemId: f.themeItemId, text: 'Already done', owner: 'Dev General', dueDate: '2026-12-01' }));
    const m = ok(await h.api.endMeeting({ panelId: f.panelId }));
    const done = m.items.find((i) => i.id === f.themeItemId)!.actions[1];
    ok(await h.api.setActionStatus({ id: done.id, status: 'done', on: '2026-11-20', note: 'Sent to members' }));

    h.setNow('2027-02-01T09:00:00Z');
    const next = await approvedPanel(h.api, '2027-02-10', f.members, 'Appointees');
    const arising = ok(await h.api.getMattersArising({ panelId: next.panelId }));
    expect(arising.actions.map((a) => [a.text, a.panelDate])).toEqual([['Bring data', '2026-11-11']]);
    expect(arising.actions[0].overdue).toBe(true);
    expect(arising.recommendations.map((r) => [r.ref, r.targetDate])).toEqual([
      [sooner.ref, '2027-01-31'],
      [rec.ref, '2027-03-31'],
      [undated.ref, null],
    ]);
    // Nothing from this panel rolls into its own matters arising.
    expect(ok(await h.api.getMattersArising({ panelId: f.panelId }))).toEqual({ actions: [], recommendations: [] });
  });
});

describe('recommendations tracker', () => {
  async function made() {
    ok(await h.api.startMeeting({ panelId: f.panelId }));
    await attendAll();
    const rec = await recommend();
    ok(await h.api.endMeeting({ panelId: f.panelId }));
    return rec;
  }

  it('lists each recommendation’s themes, ids and titles in step, and none as empty lists', async () => {
    const rec = await made();
    const other = ok(await h.api.createTheme({ title: 'A later theme', description: '', status: 'emerging', tags: [] }));
    ok(await h.api.updateRecommendation({ id: rec.id, themeIds: [other.id, f.themeId] }));
    const themeTitle = ok(await h.api.getTheme({ id: f.themeId })).title;
    const both = { themeIds: [f.themeId, other.id], themeTitles: [themeTitle, 'A later theme'] };
    expect(ok(await h.api.getRecommendation({ id: rec.id }))).toMatchObject(both);
    expect(ok(await h.api.listRecommendations({})).rows[0]).toMatchObject(both);
    ok(await h.api.updateRecommendation({ id: rec.id, themeIds: [] }));
    expect(ok(await h.api.listRecommendations({})).rows[0]).toMatchObject({ themeIds: [], themeTitles: [] });
  });

  it('follows the lifecycle, keeps every update, and derives overdue, RAG, days open and target changes', async () => {
    const rec = await made();
    h.setNow('2026-11-23T09:00:00Z');
    let r = ok(await h.api.getRecommendation({ id: rec.id }));
    expect(r).toMatchObject({ status: 'proposed', rag: 'green', overdue: false, daysOpen: 12, targetChanges: 0, panelQuarter: '2026-27 Q3', agendaItemTitle: expect.stringMatching(/^Theme/) });
    expect(r.updates.map((u) => u.kind)).toEqual(['made']);

    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-20', narrative: 'Done', status: 'implemented' })).message).toMatch(/can next be accepted or not accepted/);
    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-20', narrative: 'No', status: 'not-accepted' })).fields).toMatchObject({ notAcceptedReason: expect.any(String) });
    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-01', narrative: 'Too early', status: 'accepted' })).fields).toMatchObject({ onDate: expect.any(String) });
    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-12-01', narrative: 'Future', status: 'accepted' })).fields).toMatchObject({ onDate: expect.any(String) });

    ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-18', narrative: 'Accepted by the DG', status: 'accepted' }));
    ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-20', narrative: 'Work started', status: 'in-progress' }));
    ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-21', narrative: 'Systems change needs a release', targetDate: '2027-06-30' }));
    r = ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2026-11-22', narrative: 'Release moved', targetDate: '2027-09-30' }));
    expect(r).toMatchObject({ status: 'in-progress', targetDate: '2027-09-30', targetChanges: 2, rag: 'amber' });
    expect(r.updates.map((u) => [u.kind, u.fromStatus ?? u.fromTarget, u.toStatus ?? u.toTarget])).toEqual([
      ['made', null, 'proposed'],
      ['status', 'proposed', 'accepted'],
      ['status', 'accepted', 'in-progress'],
      ['target-date', '2027-03-31', '2027-06-30'],
      ['target-date', '2027-06-30', '2027-09-30'],
    ]);
    expect(r.latestUpdate).toMatchObject({ onDate: '2026-11-22', narrative: 'Release moved', author: 'Sam Secretariat' });

    // Time passes: overdue is derived from the date, never stored.
    h.setNow('2027-10-05T09:00:00Z');
    r = ok(await h.api.getRecommendation({ id: rec.id }));
    expect(r).toMatchObject({ overdue: true, overdueDays: 5, rag: 'red' });
    expect(ok(await h.api.listRecommendations({ overdue: true })).rows.map((x) => x.ref)).toEqual([rec.ref]);

    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2027-10-01', narrative: 'Done', status: 'closed' })).fields).toMatchObject({ implementationEvidence: expect.any(String), confirmedBy: expect.any(String) });
    ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2027-10-02', narrative: 'Live in all sites', status: 'implemented' }));
    r = ok(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2027-10-04', narrative: 'Assured by internal audit', status: 'closed', implementationEvidence: 'Audit report IA-27-14', confirmedBy: 'Chris Chair' }));
    expect(r).toMatchObject({ status: 'closed', overdue: false, rag: 'complete', daysOpen: 327, implementationEvidence: 'Audit report IA-27-14', confirmedBy: 'Chris Chair' });
    expect(failed(await h.api.addRecommendationUpdate({ id: rec.id, onDate: '2027-10-05', narrative: 'More' })).message).toMatch(/closed/);
    // The history cannot be edited or removed, even directly.
    expect(() => h.opened.sqlite.prepare("update recommendation_updates set narrative = 'x'").run()).toThrow(/history cannot be changed/);
    expect(() => h.opened.sqlite.prepare('delete from recommendation_updates').run()).toThrow(/history cannot be changed/);
  });

  it('escalates with the date and reason, and shows red at Secretary of State level', async () => {
    const rec = await made();
    h.setNow('2026-11-23T09:00:00Z');
    expect(failed(await h.api.escalateRecommendation({ id: rec.id, level: 'none', onDate: '2026-11-20', reason: 'x' })).message).toMatch(/already not escalated/);
    const r = ok(await h.api.escalateRecommendation({ id: rec.id, level: 'secretary-of-state', onDate: '2026-11-20', reason: 'No owner agreed after two quarters' }));
    expect(r).toMatchObject({ escalationLevel: 'secretary-of-state', escalatedOn: '2026-11-20', escalationReason: 'No owner agreed after two quarters', rag: 'red' });
    expect(r.updates.at(-1)).toMatchObject({ kind: 'escalation', escalationLevel: 'secretary-of-state' });
  });

  it('traces lineage from a recommendation to its panel, item, themes and evidence, and back from evidence', async () => {
    const evidence = (ref: string, title: string) => ({
      ref,
      title,
      summary: 'Claimant uncontactable; payments suspended.',
      receivedOn: '2026-09-01',
      benefitLines: [],
      region: '',
      tags: [],
      sensitivity: 'official-sensitive' as const,
      details: { type: 'frontline' as const, fromWhom: 'Work coach', channel: 'Email' },
    });
    const ev = ok(await h.api.createEvidence(evidence('C-1', 'Payments stopped after lost contact')));
    const unrelated = ok(await h.api.createEvidence(evidence('C-9', 'Unrelated')));
    ok(await h.api.linkEvidence({ themeId: f.themeId, evidenceIds: [ev.id], note: '' }));
    const rec = await made();
    const r = ok(await h.api.getRecommendation({ id: rec.id }));
    expect(r).toMatchObject({ panelId: f.panelId, agendaItemId: f.themeItemId, themeIds: [f.themeId], evidenceTotal: 1 });
    expect(r.evidence.map((e) => e.ref)).toEqual(['C-1']);
    expect(ok(await h.api.recommendationsForEvidence({ evidenceId: ev.id })).map((x) => x.ref)).toEqual([rec.ref]);
    expect(ok(await h.api.recommendationsForEvidence({ evidenceId: unrelated.id }))).toEqual([]);
  });

  it('filters by status, DG, owner, theme, panel and words', async () => {
    const rec = await made();
    const by = async (q: Parameters<typeof h.api.listRecommendations>[0]) => ok(await h.api.listRecommendations(q)).rows.map((x) => x.ref);
    expect(await by({})).toEqual([rec.ref]);
    expect(await by({ status: ['accepted'] })).toEqual([]);
    expect(await by({ dgId: f.members.dgs[0] })).toEqual([rec.ref]);
    expect(await by({ dgId: f.members.dgs[1] })).toEqual([]);
    expect(await by({ owner: 'service excellence' })).toEqual([rec.ref]);
    expect(await by({ themeId: f.themeId })).toEqual([rec.ref]);
    expect(await by({ panelId: f.panelId, open: true })).toEqual([rec.ref]);
    expect(await by({ text: 'contact before' })).toEqual([rec.ref]);
    expect(await by({ text: '100%_' })).toEqual([]);
    expect(failed(await h.api.listRecommendations({ status: ['bogus' as 'accepted'] })).code).toBe('invalid-argument');
    expect(failed(await h.api.updateRecommendation({ id: rec.id, dgId: f.members.ice })).fields).toMatchObject({ dgId: expect.any(String) });
  });
});
