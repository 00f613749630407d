// The retention review reads its indexes of the records holding personal detail (migration 12)
// and gives exactly what the first version gave, which parsed every record's JSON details and counted dates with date-fns: checked here
// against that version, kept below, on a seeded register of every type with the awkward cases
// (29 February, reviews without a final report, erased records, records holding nothing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../open';
import { preparedDuring } from '../../tests/support/prepared';
import type { EvidenceDetails, EvidenceType } from '#shared/domain/evidence';
import { DEFAULT_RETENTION, retentionBasis, retentionDate, ruleFor, type RetentionDue, type RetentionSettings } from '#shared/domain/retention';
import { seeded } from '../../electron/demo/register';
import { listRetentionDue, listRetentionDueIds, listRetentionDuePage } from './retention';

/**
 * The first version, word for word but for its inputs and one fix: the oracle. Its cut in SQL was
 * the same day `shortest` years back, which on 28 February of a common year left out a record
 * counted from 29 February, whose retention date (as retentionDate counts it, and as the review
 * showed) is that very day; it was listed a day late. Here the cut is the end of that year, so
 * only the exact rule in TypeScript decides.
 */
async function listRetentionDueBefore(o: OpenedDatabase, rules: RetentionSettings, today: string): Promise<RetentionDue[]> {
  const shortest = Math.min(...Object.values(rules));
  const cutoff = `${Number(today.slice(0, 4)) - shortest}-12-31`;
  const rows = o.sqlite
    .prepare(
      `select e.id, e.ref, e.type, e.received_on, e.details, p.person_name, p.case_reference
       from evidence e left join evidence_personal p on p.evidence_id = e.id
       where e.erased_at is null and (case e.type
        when 'ipr' then coalesce(json_extract(e.details, '$.concludedDate'), e.received_on)
        when 'pfd' then json_extract(e.details, '$.reportDate')
        when 'sar' then coalesce(json_extract(e.details, '$.reviewDate'), e.received_on)
        else e.received_on end) <= ?
       order by e.received_on, e.id`,
    )
    .all(cutoff) as { id: number; ref: string; type: string; received_on: string; details: string; person_name: string | null; case_reference: string | null }[];
  const due: RetentionDue[] = [];
  for (const r of rows) {
    const details = JSON.parse(r.details) as EvidenceDetails;
    const type = r.type as EvidenceType;
    const holds: string[] = [];
    if (r.person_name) holds.push(type === 'pfd' ? 'name of the deceased' : 'name of the person');
    if (r.case_reference) holds.push('case reference');
    if (details.type === 'pfd' && details.circumstances) holds.push('circumstances of the death');
    if (details.type === 'pfd' && details.reportUrl) holds.push('link to the published report (it names the person)');
    if (!holds.length) continue;
    const rule = ruleFor(type, details);
    const b = retentionBasis(r.received_on, details);
    const date = retentionDate(b, rules[rule]);
    if (date <= today) due.push({ evidenceId: r.id, ref: r.ref, type, rule, basis: b, retentionDate: date, holds });
  }
  return due;
}

const TYPES: EvidenceType[] = ['ipr', 'complaint', 'frontline', 'ice', 'pfd', 'sar', 'other'];
const now = '2026-11-23T10:00:00Z';
let o: OpenedDatabase;

