import { sql, type Kysely, type Transaction } from 'kysely';
import type { EvidenceDetails, EvidenceType } from '#shared/domain/evidence';
import { retentionDate, type RetentionDue, type RetentionDuePage, type RetentionRuleKey, type RetentionSettings } from '#shared/domain/retention';
import { RETENTION_BASIS } from '../migrations/2026-11-23-11-retention-and-list-indexes';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

// The bits of a record's personal_holds (migration 12).
const HOLDS_NAME = 1;
const HOLDS_CASE_REF = 2;
const HOLDS_CIRCUMSTANCES = 4;
const HOLDS_REPORT_URL = 8;

/** What a record holds that erasure removes, in words, from the bits the query found. */
function holdingsOf(type: EvidenceType, bits: number): string[] {
  const out: string[] = [];
  if (bits & HOLDS_NAME) out.push(type === 'pfd' ? 'name of the deceased' : 'name of the person');
  if (bits & HOLDS_CASE_REF) out.push('case reference');
  if (bits & HOLDS_CIRCUMSTANCES) out.push('circumstances of the death');
  if (bits & HOLDS_REPORT_URL) out.push('link to the published report (it names the person)');
  return out;
}

/** Every combination's words, once: a list of 25,000 copies them rather than building each. */
const HOLDINGS = Array.from({ length: 16 }, (_, bits) => ({ pfd: holdingsOf('pfd', bits), other: holdingsOf('ipr', bits) }));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written in s[from, from + n) in decimal digits, or -1. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * retentionDate without building dates: the same day a number of years on, 29 February becoming
 * 28 February in a common year as date-fns does. Anything but a plain valid date goes to
 * retentionDate itself, so the result (or the error) is always the same as its.
 */
function retentionDateOf(basis: string, yearsKept: number): string {
  if (basis.length === 10 && basis[4] === '-' && basis[7] === '-') {
    const year = digits(basis, 0, 4);
    const month = digits(basis, 5, 2);
    const day = digits(basis, 8, 2);
    const to = year + yearsKept;
    if (year >= 1000 && to <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) {
      return month === 2 && day === 29 && !isLeap(to) ? `${to}-02-28` : `${to}${basis.slice(4)}`;
    }
  }
  return retentionDate(basis, yearsKept);
}

/**
 * The last basis date still due after `yearsKept` years on `today`: the same day that many years
 * back. On 28 February of a common year it is 29 February, since a record counted from a leap day
 * comes due on 28 February (retentionDateOf). Dates compare as strings.
 */
function lastDueBasis(today: string, yearsKept: number): string {
  const year = Number(today.slice(0, 4));
  const back = `${String(year - yearsKept).padStart(4, '0')}`;
  return today.slice(5) === '02-28' && !isLeap(year) ? `${back}-02-29` : `${back}${today.slice(4)}`;
}

/**
 * Every unerased record whose retention date has passed and which still holds personal detail, as
 * one SQL query: its rule (from its type and suicide flag) and the last basis date due under it are
 * decided in SQL, so the records due can be counted and paged there, in date order.
 */
function dueQuery(db: Q, rules: RetentionSettings, today: string) {
  // What a record holds is its personal_holds (kept by triggers, migration 12), and the records
  // that hold anything are in the evidence_retention_due and evidence_retention_basis indexes,
  // whose expressions and conditions these must match word for word: the pages read the first in
  // date order, the count reads the second up to the shortest rule's cut.
  const shortest = Math.min(...Object.values(rules));
  const basis = sql<string>`${sql.raw(RETENTION_BASIS)}`;
  const suicide = sql<number | null>`json_extract(details, '$.suicideOrSelfHarm')`;
  const last = (rule: RetentionRuleKey) => lastDueBasis(today, rules[rule]);
  const lastDue = sql<string>`case e.type
      when 'ipr' then case when ${suicide} then ${last('ipr-suicide')} else ${last('ipr')} end
      when 'pfd' then ${last('pfd')} when 'sar' then ${last('sar')} when 'complaint' then ${last('complaint')}
      when 'frontline' then ${last('frontline')} when 'ice' then ${last('ice')} else ${last('other')} end`;
  const holds = sql<number>`e.personal_holds`;
  const q = db
    .selectFrom('evidence as e')
    .where('e.erased_at', 'is', null)
    .where(sql<boolean>`e.personal_holds != 0`) // written out: a bound value cannot select a partial index
    .where(basis, '<=', lastDueBasis(today, shortest))
    .where(basis, '<=', lastDue);
  return { q, basis, suicide, holds };
}

function toDue(r: { id: number; ref: string; type: string; basis: string; suicide: number | null; holds: number }, rules: RetentionSettings): RetentionDue {
  const type = r.type as EvidenceType;
  const rule: RetentionRuleKey = type === 'ipr' ? (r.suicide ? 'ipr-suicide' : 'ipr') : type;
  return { evidenceId: r.id, ref: r.ref, type, rule, basis: r.basis, retentionDate: retentionDateOf(r.basis, rules[rule]), holds: HOLDINGS[r.holds][type === 'pfd' ? 'pfd' : 'other'].slice() };
}

/** Every record due, in date order (the CLI's run lists them all); the review screen reads pages. */
export async function listRetentionDue(db: Q, rules: RetentionSettings, today: string): Promise<RetentionDue[]> {
  const { q, basis, suicide, holds } = dueQuery(db, rules, today);
  const rows = await q.select(['e.id', 'e.ref', 'e.type', basis.as('basis'), suicide.as('suicide'), holds.as('holds')]).orderBy('e.received_on').orderBy('e.id').execute();
  return rows.map((r) => toDue(r, rules));
}

/** One page of the records due, in date order, with how many are due in all. */
export async function listRetentionDuePage(db: Q, rules: RetentionSettings, o: { today: string; offset: number; limit: number }): Promise<RetentionDuePage> {
  const { q, basis, suicide, holds } = dueQuery(db, rules, o.today);
  const [{ total }] = await q.select(sql<number>`count(*)`.as('total')).execute();
  const rows = await q
    .select(['e.id', 'e.ref', 'e.type', basis.as('basis'), suicide.as('suicide'), holds.as('holds')])
    .orderBy('e.received_on')
    .orderBy('e.id')
    .limit(o.limit)
    .offset(o.offset)
    .execute();
  return { total, offset: o.offset, rows: rows.map((r) => toDue(r, rules)) };
}

/** The ids of every record due: what an erasure checks its records against, or erases. */
export async function listRetentionDueIds(db: Q, rules: RetentionSettings, today: string): Promise<number[]> {
  const rows = await dueQuery(db, rules, today).q.select('e.id').orderBy('e.received_on').orderBy('e.id').execute();
  return rows.map((r) => r.id);
}

/** Erases one record's personal detail for good; the panel-facing record, its links and learning stay. */
export async function erasePersonalDetail(db: Q, id: number, now: string): Promise<void> {
  await db.updateTable('evidence_personal').set({ person_name: '', case_reference: '', updated_at: now }).where('evidence_id', '=', id).execute();
  const row = await db.selectFrom('evidence').select(['details']).where('id', '=', id).executeTakeFirstOrThrow();
  const details = JSON.parse(row.details) as EvidenceDetails;
  if (details.type === 'pfd') {
    details.circumstances = '';
    details.reportUrl = '';
  }
  await db.updateTable('evidence').set({ details: JSON.stringify(details), erased_at: now, updated_at: now }).where('id', '=', id).execute();
}
