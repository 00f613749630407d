import { sql, type Kysely, type Transaction } from 'kysely';
import type { EvidenceDetails, EvidenceType } from '#shared/domain/evidence';
import { retentionBasis, retentionDate, ruleFor, type RetentionDue, type RetentionSettings } from '#shared/domain/retention';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

/** What a record holds that erasure removes, in words. */
function holdings(type: EvidenceType, d: EvidenceDetails, personName: string, caseRef: string): string[] {
  const out: string[] = [];
  if (personName) out.push(type === 'pfd' ? 'name of the deceased' : 'name of the person');
  if (caseRef) out.push('case reference');
  if (d.type === 'pfd' && d.circumstances) out.push('circumstances of the death');
  if (d.type === 'pfd' && d.reportUrl) out.push('link to the published report (it names the person)');
  return out;
}

/** Every unerased record whose retention date has passed and which still holds personal detail. */
export async function listRetentionDue(db: Q, rules: RetentionSettings, today: string): Promise<RetentionDue[]> {
  // A coarse cut in SQL (the shortest rule), the exact rule per record in TypeScript.
  const shortest = Math.min(...Object.values(rules));
  const cutoff = `${Number(today.slice(0, 4)) - shortest}${today.slice(4)}`;
  const basis = sql<string>`case e.type
      when 'ipr' then coalesce(json_extract(e.details, '$.concludedDate'), e.received_on)
      when 'pfd' then json_extract(e.details, '$.reportDate')
      when 'sar' then coalesce(json_extract(e.details, '$.reviewDate'), e.received_on)
      else e.received_on end`;
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('evidence_personal as p', 'p.evidence_id', 'e.id')
    .select(['e.id', 'e.ref', 'e.type', 'e.received_on', 'e.details', 'p.person_name', 'p.case_reference'])
    .where('e.erased_at', 'is', null)
    .where(basis, '<=', cutoff)
    .orderBy('e.received_on')
    .execute();
  const due: RetentionDue[] = [];
  for (const r of rows) {
    const details = JSON.parse(r.details) as EvidenceDetails;
    const type = r.type as EvidenceType;
    const holds = holdings(type, details, r.person_name ?? '', r.case_reference ?? '');
    if (!holds.length) continue;
    const rule = ruleFor(type, details);
    const b = retentionBasis(r.received_on, details);
    const date = retentionDate(b, rules[rule]);
    if (date <= today) due.push({ evidenceId: r.id, ref: r.ref, type, rule, basis: b, retentionDate: date, holds });
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
