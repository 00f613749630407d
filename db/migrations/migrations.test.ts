// Each migration upgrades a database that already holds data from the version before it.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';
import { migratingDatabase } from '../../tests/support/migrating';

const m = migratingDatabase();

const now = '2026-11-23T10:00:00Z';

describe('migrations', () => {
  it('are listed in order with a purpose line each', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('2026-11-23-01-members-panels-settings');
  });

  it('01 creates members, panels and settings with their rules', async () => {
    await m.to('2026-11-23-01-members-panels-settings');
    await m.db.insertInto('members').values({ name: 'A', role: 'chair', active_from: '2026-04-01', created_at: now, updated_at: now }).execute();
    await expect(m.db.insertInto('members').values({ name: 'B', role: 'king', active_from: '2026-04-01', created_at: now, updated_at: now }).execute()).rejects.toThrow(/CHECK/);
    await expect(m.db.insertInto('panels').values({ date: '2027-01-13', start_time: '10:00', end_time: '12:00', format: 'zoom', created_at: now, updated_at: now }).execute()).rejects.toThrow(
      /CHECK/,
    );
  });

  it('02 adds the calendar, ToR and agenda tables to a database holding panels', async () => {
    await m.to('2026-11-23-01-members-panels-settings');
    await m.db.insertInto('members').values({ name: 'A', role: 'director-general', active_from: '2026-04-01', created_at: now, updated_at: now }).execute();
    await m.db.insertInto('panels').values({ date: '2027-01-13', start_time: '10:00', end_time: '12:00', format: 'online', status: 'planned', created_at: now, updated_at: now }).execute();
    await m.to('2026-11-23-02-calendar-tor-agenda');
    const panel = await m.db.selectFrom('panels').selectAll().executeTakeFirstOrThrow();
    expect(panel).toMatchObject({ date: '2027-01-13', agenda_state: 'draft' });
    await m.db.insertInto('agenda_items').values({ panel_id: panel.id, position: 1, title: 'Welcome', purpose: 'information', presenter_member_id: 1, minutes: 5, created_at: now, updated_at: now }).execute();
    // Deleting the presenter keeps the item; deleting the panel removes its agenda.
    await m.db.deleteFrom('members').execute();
    expect((await m.db.selectFrom('agenda_items').select('presenter_member_id').executeTakeFirstOrThrow()).presenter_member_id).toBeNull();
    await m.db.deleteFrom('panels').execute();
    expect(await m.db.selectFrom('agenda_items').selectAll().execute()).toEqual([]);
    // Only one version of the ToR can be in force.
    const tor = (version: number) => ({ version, status: 'approved', review_date: '2027-04-01', quorum_min_members: 5, quorum_min_dgs: 2, created_by: 'x', created_at: now, updated_at: now });
    await m.db.insertInto('tor_versions').values(tor(1)).execute();
    await expect(m.db.insertInto('tor_versions').values(tor(2)).execute()).rejects.toThrow(/UNIQUE/);
    const check = await sql<{ foreign_key_check: unknown }>`pragma foreign_key_check`.execute(m.db);
    expect(check.rows).toEqual([]);
  });

  it('04 adds the evidence register, coroner tracking, themes and search to a database holding panels and agendas', async () => {
    await m.to('2026-11-23-03-audit-log');
    await m.db.insertInto('members').values({ name: 'A', role: 'director-general', active_from: '2026-04-01', created_at: now, updated_at: now }).execute();
    await m.db.insertInto('panels').values({ date: '2027-01-13', start_time: '10:00', end_time: '12:00', format: 'online', status: 'planned', created_at: now, updated_at: now }).execute();
    await m.db.insertInto('agenda_items').values({ panel_id: 1, position: 1, title: 'Theme', purpose: 'discussion', minutes: 20, created_at: now, updated_at: now }).execute();
    const auditBefore = (await m.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
    await m.to('2026-11-23-04-evidence-themes');
    const ev = { type: 'complaint', ref: 'C-1', title: 'Callbacks not made', summary: 'Promised callbacks were not made', received_on: '2026-05-01', sensitivity: 'official', details: '{}', created_at: now, updated_at: now };
    await m.db.insertInto('evidence').values(ev).execute();
    await expect(m.db.insertInto('evidence').values({ ...ev, ref: 'c-1' }).execute()).rejects.toThrow(/UNIQUE/);
    await expect(m.db.insertInto('evidence').values({ ...ev, ref: 'C-2', type: 'rumour' }).execute()).rejects.toThrow(/CHECK/);
    await expect(m.db.insertInto('evidence').values({ ...ev, ref: 'C-3', tags: 'not json' }).execute()).rejects.toThrow(/CHECK/);
    await m.db.insertInto('themes').values({ title: 'Callbacks', status: 'emerging', owner_member_id: 1, created_at: now, updated_at: now }).execute();
    await m.db.insertInto('theme_evidence').values({ theme_id: 1, evidence_id: 1, linked_by: 'x', linked_at: now }).execute();
    await m.db.updateTable('agenda_items').set({ theme_id: 1 }).execute();
    // Search finds stemmed words through the index the triggers keep.
    const hits = await sql<{ rowid: number }>`select rowid from evidence_fts where evidence_fts match 'callback'`.execute(m.db);
    expect(hits.rows).toEqual([{ rowid: 1 }]);
    await m.db.updateTable('evidence').set({ title: 'Letters unread', summary: '' }).execute();
    expect((await sql`select rowid from evidence_fts where evidence_fts match 'callback'`.execute(m.db)).rows).toEqual([]);
    // Deleting a theme unlinks it from agenda items and removes its links; deleting a member keeps the theme.
    await m.db.deleteFrom('members').execute();
    expect((await m.db.selectFrom('themes').select('owner_member_id').executeTakeFirstOrThrow()).owner_member_id).toBeNull();
    await m.db.deleteFrom('themes').execute();
    expect((await m.db.selectFrom('agenda_items').select('theme_id').executeTakeFirstOrThrow()).theme_id).toBeNull();
    expect(await m.db.selectFrom('theme_evidence').selectAll().execute()).toEqual([]);
    // Every change was audited.
    const audited = await m.db.selectFrom('audit_log').select('table_name').where('id', '>', Number(auditBefore)).execute();
    expect(new Set(audited.map((a) => a.table_name))).toEqual(new Set(['members', 'evidence', 'themes', 'theme_evidence', 'agenda_items']));
    expect((await sql`pragma foreign_key_check`.execute(m.db)).rows).toEqual([]);
  });

  it('05 adds the register’s indexes to a database holding evidence, and lists use them', async () => {
    await m.to('2026-11-23-04-evidence-themes');
    const ev = { type: 'complaint', ref: 'C-1', title: 'Callbacks', received_on: '2026-05-01', sensitivity: 'official', details: '{}', created_at: now, updated_at: now };
    await m.db.insertInto('evidence').values(ev).execute();
    await m.to('2026-11-23-05-evidence-indexes');
    const plan = await sql<{ detail: string }>`explain query plan select id from evidence where archived_at is null order by received_on desc, id desc limit 100`.execute(m.db);
    expect(plan.rows.map((r) => r.detail).join()).toMatch(/evidence_live_received/);
    expect((await m.db.selectFrom('evidence').select('ref').execute()).map((r) => r.ref)).toEqual(['C-1']);
  });

  it('06 and 07 mark erasure and log exports on a database holding evidence and panels', async () => {
    await m.to('2026-11-23-05-evidence-indexes');
    await m.db.insertInto('panels').values({ date: '2027-01-13', start_time: '10:00', end_time: '12:00', format: 'online', status: 'planned', created_at: now, updated_at: now }).execute();
    await m.db.insertInto('evidence').values({ type: 'complaint', ref: 'C-1', title: 'Callbacks', received_on: '2026-05-01', sensitivity: 'official', details: '{}', created_at: now, updated_at: now }).execute();
    await m.to('2026-11-23-07-export-log');
    expect((await m.db.selectFrom('evidence').select(['ref', 'erased_at']).executeTakeFirstOrThrow())).toEqual({ ref: 'C-1', erased_at: null });
    const log = { kind: 'agenda', panel_id: 1, title: 'a.docx', path: '/x/a.docx', bytes: 10, sha256: 'ab', marking: 'OFFICIAL', actor: 'A', at: now };
    await m.db.insertInto('export_log').values(log).execute();
    await expect(m.db.updateTable('export_log').set({ actor: 'B' }).execute()).rejects.toThrow(/cannot be changed/);
    await m.db.deleteFrom('panels').execute();
    expect((await m.db.selectFrom('export_log').select('panel_id').executeTakeFirstOrThrow()).panel_id).toBeNull();
  });
});
