// Migration 12 works out what every record of a database still holds, keeps it by triggers without
// adding to the audit log, and indexes the retention review and the coroners' reports' order.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { CORONER_RESPONSE_DAYS } from '#shared/domain/evidence';
import { CLOSED_RANK } from './2026-12-02-12-retention-holds-and-coroner-order';

import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';
const holds = () => Object.fromEntries((m.raw.prepare('select ref, personal_holds from evidence order by id').all() as { ref: string; personal_holds: number }[]).map((r) => [r.ref, r.personal_holds]));
const auditRows = () => m.raw.prepare('select count(*) from audit_log').pluck().get() as number;
const triggerSql = (name: string) => m.raw.prepare('select sql from sqlite_master where name = ?').pluck().get(name) as string;

it('12 works out what each record holds, keeps it by triggers without auditing it, and indexes the review and the reports', async () => {
  await m.to('2026-11-23-11-retention-and-list-indexes');
  const pfd = (circumstances: string, reportUrl: string) => JSON.stringify({ type: 'pfd', coronerRef: 'C', reportDate: '2019-05-01', circumstances, reportUrl });
  const add = m.raw.prepare(`insert into evidence (type, ref, title, received_on, sensitivity, details, erased_at, created_at, updated_at) values (?, ?, 'A record', '2019-05-02', 'official', ?, ?, ?, ?)`);
  const person = m.raw.prepare('insert into evidence_personal (evidence_id, person_name, case_reference, updated_at) values (?, ?, ?, ?)');
  const rows: [string, string, string, string | null, [string, string] | null][] = [
    ['ipr', 'IPR-NAME', '{"type":"ipr","suicideOrSelfHarm":true}', null, ['A Person', '']],
    ['ipr', 'IPR-BOTH', '{"type":"ipr","suicideOrSelfHarm":false}', null, ['A Person', 'CASE-1']],
    ['sar', 'SAR-CASE', '{"type":"sar"}', null, ['', 'CASE-2']],
    ['complaint', 'CMP-BLANK', '{"type":"complaint"}', null, ['', '']],
    ['complaint', 'CMP-NONE', '{"type":"complaint"}', null, null],
    ['pfd', 'PFD-ALL', pfd('Found at home', 'https://example.org'), null, ['The Deceased', '']],
    ['pfd', 'PFD-LINK', pfd('', 'https://example.org'), null, null],
    ['pfd', 'PFD-ERASED', pfd('', ''), now, ['', '']],
  ];
  for (const [type, ref, details, erased, personal] of rows) {
    const id = Number(add.run(type, ref, details, erased, now, now).lastInsertRowid);
    if (personal) person.run(id, ...personal, now);
  }
  const audited = auditRows();
  const before = triggerSql('audit_evidence_update');

  await m.to('2026-12-02-12-retention-holds-and-coroner-order');

  expect(holds()).toEqual({ 'IPR-NAME': 1, 'IPR-BOTH': 3, 'SAR-CASE': 2, 'CMP-BLANK': 0, 'CMP-NONE': 0, 'PFD-ALL': 13, 'PFD-LINK': 8, 'PFD-ERASED': 0 });
  // Working it out added nothing to the audit log, whose evidence trigger is the same but for
  // the columns it fires on (every one but personal_holds).
  expect(auditRows()).toBe(audited);
  const after = triggerSql('audit_evidence_update');
  expect(after.replace(/after update of [a-z_, ]+ on evidence/, 'after update on evidence')).toBe(before);
  expect(after).toMatch(/after update of id, type, ref, title, summary, received_on, benefit_lines, region, tags, sensitivity, details, archived_at, search_text, source_key, created_at, updated_at, erased_at on evidence/);

  // Kept by each write that can add or take away personal detail, and audited as before.
  const id = (ref: string) => m.raw.prepare('select id from evidence where ref = ?').pluck().get(ref) as number;
  m.raw.prepare("update evidence_personal set person_name = '' where evidence_id = ?").run(id('IPR-BOTH'));
  m.raw.prepare("update evidence set details = ?, updated_at = 'x' where ref = 'PFD-ALL'").run(pfd('', 'https://example.org'));
  m.raw.prepare("update evidence set type = 'complaint', details = '{\"type\":\"complaint\"}' where ref = 'PFD-LINK'").run();
  person.run(id('CMP-NONE'), 'Someone', '', now);
  m.raw.prepare('delete from evidence_personal where evidence_id = ?').run(id('SAR-CASE'));
  m.raw.prepare('update evidence_personal set evidence_id = ? where evidence_id = ?').run(id('SAR-CASE'), id('IPR-NAME'));
  add.run('pfd', 'PFD-NEW', pfd('Found', ''), null, now, now);
  expect(holds()).toEqual({ 'IPR-NAME': 0, 'IPR-BOTH': 2, 'SAR-CASE': 1, 'CMP-BLANK': 0, 'CMP-NONE': 1, 'PFD-ALL': 9, 'PFD-LINK': 0, 'PFD-ERASED': 0, 'PFD-NEW': 4 });
  const log = m.raw.prepare("select row_key, action, changed_fields from audit_log where table_name = 'evidence' and id > ? order by id").all(audited) as { row_key: string; action: string; changed_fields: string }[];
  expect(log.map((r) => [Number(r.row_key), r.action, JSON.parse(r.changed_fields)])).toEqual([
    [id('PFD-ALL'), 'update', ['details']],
    [id('PFD-LINK'), 'update', ['type', 'details']],
    [id('PFD-NEW'), 'create', expect.any(Array)],
  ]);
  // A record deleted takes its personal detail with it.
  m.raw.prepare("delete from evidence where ref = 'CMP-NONE'").run();
  expect(m.raw.prepare('select count(*) from evidence_personal where evidence_id not in (select id from evidence)').pluck().get()).toBe(0);

  // The indexes: only unerased records holding something are in the review's.
  const plan = async (q: string) => (await sql<{ detail: string }>`explain query plan ${sql.raw(q)}`.execute(m.db)).rows.map((r) => r.detail).join(' | ');
  expect(await plan('select id, ref from evidence where erased_at is null and personal_holds != 0 order by received_on, id')).toBe('SCAN evidence USING COVERING INDEX evidence_retention_due');
  expect((await sql`select ref from evidence indexed by evidence_retention_due where erased_at is null and personal_holds != 0 order by received_on, id`.execute(m.db)).rows).toEqual(['IPR-BOTH', 'SAR-CASE', 'PFD-ALL', 'PFD-NEW'].map((ref) => ({ ref })));
  expect(m.raw.prepare("select count(*) from sqlite_master where name = 'evidence_retention'").pluck().get()).toBe(0);
  for (const index of ['evidence_retention_basis', 'coroner_reports_open', 'coroner_reports_closed_dwp', 'coroner_reports_closed_all']) {
    expect(m.raw.prepare('select count(*) from sqlite_master where name = ?').pluck().get(index)).toBe(1);
  }
  // The reports' rank counts the response due as the domain does.
  expect(CLOSED_RANK).toContain(`'+${CORONER_RESPONSE_DAYS} days'`);
  expect((await sql`pragma foreign_key_check`.execute(m.db)).rows).toEqual([]);
});
