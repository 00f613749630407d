import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ file: true });
});
afterEach(async () => h.close());

describe('manual backups', () => {
  it('backs up on request into the backups folder and lists it', async () => {
    await h.api.createMember({ name: 'Helen Marsh', role: 'chair', organisation: '', email: '', activeFrom: '2026-04-01' });
    const r = await h.api.backupNow({});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ integrity: 'ok', name: expect.stringMatching(/^manual-.*\.sqlite3$/) });
    const copy = new Database(r.value.path, { readonly: true });
    expect(copy.prepare('select name from members').pluck().get()).toBe('Helen Marsh');
    copy.close();
    const list = await h.api.listBackups({});
    expect(list.ok && list.value.backups.map((b) => b.name)).toEqual([r.value.name]);
  });

  it('restores a listed backup in place, keeping the current file aside, and carries on working', async () => {
    ok(await h.api.createMember({ name: 'Before Backup', role: 'chair', organisation: '', email: '', activeFrom: '2026-04-01' }));
    const b = ok(await h.api.backupNow({}));
    ok(await h.api.createMember({ name: 'After Backup', role: 'ice', organisation: '', email: '', activeFrom: '2026-04-01' }));
    const r = ok(await h.api.restoreBackup({ name: b.name }));
    expect(r).toMatchObject({ restored: b.name, keptAside: expect.stringContaining('.before-restore-') });
    expect(existsSync(r.keptAside!)).toBe(true);
    expect(ok(await h.api.listMembers({})).map((m) => m.name)).toEqual(['Before Backup']);
    // The app carries on with the restored file: new writes, history and the audit chain hold.
    ok(await h.api.createMember({ name: 'After Restore', role: 'ice', organisation: '', email: '', activeFrom: '2026-04-01' }));
    expect(ok(await h.api.listMembers({})).map((m) => m.name).sort()).toEqual(['After Restore', 'Before Backup']);
    expect(h.opened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a name that is not a listed backup, and a damaged backup, changing nothing', async () => {
    ok(await h.api.createMember({ name: 'Kept', role: 'chair', organisation: '', email: '', activeFrom: '2026-04-01' }));
    const missing = await h.api.restoreBackup({ name: '../../etc/passwd' });
    expect(missing.ok || missing.error.code).toBe('not-found');
    ok(await h.api.backupNow({}));
    const folder = ok(await h.api.listBackups({})).folder;
    writeFileSync(join(folder, 'scp-2026-11-20.sqlite3'), 'this is not a database');
    const bad = await h.api.restoreBackup({ name: 'scp-2026-11-20.sqlite3' });
    expect(bad.ok || bad.error.message).toMatch(/nothing was changed/);
    expect(ok(await h.api.listMembers({})).map((m) => m.name)).toEqual(['Kept']);
  });
});
