import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../tests/support/harness';
import { verifyAuditLog } from './audit';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ file: true });
  await h.api.setIdentity({ name: 'Jamie Lewis', role: 'secretariat' });
});
afterEach(async () => h.close());

const rows = () => h.opened.sqlite.prepare('select id, table_name, row_key, action, changed_fields, actor from audit_log order by id').all() as Record<string, unknown>[];

describe('audit trail', () => {
  it('logs every create, update and delete with the changed fields and who', async () => {
    const m = await h.api.createMember({ name: 'Helen Marsh', role: 'chair', organisation: 'NED', email: '', activeFrom: '2026-04-01' });
    if (!m.ok) throw new Error('create');
    await h.api.updateMember({ id: m.value.id, name: 'Helen M. Marsh', role: 'chair', organisation: 'NED', email: '', activeFrom: '2026-04-01', activeTo: null });
    const memberRows = rows().filter((r) => r.table_name === 'members');
    expect(memberRows.map((r) => [r.action, r.row_key, JSON.parse(String(r.changed_fields)), r.actor])).toEqual([
      ['create', String(m.value.id), ['id', 'name', 'role', 'organisation', 'email', 'active_from', 'active_to'], 'Jamie Lewis'],
      ['update', String(m.value.id), ['name'], 'Jamie Lewis'],
    ]);
    const p = await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' });
    if (!p.ok) throw new Error('panel');
    const a = await h.api.getAgenda({ panelId: p.value.id });
    if (!a.ok) throw new Error('agenda');
    await h.api.removeAgendaItem({ id: a.value.items[0].id });
    expect(rows().some((r) => r.table_name === 'agenda_items' && r.action === 'delete' && r.row_key === String(a.value.items[0].id))).toBe(true);
    // Free text is never copied into the log: only the names of the fields that changed.
    expect(JSON.stringify(rows())).not.toContain('Helen M. Marsh');
    expect(verifyAuditLog(h.opened.sqlite)).toEqual({ rows: rows().length, ok: true, firstBadRow: null });
    const history = await h.api.getRecordHistory({ table: 'members', key: String(m.value.id) });
    expect(history.ok && history.value.map((e) => [e.action, e.changedFields.length, e.actor])).toEqual([
      ['update', 1, 'Jamie Lewis'],
      ['create', 7, 'Jamie Lewis'],
    ]);
    const refused = await h.api.getRecordHistory({ table: 'audit_log' as never, key: '1' });
    expect(refused.ok).toBe(false);
  });

  it('refuses to change or delete audit rows', async () => {
    await h.api.createMember({ name: 'A', role: 'observer', organisation: '', email: '', activeFrom: '2026-04-01' });
    expect(() => h.opened.sqlite.prepare("update audit_log set actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => h.opened.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });

  it('detects an edited or a removed row when the triggers are bypassed', async () => {
    for (const n of ['A', 'B', 'C']) await h.api.createMember({ name: n, role: 'observer', organisation: '', email: '', activeFrom: '2026-04-01' });
    const s = h.opened.sqlite;
    const total = (s.prepare('select count(*) from audit_log').pluck().get() as number);
    s.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
    s.prepare("update audit_log set actor = 'Mallory' where id = 3").run();
    expect(verifyAuditLog(s)).toEqual({ rows: 3, ok: false, firstBadRow: 3 });
    s.prepare("update audit_log set actor = 'Jamie Lewis' where id = 3").run();
    expect(verifyAuditLog(s).ok).toBe(true);
    s.prepare('delete from audit_log where id = 2').run();
    expect(verifyAuditLog(s)).toMatchObject({ ok: false, firstBadRow: 2 });
    expect(total).toBeGreaterThanOrEqual(4);
  });
});
