import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
});
afterEach(async () => h.close());

const chair = { name: 'Jane Example', role: 'chair' as const, organisation: 'Non-Executive Director', email: 'jane@example.gov.uk', activeFrom: '2026-04-01' };

describe('members', () => {
  it('creates, lists, edits and deactivates a member', async () => {
    const created = await h.api.createMember(chair);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ name: 'Jane Example', role: 'chair', active: true, activeTo: null });

    const edited = await h.api.updateMember({ ...chair, id: created.value.id, name: 'Jane Q Example', activeTo: null });
    expect(edited.ok && edited.value.name).toBe('Jane Q Example');

    const off = await h.api.deactivateMember({ id: created.value.id, activeTo: '2026-11-01' });
    expect(off.ok && off.value.active).toBe(false);

    const active = await h.api.listMembers({});
    expect(active.ok && active.value).toEqual([]);
    const all = await h.api.listMembers({ includeInactive: true });
    expect(all.ok && all.value.map((m) => m.name)).toEqual(['Jane Q Example']);

    const back = await h.api.reactivateMember({ id: created.value.id });
    expect(back.ok && back.value.active).toBe(true);
  });

  it('rejects bad input with field messages and saves nothing', async () => {
    const r = await h.api.createMember({ ...chair, name: '  ', email: 'not-an-email', activeTo: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid-argument');
    expect(r.error.fields).toMatchObject({
      name: 'Name is required',
      email: expect.stringMatching(/e-mail address/),
    });
    const list = await h.api.listMembers({ includeInactive: true });
    expect(list.ok && list.value).toEqual([]);
  });

  it('rejects unknown keys and wrong types', async () => {
    const r = await h.api.createMember({ ...chair, admin: true } as never);
    expect(r.ok || r.error.message).toMatch(/Unknown field\(s\): admin/);
    const r2 = await h.api.getMember({ id: 'x' } as never);
    expect(r2.ok).toBe(false);
  });

  it('refuses an end date before the start date when deactivating', async () => {
    const c = await h.api.createMember(chair);
    if (!c.ok) throw new Error('create failed');
    const r = await h.api.deactivateMember({ id: c.value.id, activeTo: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/on or after/);
  });

  it('says plainly when a member does not exist', async () => {
    const r = await h.api.getMember({ id: 999 });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Member 999 does not exist/) } });
  });
});

describe('deactivating today', () => {
  it('drops the member from today’s active list, keeping yesterday as their last day', async () => {
    const h2 = await makeHarness({ now: '2026-11-23T10:00:00Z' });
    try {
      const c = await h2.api.createMember({ name: 'Ada', role: 'observer', organisation: '', email: '', activeFrom: '2026-04-01' });
      if (!c.ok) throw new Error('create');
      const r = await h2.api.deactivateMember({ id: c.value.id });
      expect(r.ok && [r.value.activeTo, r.value.active]).toEqual(['2026-11-22', false]);
    } finally {
      await h2.close();
    }
  });
});
