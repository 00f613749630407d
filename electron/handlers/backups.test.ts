import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeHarness, type Harness } from '../../tests/support/harness';

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
});
