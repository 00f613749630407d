import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());


async function panelWithItem(title: string) {
  const p = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
  const a = ok(await h.api.addAgendaItem({ panelId: p.id, title, purpose: 'discussion', presenterId: null, minutes: 20 }));
  return { panelId: p.id, itemId: a.items.find((i) => i.title === title)!.id };
}

describe('personal-data gate on exports', () => {
  it('stops an agenda carrying a National Insurance number, naming the record and field, and writes nothing', async () => {
    const { panelId, itemId } = await panelWithItem('Theme: lost contact (claimant QQ 12 34 56 C)');
    const r = await h.api.exportAgenda({ panelId });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('personal-data');
    expect(r.error.findings).toEqual([{ kind: 'ni-number', masked: 'QQ •• •• •• C', recordType: 'agenda_item', recordId: itemId, field: 'title' }]);
    expect(r.error.message).toMatch(/not written/);
    expect(ok(await h.api.listExports({}))).toEqual([]);
  });

  it('exports with a written reason, and logs the override, the file’s hash, marking, who and when', async () => {
    const { panelId } = await panelWithItem('Call back on 07700 900123');
    const short = await h.api.exportAgenda({ panelId, allowFindings: { reason: 'ok' } });
    expect(short.ok || short.error.fields).toMatchObject({ 'allowFindings.reason': expect.any(String) });
    const f = ok(await h.api.exportAgenda({ panelId, allowFindings: { reason: 'A public switchboard number, agreed with the chair' } }));
    expect(existsSync(f.path)).toBe(true);
    expect(f.sha256).toBe(createHash('sha256').update(readFileSync(f.path)).digest('hex'));
    const [log] = ok(await h.api.listExports({}));
    expect(log).toMatchObject({
      kind: 'agenda',
      panelId,
      path: f.path,
      bytes: f.bytes,
      sha256: f.sha256,
      marking: 'OFFICIAL-SENSITIVE',
      actor: 'Sam Secretariat',
      at: '2026-11-23T10:00:00.000Z',
      overrideReason: 'A public switchboard number, agreed with the chair',
      overridden: [{ kind: 'phone', recordType: 'agenda_item', field: 'title' }],
      present: true,
    });
    expect(ok(await h.api.openExport({ id: log.id }))).toEqual({ opened: false, path: f.path });
    rmSync(f.path);
    expect(ok(await h.api.listExports({}))[0].present).toBe(false);
    const gone = await h.api.openExport({ id: log.id });
    expect(gone.ok || gone.error.message).toMatch(/no longer there/);
  });

  it('stops the Terms of Reference for each kind of personal data planted in a section', async () => {
    for (const [kind, text] of [
      ['postcode', 'Write to the secretariat at SW1A 2AA.'],
      ['phone', 'Ring 020 7946 0000 with questions.'],
      ['email', 'E-mail jo.bloggs@example.com with questions.'],
      ['date-of-birth', 'The claimant (DOB 12/03/1961) was discussed.'],
      ['ni-number', 'Reference AB123456C.'],
    ] as const) {
      const d = ok(await h.api.createTorDraft({}));
      ok(await h.api.updateTorDraft({ id: d.id, reviewDate: d.reviewDate, quorum: d.quorum, sections: [{ key: d.sections[0].key, body: `${d.sections[0].body}\n${text}` }] }));
      const r = await h.api.exportTor({ id: d.id });
      expect(r.ok ? 'written' : r.error.findings?.map((x) => x.kind)).toEqual([kind]);
      ok(await h.api.deleteTorDraft({ id: d.id }));
    }
    const clean = ok(await h.api.createTorDraft({}));
    expect((await h.api.exportTor({ id: clean.id })).ok).toBe(true);
  });

  it('finds the restricted name of evidence behind a theme on the agenda, verbatim', async () => {
    const e = ok(
      await h.api.createEvidence({
        ref: 'IPR-1',
        title: 'Lost contact',
        summary: '',
        receivedOn: '2026-05-01',
        region: '',
        sensitivity: 'official-sensitive',
        details: { type: 'ipr', referralDate: null, acceptedDate: null, concludedDate: null, presentedDate: null, suicideOrSelfHarm: false, outcome: '', learningPoints: '' },
        personal: { personName: 'Morgan Ashdown', caseReference: '' },
      }),
    );
    const t = ok(await h.api.createTheme({ title: 'Lost contact', description: '', status: 'scheduled', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [e.id], note: '' }));
    const p = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
    ok(await h.api.addAgendaItem({ panelId: p.id, title: 'Theme: the case of Morgan Ashdown', purpose: 'discussion', presenterId: null, minutes: 20, themeId: t.id }));
    const r = await h.api.exportAgenda({ panelId: p.id });
    expect(r.ok || r.error.findings).toEqual([{ kind: 'restricted', masked: 'M••••• A••••••', recordType: 'evidence', recordId: e.id, field: 'personName' }]);
  });
});
