import type { Kysely, Transaction } from 'kysely';
import type { RestrictedValue } from '#shared/pii/gate';
import type { DB } from '../schema';

type Q = Kysely<DB> | Transaction<DB>;

/** The restricted personal values of all evidence linked to the given themes. */
export async function restrictedForThemes(db: Q, themeIds: number[]): Promise<RestrictedValue[]> {
  if (!themeIds.length) return [];
  const rows = await db
    .selectFrom('theme_evidence as l')
    .innerJoin('evidence_personal as p', 'p.evidence_id', 'l.evidence_id')
    .select(['p.evidence_id', 'p.person_name', 'p.case_reference'])
    .where('l.theme_id', 'in', themeIds)
    .where((eb) => eb.or([eb('p.person_name', '!=', ''), eb('p.case_reference', '!=', '')]))
    .distinct()
    .execute();
  return rows.flatMap((r) => [
    ...(r.person_name ? [{ recordType: 'evidence', recordId: r.evidence_id, field: 'personName', value: r.person_name }] : []),
    ...(r.case_reference ? [{ recordType: 'evidence', recordId: r.evidence_id, field: 'caseReference', value: r.case_reference }] : []),
  ]);
}
