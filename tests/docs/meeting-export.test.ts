// Minutes, tracker and Board report written from a real meeting through the real handlers, passed
// through the personal-data gate, and opened in LibreOffice.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ok, type Harness } from '../support/harness';
import { approvedPanel, makeMembers, type MeetingFixture } from '../support/meetingFixture';
import { libreOfficeAvailable, renderDocx, squeeze } from './libreoffice';

/** Text with all white space gone, so text wrapped inside a table cell still matches. */
const flat = (s: string) => s.replace(/\s+/g, '');
/** The PDF's text in reading order (cell by cell), not laid out in columns. */
const reading = (pdf: string) => flat(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));

let h: Harness;
let f: MeetingFixture;
let recId: number;
let decisionId: number;

beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-11T09:00:00Z' });
  f = await approvedPanel(h.api, '2026-11-11', await makeMembers(h.api));
  ok(await h.api.startMeeting({ panelId: f.panelId }));
  const m = f.members;
  for (const id of [m.chair, m.ice, m.dgs[0], m.dgs[1], m.dgs[2]]) ok(await h.api.setAttendance({ panelId: f.panelId, memberId: id, status: 'present' }));
  ok(await h.api.setAttendance({ panelId: f.panelId, memberId: m.ps, status: 'deputy', deputyName: 'Pam Deputy' }));
  ok(await h.api.saveItemNotes({ itemId: f.themeItemId, notes: 'Members agreed the theme is systemic.\nThe DG will bring data.' }));
  let meeting = ok(await h.api.addDecision({ itemId: f.themeItemId }));
  decisionId = meeting.items.find((i) => i.id === f.themeItemId)!.decisions[0].id;
  ok(await h.api.updateDecision({ id: decisionId, text: 'The theme is systemic.' }));
  ok(await h.api.addAction({ itemId: f.themeItemId, text: 'Bring suspension data', owner: 'Dana General', dueDate: '2027-01-15' }));
  meeting = ok(await h.api.addRecommendation({ itemId: f.themeItemId, text: 'Check contact before suspending payments', dgId: m.dgs[0], owner: 'Director, Service Excellence', targetDate: '2027-03-31' }));
  recId = meeting.items.find((i) => i.id === f.themeItemId)!.recommendations[0].id;
  ok(await h.api.endMeeting({ panelId: f.panelId }));
});
afterEach(async () => h.close());

describe('documents from the meeting', () => {
  it('refuses minutes that carry personal data, naming the record and field, until overridden with a reason', async () => {
    ok(await h.api.updateDecision({ id: decisionId, text: 'Refer the case of QQ123456C to the DG.' }));
    const r = await h.api.exportMinutes({ panelId: f.panelId });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('personal-data');
    expect(r.error.findings).toEqual([expect.objectContaining({ kind: 'ni-number', recordType: 'decision', recordId: decisionId, field: 'text' })]);
    expect(r.error.findings![0].masked).not.toContain('123456');
    const forced = ok(await h.api.exportMinutes({ panelId: f.panelId, allowFindings: { reason: 'Reference agreed with the DPO for the Board only' } }));
    const log = ok(await h.api.listExports({}));
    expect(log[0]).toMatchObject({ id: forced.logId, kind: 'minutes', overrideReason: 'Reference agreed with the DPO for the Board only' });
  });

  it('stops the tracker and Board report when a recommendation carries a phone number', async () => {
    h.setNow('2026-11-23T09:00:00Z');
    ok(await h.api.addRecommendationUpdate({ id: recId, onDate: '2026-11-20', narrative: 'Call the team on 020 7946 0991 for details', status: 'accepted' }));
    for (const r of [await h.api.exportTracker({}), await h.api.exportBoardReport({ quarter: '2026-27-Q3' })]) {
      expect(r.ok || r.error.findings).toEqual([expect.objectContaining({ kind: 'phone', recordType: 'recommendation', recordId: recId, field: 'latest update' })]);
    }
    const bad = await h.api.exportBoardReport({ quarter: '2026-27-Q7' });
    expect(bad.ok || bad.error.fields).toMatchObject({ quarter: expect.any(String) });
  });

  it.skipIf(!libreOfficeAvailable)('renders the minutes, tracker and Board report from the meeting in LibreOffice', async () => {
    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    ok(await h.api.approveMinutes({ panelId: f.panelId, approvedOn: '2026-11-11' }));
    h.setNow('2026-11-23T09:00:00Z');
    ok(await h.api.addRecommendationUpdate({ id: recId, onDate: '2026-11-20', narrative: 'Accepted; design work has begun.', status: 'accepted' }));

    const minutes = ok(await h.api.exportMinutes({ panelId: f.panelId }));
    const { pages: mp, pdf } = renderDocx('export-minutes', readFileSync(minutes.path));
    const mt = reading(pdf);
    for (const text of ['Chris Chair', 'Pam Deputy', 'Members agreed the theme is systemic.', 'The theme is systemic.', 'Bring suspension data', 'SCP-2026-27-Q3-R01', 'Check contact before suspending payments', 'Approved by Chris Chair']) expect(mt).toContain(flat(text));
    expect(mt).not.toContain('DRAFT');
    expect(squeeze(mp.join('\n'))).toContain('OFFICIAL-SENSITIVE');
    mp.forEach((p, i) => expect(squeeze(p)).toContain(`Page ${i + 1} of ${mp.length}`));

    const tracker = ok(await h.api.exportTracker({}));
    const tt = reading(renderDocx('export-tracker', readFileSync(tracker.path)).pdf);
    for (const text of ['Recommendations tracker', 'SCP-2026-27-Q3-R01', 'Accepted', 'Accepted; design work has begun.']) expect(tt).toContain(flat(text));

    const board = ok(await h.api.exportBoardReport({ quarter: '2026-27-Q3' }));
    const bt = reading(renderDocx('export-board', readFileSync(board.path)).pdf);
    for (const text of ['report to the Board', '2026-27 Q3', 'Dana General', 'SCP-2026-27-Q3-R01']) expect(bt).toContain(flat(text));
  }, 300_000);
});