beforeAll(async () => {
  o = await openDatabase(':memory:');
  const rnd = seeded(11);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const day = () => {
    // One date in ten is 29 February of a leap year, the rest anywhere from 2004 to 2026.
    if (rnd() < 0.1) return `${pick([2004, 2008, 2012, 2016, 2020, 2024])}-02-29`;
    const d = new Date(Date.UTC(2004, 0, 1) + Math.floor(rnd() * 8400) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const text = () => (rnd() < 0.4 ? '' : 'Some words');
  const evidence = o.sqlite.prepare(
    `insert into evidence (type, ref, title, received_on, sensitivity, details, erased_at, created_at, updated_at) values (?, ?, 'A record', ?, 'official', ?, ?, ?, ?)`,
  );
  const personal = o.sqlite.prepare(`insert into evidence_personal (evidence_id, person_name, case_reference, updated_at) values (?, ?, ?, ?)`);
  o.sqlite.transaction(() => {
    for (let i = 0; i < 3000; i++) {
      const type = pick(TYPES);
      const received = day();
      const details =
        type === 'ipr'
          ? { type, referralDate: null, acceptedDate: null, concludedDate: rnd() < 0.3 ? null : day(), presentedDate: null, suicideOrSelfHarm: rnd() < 0.4, outcome: '', learningPoints: '' }
          : type === 'pfd'
            ? { type, coronerRef: `C-${i}`, reportDate: day(), coronerName: '', coronerArea: '', category: '', addressees: [], addressedToDwp: true, circumstances: text(), concerns: '', reportUrl: text() }
            : type === 'sar'
              ? { type, board: '', reviewDate: rnd() < 0.3 ? null : day(), dwpInvolvement: '' }
              : { type };
      const id = Number(evidence.run(type, `REF-${i}`, received, JSON.stringify(details), rnd() < 0.05 ? now : null, now, now).lastInsertRowid);
      if (rnd() < 0.85) personal.run(id, text(), text(), now);
    }
  })();
});
afterAll(async () => o?.close());

describe('retention review', () => {
  it('lists a record counted from 29 February on 28 February of a common year, its retention date', async () => {
    const leap = (await listRetentionDue(o.db, DEFAULT_RETENTION, '2026-02-28')).filter((d) => d.basis === '2020-02-29');
    expect(leap.length).toBeGreaterThan(5);
    expect(leap.every((d) => d.retentionDate === '2026-02-28')).toBe(true);
    expect((await listRetentionDue(o.db, DEFAULT_RETENTION, '2026-02-27')).filter((d) => d.basis === '2020-02-29')).toEqual([]);
  });

  it('reads pages of exactly the whole list, in its order, and all their ids', async () => {
    const shorter: RetentionSettings = { ...DEFAULT_RETENTION, 'ipr-suicide': 10, ipr: 3, pfd: 4 };
    for (const rules of [DEFAULT_RETENTION, shorter]) {
      for (const today of ['2026-11-23', '2026-02-28', '2028-02-29']) {
        const whole = await listRetentionDue(o.db, rules, today);
        const paged: RetentionDue[] = [];
        for (let offset = 0; offset < whole.length + 200; offset += 200) {
          const page = await listRetentionDuePage(o.db, rules, { today, offset, limit: 200 });
          expect(page).toMatchObject({ total: whole.length, offset });
          paged.push(...page.rows);
        }
        expect(paged).toEqual(whole);
        expect(await listRetentionDueIds(o.db, rules, today)).toEqual(whole.map((d) => d.evidenceId));
      }
    }
    const last = await listRetentionDuePage(o.db, DEFAULT_RETENTION, { today: '2026-11-23', offset: 1000, limit: 10_000 });
    expect(last.rows.length).toBe(last.total - 1000);
    expect((await listRetentionDuePage(o.db, DEFAULT_RETENTION, { today: '2026-11-23', offset: 50_000, limit: 10 })).rows).toEqual([]);
  });

  it('lists exactly what the first version listed, for any day and any rules', async () => {
    const shorter: RetentionSettings = { ...DEFAULT_RETENTION, 'ipr-suicide': 10, ipr: 3, pfd: 4, sar: 7, complaint: 1, other: 12 };
    for (const rules of [DEFAULT_RETENTION, shorter]) {
      for (const today of ['2026-11-23', '2026-02-28', '2028-02-28', '2028-02-29', '2015-06-30']) {
        const before = await listRetentionDueBefore(o, rules, today);
        expect(before.length).toBeGreaterThan(10);
        expect(await listRetentionDue(o.db, rules, today)).toEqual(before);
      }
    }
  });

  it('reads only the records holding personal detail, from their indexes, never the rows or the personal table', async () => {
    const seen = await preparedDuring(o.sqlite, () => listRetentionDuePage(o.db, DEFAULT_RETENTION, { today: '2026-11-23', offset: 100, limit: 50 }));
    const plans = seen
      .filter((s) => s.includes('from "evidence"'))
      .map((statement) => {
        const params = Array.from({ length: (statement.match(/\?/g) ?? []).length }, () => '2020-11-23');
        return [statement, (o.sqlite.prepare(`explain query plan ${statement}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')];
      });
    expect(plans).toHaveLength(2);
    // The count reads the records by their basis, up to the cut; the page in date order, unsorted.
    const [count, page] = plans.map(([, plan]) => plan);
    expect(count).toBe('SEARCH e USING COVERING INDEX evidence_retention_basis (<expr><?)');
    expect(page).toBe('SCAN e USING COVERING INDEX evidence_retention_due');
    expect(plans.every(([statement]) => !statement.includes('evidence_personal'))).toBe(true);
  });
});
