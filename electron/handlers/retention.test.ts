// The retention review's list a page at a time, and erasure of "every record due but these":
// real handlers on a real database, through the dispatch that validates their arguments.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '#shared/domain/jobs';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import { iprDueForErasure as ipr } from '../../tests/support/evidenceFixtures';
import { settleJob } from '../../tests/support/jobs';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  for (let i = 1; i <= 25; i++) ok(await h.api.createEvidence(ipr(i)));
  // One not yet due: a review concluded last year.
  ok(await h.api.createEvidence({ ...ipr(99), details: { ...ipr(99).details, concludedDate: '2025-06-01' } as never, receivedOn: '2025-06-01' }));
});
afterEach(async () => h.close());

const settle = (s: JobStatus) => settleJob(h.api, s);
const named = () => h.opened.sqlite.prepare("select count(*) from evidence_personal where person_name != ''").pluck().get() as number;

describe('records due for erasure, a page at a time', () => {
  it('pages in date order, with a part page at the end and nothing past it', async () => {
    const first = ok(await h.api.listRetentionDue({ limit: 10 }));
    const last = ok(await h.api.listRetentionDue({ offset: 20, limit: 10 }));
    expect(first).toMatchObject({ total: 25, offset: 0 });
    expect(first.rows.map((d) => d.ref)).toEqual(Array.from({ length: 10 }, (_, i) => `IPR-2019-${String(i + 1).padStart(3, '0')}`));
    expect(last.rows.map((d) => d.ref)).toEqual(['IPR-2019-021', 'IPR-2019-022', 'IPR-2019-023', 'IPR-2019-024', 'IPR-2019-025']);
    expect(ok(await h.api.listRetentionDue({ offset: 25 }))).toEqual({ total: 25, offset: 25, rows: [] });
    expect(ok(await h.api.listRetentionDue({})).rows).toHaveLength(25);
  });

  it('refuses a bad page, saying what is wrong', async () => {
    const refused = async (arg: object) => {
      const r = await h.api.listRetentionDue(arg as never);
      if (r.ok) throw new Error(`accepted ${JSON.stringify(arg)}`);
      return `${r.error.code}: ${r.error.message}`;
    };
    expect(await refused({ limit: 1001 })).toMatch(/invalid-argument: .*at most 1,000 rows/);
    expect(await refused({ limit: 0 })).toMatch(/at least one row/);
    expect(await refused({ offset: -5 })).toMatch(/cannot start before the first row/);
    expect(await refused({ offset: 'ten' })).toMatch(/where the page starts/);
  });
});

describe('erasing every record due but those left out', () => {
  it('erases all that are due, found by main, less those left out', async () => {
    const { rows } = ok(await h.api.listRetentionDue({ limit: 3 }));
    const keep = rows.map((d) => d.evidenceId).slice(0, 2);
    const done = await settle(ok(await h.api.startErasure({ allDue: { except: keep, expected: 23 } })));
    expect(done).toMatchObject({ state: 'done', result: { erased: 23 }, label: 'Erasing the personal detail of 23 records' });
    // The two left out, and the one not yet due, keep their names.
    expect(named()).toBe(3);
    expect(ok(await h.api.listRetentionDue({})).rows.map((d) => d.evidenceId)).toEqual(keep);
  });

  it('erases nothing when the records due are not the ones the screen counted', async () => {
    const r = await h.api.startErasure({ allDue: { except: [], expected: 24 } });
    expect(r.ok || `${r.error.code}: ${r.error.message}`).toBe('conflict: The records due have changed since the list was read: 25 of them are chosen now, not 24. Refresh the review list; nothing was erased.');
    const direct = await h.api.erasePersonalDetail({ allDue: { except: [], expected: 26 } });
    expect(direct.ok).toBe(false);
    expect(named()).toBe(26);
    expect(ok(await h.api.erasePersonalDetail({ allDue: { except: [], expected: 25 } }))).toEqual({ erased: 25 });
    expect(named()).toBe(1);
  });

  it('asks for the records one way or the other', async () => {
    for (const arg of [{}, { ids: [1], allDue: { except: [], expected: 1 } }]) {
      const r = await h.api.startErasure(arg);
      expect(r.ok || r.error.message).toMatch(/Choose the records: give their ids, or every record due/);
    }
    const none = await h.api.startErasure({ allDue: { except: [], expected: 0 } });
    expect(none.ok || none.error.message).toMatch(/Choose at least one record/);
    expect(named()).toBe(26);
  });
});
