import { sql, type Kysely, type Transaction } from 'kysely';
import type { EvidenceDetails, EvidenceType } from '#shared/domain/evidence';
import { retentionDate, type RetentionDue, type RetentionRuleKey, type RetentionSettings } from '#shared/domain/retention';
import { RETENTION_BASIS } from '../migrations/2026-11-23-11-retention-and-list-indexes';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

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

/** Every unerased record whose retention date has passed and which still holds personal detail. */
export async function listRetentionDue(db: Q, rules: RetentionSettings, today: string): Promise<RetentionDue[]> {
  // A coarse cut in SQL (the shortest rule), the exact rule per record in TypeScript. The basis,
  // the suicide flag and what a coroner's report holds are read from the evidence_retention index
  // (migration 11), whose expressions these must match word for word; what else a record holds is
  // in evidence_personal. Only records holding something come back, in date order.
  const shortest = Math.min(...Object.values(rules));
  const cutoff = `${Number(today.slice(0, 4)) - shortest}${today.slice(4)}`;
  const basis = sql<string>`${sql.raw(RETENTION_BASIS)}`;
  const holds = sql<number>`(coalesce(p.person_name != '', 0) * ${sql.raw(String(HOLDS_NAME))}
    + coalesce(p.case_reference != '', 0) * ${sql.raw(String(HOLDS_CASE_REF))}
    + (e.type = 'pfd') * (coalesce(json_extract(details, '$.circumstances') != '', 0) * ${sql.raw(String(HOLDS_CIRCUMSTANCES))}
      + coalesce(json_extract(details, '$.reportUrl') != '', 0) * ${sql.raw(String(HOLDS_REPORT_URL))}))`;
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('evidence_personal as p', 'p.evidence_id', 'e.id')
    .select(['e.id', 'e.ref', 'e.type', basis.as('basis'), sql<number | null>`json_extract(details, '$.suicideOrSelfHarm')`.as('suicide'), holds.as('holds')])
    .where('e.erased_at', 'is', null)
    .where(basis, '<=', cutoff)
    .where(holds, '>', 0)
    .orderBy('e.received_on')
    .orderBy('e.id')
    .execute();
  const due: RetentionDue[] = [];
  for (const r of rows) {
    const type = r.type as EvidenceType;
    const rule: RetentionRuleKey = type === 'ipr' ? (r.suicide ? 'ipr-suicide' : 'ipr') : type;
    const date = retentionDateOf(r.basis, rules[rule]);
    if (date <= today) due.push({ evidenceId: r.id, ref: r.ref, type, rule, basis: r.basis, retentionDate: date, holds: HOLDINGS[r.holds][type === 'pfd' ? 'pfd' : 'other'].slice() });
  }
  return due;
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
