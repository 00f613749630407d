import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { describeQuorum } from '#shared/domain/tor';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
});
afterEach(async () => h.close());


describe('Terms of Reference', () => {
  it('needs to know who is acting', async () => {
    const r = await h.api.createTorDraft({});
    expect(r.ok || r.error.code).toBe('forbidden');
  });

  it('drafts from the default text, approves, supersedes the previous version', async () => {
    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    expect(ok(await h.api.getTorInForce({}))).toBeNull();
    const v1 = ok(await h.api.createTorDraft({}));
    expect(v1).toMatchObject({ version: 1, status: 'draft', reviewDate: '2027-11-23', quorum: { chairOrDeputy: true, minMembers: 5, minDirectorsGeneral: 2 } });
    expect(v1.sections.map((s) => s.key)).toEqual([
      'purpose', 'remit', 'membership-and-chair', 'quorum', 'frequency', 'secretariat', 'declarations-of-interest', 'reporting-and-escalation', 'publication', 'review-date',
    ]);
    expect(v1.sections[1].body).toMatch(/does not discuss individual cases/);

    ok(await h.api.approveTorVersion({ id: v1.id, approvedOn: '2026-04-01' }));
    expect(ok(await h.api.getTorInForce({}))?.version).toBe(1);
    const again = await h.api.createTorDraft({});
    const v2 = ok(again);
    const dup = await h.api.createTorDraft({});
    expect(dup.ok || dup.error.message).toMatch(/already a draft/);

    const updated = ok(
      await h.api.updateTorDraft({ id: v2.id, reviewDate: '2028-04-01', quorum: { chairOrDeputy: true, minMembers: 6, minDirectorsGeneral: 3 }, sections: [{ key: 'frequency', body: 'Quarterly, and monthly when the chair decides.' }] }),
    );
    expect(updated.sections.find((s) => s.key === 'frequency')?.body).toBe('Quarterly, and monthly when the chair decides.');
    // The quorum in force (what meetings count against) is version 1's until version 2 is approved.
    expect(ok(await h.api.getQuorumRule({}))).toEqual({ rule: { chairOrDeputy: true, minMembers: 5, minDirectorsGeneral: 2 }, source: 'Terms of Reference version 1' });
    ok(await h.api.approveTorVersion({ id: v2.id, approvedOn: '2026-11-20' }));
    expect(ok(await h.api.getQuorumRule({}))).toEqual({ rule: { chairOrDeputy: true, minMembers: 6, minDirectorsGeneral: 3 }, source: 'Terms of Reference version 2' });
    const versions = ok(await h.api.listTorVersions({}));
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'approved'], [1, 'superseded']]);
    const frozen = await h.api.updateTorDraft({ id: v1.id, reviewDate: '2028-04-01', quorum: { chairOrDeputy: true, minMembers: 6, minDirectorsGeneral: 3 }, sections: [] });
    expect(frozen.ok || frozen.error.message).toMatch(/superseded and cannot be changed/);
  });

  it('validates the quorum and refuses approval with empty sections or a future date', async () => {
    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    const v = ok(await h.api.createTorDraft({}));
    const bad = await h.api.updateTorDraft({ id: v.id, reviewDate: '2028-04-01', quorum: { chairOrDeputy: true, minMembers: 2, minDirectorsGeneral: 3 }, sections: [] });
    expect(bad.ok || bad.error.fields).toMatchObject({ 'quorum.minDirectorsGeneral': 'Cannot require more Directors General than members' });
    ok(await h.api.updateTorDraft({ id: v.id, reviewDate: '2028-04-01', quorum: v.quorum, sections: [{ key: 'publication', body: '   ' }] }));
    const r = await h.api.approveTorVersion({ id: v.id, approvedOn: '2026-11-01' });
    expect(r.ok || r.error.message).toMatch(/Publication is empty/);
    const future = await h.api.approveTorVersion({ id: v.id, approvedOn: '2027-01-01' });
    expect(future.ok).toBe(false);
  });

  it('describes the quorum in words', () => {
    expect(describeQuorum({ chairOrDeputy: true, minMembers: 5, minDirectorsGeneral: 2 })).toBe(
      'Quorum: the chair or a nominated deputy, plus at least 5 members, of whom at least 2 are Directors General.',
    );
    expect(describeQuorum({ chairOrDeputy: false, minMembers: 1, minDirectorsGeneral: 0 })).toBe('Quorum: at least 1 member.');
  });
});
