// Erased means gone from the file: a marker planted in a record's personal detail is looked for,
// byte by byte, in the database, its write-ahead log and a backup made after erasure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { makeHarness, ok, type Harness } from '../support/harness';


const MARKER = 'Zebedee-Quixotic-7731';
const CASE_MARKER = 'CASEREF-Ω-5512';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z', file: true });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());

const ipr = (ref: string, concluded: string, suicide: boolean): EvidenceInput => ({
  ref,
  title: 'Payment stopped after lost contact',
  summary: 'Anonymised learning: hold a case conference before suspending payment.',
  receivedOn: concluded,
  region: 'Wales',
  sensitivity: 'official-sensitive',
  details: { type: 'ipr', referralDate: null, acceptedDate: null, concludedDate: concluded, presentedDate: null, suicideOrSelfHarm: suicide, outcome: 'Guidance gap', learningPoints: 'Escalate to a Safeguarding Lead.' },
  personal: { personName: `${MARKER} Person`, caseReference: CASE_MARKER },
});

function filesHold(marker: string): string[] {
  const dir = h.ctx.dataDir;
  const files = [h.ctx.info.dbPath, `${h.ctx.info.dbPath}-wal`].filter(existsSync);
  const backups = existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).map((f) => join(dir, 'backups', f)) : [];
  const needle = Buffer.from(marker, 'utf8');
  return [...files, ...backups].filter((f) => readFileSync(f).includes(needle));
}

describe('retention and erasure', () => {
  it('lists what is due by rule, erases it for good, and keeps the anonymised learning and links', async () => {
    const old = ok(await h.api.createEvidence(ipr('IPR-2019-001', '2020-03-01', true))); // due 2026-03-01
    const young = ok(await h.api.createEvidence({ ...ipr('IPR-2021-001', '2021-06-01', true), personal: { personName: 'Still Kept', caseReference: '' } })); // due 2027-06-01
    const pfd = ok(
      await h.api.createEvidence({
        ref: 'PFD 2019-0001',
        title: 'Sanction without good-reason check',
        summary: 'Regulation 28 report.',
        receivedOn: '2019-05-01',
        region: 'Avon',
        sensitivity: 'official',
        details: { type: 'pfd', coronerRef: '2019-0001', reportDate: '2019-05-01', coronerName: 'A Coroner', coronerArea: 'Avon', category: 'Suicide', addressees: ['DWP'], addressedToDwp: true, circumstances: `${MARKER} was found at home.`, concerns: 'Letters unread.', reportUrl: `https://example.test/${MARKER}-report/` },
        personal: { personName: `${MARKER} Deceased`, caseReference: '' },
      }),
    );
    const theme = ok(await h.api.createTheme({ title: 'Lost contact', description: '', status: 'emerging', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: theme.id, evidenceIds: [old.id, pfd.id], note: 'Same failure' }));
    h.opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesHold(MARKER).length).toBeGreaterThan(0);
    expect(filesHold(CASE_MARKER).length).toBeGreaterThan(0);

    const { rows: due, total } = ok(await h.api.listRetentionDue({}));
    expect(total).toBe(2);
    expect(due.map((d) => [d.ref, d.rule, d.retentionDate])).toEqual([
      ['PFD 2019-0001', 'pfd', '2025-05-01'],
      ['IPR-2019-001', 'ipr-suicide', '2026-03-01'],
    ]);
    expect(due[0].holds).toEqual(['name of the deceased', 'circumstances of the death', 'link to the published report (it names the person)']);
    expect(JSON.stringify(due)).not.toContain(MARKER);

    const notDue = await h.api.erasePersonalDetail({ ids: [old.id, young.id] });
    expect(notDue.ok || notDue.error.message).toMatch(/1 of the chosen records are not due.*nothing was erased/);
    expect(ok(await h.api.getEvidencePersonal({ id: old.id })).personName).toContain(MARKER);

    expect(ok(await h.api.erasePersonalDetail({ ids: due.map((d) => d.evidenceId) }))).toEqual({ erased: 2 });
    ok(await h.api.backupNow({}));
    expect(filesHold(MARKER)).toEqual([]);
    expect(filesHold(CASE_MARKER)).toEqual([]);

    // What stays: the record, its learning, its links; what went cannot come back.
    const after = ok(await h.api.getEvidence({ id: old.id }));
    expect(after).toMatchObject({ erasedAt: expect.any(String), summary: expect.stringContaining('case conference'), themes: [{ id: theme.id }] });
    expect(ok(await h.api.getEvidencePersonal({ id: old.id }))).toEqual({ personName: '', caseReference: '' });
    expect(ok(await h.api.getEvidencePersonal({ id: young.id })).personName).toBe('Still Kept');
    expect(ok(await h.api.listRetentionDue({}))).toEqual({ total: 0, offset: 0, rows: [] });
    const back = await h.api.updateEvidence({ ...ipr('IPR-2019-001', '2020-03-01', true), id: old.id, personal: { personName: 'Someone', caseReference: '' } });
    expect(back.ok || back.error.message).toMatch(/erased at the end of its retention/);
    expect(h.opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ok(await h.api.search({ text: 'Zebedee' })).evidence).toEqual([]);
  });

  it('follows the years set in Settings', async () => {
    ok(await h.api.createEvidence(ipr('IPR-2023-001', '2023-01-10', false)));
    expect(ok(await h.api.listRetentionDue({})).total).toBe(0);
    const s = ok(await h.api.getRetentionSettings({}));
    expect(s.ipr).toBe(6);
    ok(await h.api.setRetentionSettings({ ...s, ipr: 3 }));
    expect(ok(await h.api.listRetentionDue({})).rows.map((d) => [d.ref, d.retentionDate])).toEqual([['IPR-2023-001', '2026-01-10']]);
    const bad = await h.api.setRetentionSettings({ ...s, ipr: 0 });
    expect(bad.ok || bad.error.fields).toMatchObject({ ipr: 'At least 1 year' });
  });
});
