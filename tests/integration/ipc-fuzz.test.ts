// Every IPC channel, fed random and hostile arguments: each call answers with the envelope (never
// throws, never crashes), and a rejected call changes nothing in the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '#shared/ipc/contract';
import { dispatch } from '../../electron/ipc/dispatch';
import { handlers } from '../../electron/handlers/index';
import { cancelJob, runningJobs } from '../../electron/jobs/registry';
import { loadDemo } from '../../electron/demo/demo';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
/** Cases per channel: 40 in every run; set SCP_FUZZ_RUNS for a longer hunt by hand. */
const FUZZ_RUNS = Number(process.env.SCP_FUZZ_RUNS) || 40;
const counts: Record<string, number> = {};

beforeAll(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await loadDemo(h.ctx);
  await h.api.setIdentity({ name: 'Fuzz Tester', role: 'secretariat' });
});
afterAll(async () => {
  // Jobs the fuzz started (imports, exports, backups) are stopped and waited for (30 s at most),
  // so none is left running against a database closed under it.
  for (const job of runningJobs(h.ctx)) cancelJob(h.ctx, job.id);
  for (let i = 0; i < 600 && runningJobs(h.ctx).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(runningJobs(h.ctx)).toEqual([]);
  await h.close();
  console.info(`IPC fuzz cases per channel: ${JSON.stringify(counts)}`);
});

/**
 * A fingerprint of the whole database, to prove a rejected call wrote nothing: every table's row
 * count and highest rowid, and the audit log's last hash. Every insert, update and delete of an
 * audited record adds a chained audit row, so the hash moves with any change to them; the counts
 * catch the rest. (Serialising every row took minutes once the demo register existed.)
 */
function fingerprint(): string {
  const sqlite = h.opened.sqlite;
  // A view of a full-text index (fts5vocab) stores nothing: the index it reads is counted already.
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like '%using fts5vocab%' order by name").pluck().all() as string[];
  const withoutRowid = new Set(sqlite.prepare('select name from pragma_table_list where wr = 1').pluck().all() as string[]);
  const parts = tables.map((t) => `${t}:${JSON.stringify(sqlite.prepare(`select count(*)${withoutRowid.has(t) ? '' : ', max(rowid)'} from "${t}"`).raw().get())}`);
  parts.push(`audit:${String(sqlite.prepare('select hash from audit_log order by id desc limit 1').pluck().get())}`);
  return parts.join('\n');
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("'; drop table members; --", '" or 1=1 --', '\u0000', '\u202e\u0041', 'é́', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '../../etc/passwd', '<script>alert(1)</script>', 'NaN', '2026-02-30'),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('id', 'panelId', 'name', '__proto__', 'constructor', 'length', 'toString', 'valueOf', 'then')), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Arguments shaped like each channel's own keys, with hostile values, plus unknown keys. */
function argFor(channel: string) {
  const shape = (contract[channel as keyof typeof contract].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape);
  return fc.oneof(
    hostileValue,
    fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] }),
    fc.record({ ...Object.fromEntries(keys.map((k) => [k, hostileValue])), extra: hostileValue }),
  );
}

describe('IPC channels under hostile input', () => {
  it('refuses an argument built to break the validator’s own messages (fast-check’s counterexample of 2 December)', async () => {
    const arg = { tags: { ['__proto__']: null, constructor: { name: Object.create(null) as object } } };
    Object.setPrototypeOf(arg.tags, null);
    const before = fingerprint();
    const result = await dispatch(handlers, h.ctx, 'updateEvidence', arg);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/not plain data/) } });
    expect(fingerprint()).toBe(before);
  });

  it('refuses an argument whose "length" cannot be compared with a number (fast-check’s counterexample of 5 December)', async () => {
    // zod's length check reads `length` from whatever it is given and compares it with a number;
    // a null-prototype object there cannot be turned into one, so the check itself threw.
    const arg = { id: null, onDate: { length: Object.create(null) as object }, narrative: false, status: false, targetDate: 0 };
    const before = fingerprint();
    const result = await dispatch(handlers, h.ctx, 'addRecommendationUpdate', arg);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/not plain data/) } });
    expect(fingerprint()).toBe(before);
  });

  it.each(CHANNELS)('%s answers every argument with the envelope, and writes nothing when it refuses', async (channel) => {
    await fc.assert(
      fc.asyncProperty(argFor(channel), async (arg) => {
        const before = fingerprint();
        const result = await dispatch(handlers, h.ctx, channel, arg);
        counts[channel] = (counts[channel] ?? 0) + 1;
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.error.code).toMatch(/^(invalid-argument|not-found|conflict|forbidden)$/);
          expect(result.error.message.length).toBeGreaterThan(10);
          expect(fingerprint()).toBe(before);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);

  it('refuses unknown channels and non-object arguments plainly', async () => {
    for (const name of ['', 'constructor', '__proto__', 'toString', 'dropEverything', 'listMembers ']) {
      const r = await dispatch(handlers, h.ctx, name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    for (const arg of [null, 42, 'x', [], true]) {
      const r = await dispatch(handlers, h.ctx, 'listMembers', arg);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });
});
