import type { Kysely, Transaction } from 'kysely';
import { TOR_SECTIONS, type TorSection, type TorSectionKey, type TorVersion, type Quorum } from '#shared/domain/tor';
import type { DB } from '../schema';
import { fixedQuery } from '../fixedQuery';
import type { TorVersionRow } from '../tables/tor';

type Q = Kysely<DB> | Transaction<DB>;

async function sectionsOf(db: Q, versionId: number): Promise<TorSection[]> {
  const rows = await db.selectFrom('tor_sections').selectAll().where('tor_version_id', '=', versionId).orderBy('position').execute();
  return rows.map((r) => ({ key: r.key as TorSectionKey, heading: r.heading, body: r.body }));
}

function toVersion(row: TorVersionRow, sections: TorSection[]): TorVersion {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    approvedOn: row.approved_on,
    approvedBy: row.approved_by,
    reviewDate: row.review_date,
    quorum: { chairOrDeputy: row.quorum_chair_or_deputy === 1, minMembers: row.quorum_min_members, minDirectorsGeneral: row.quorum_min_dgs },
    sections,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function getTorVersion(db: Q, id: number): Promise<TorVersion | undefined> {
  const row = await db.selectFrom('tor_versions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toVersion(row, await sectionsOf(db, id)) : undefined;
}

export async function getTorByNumber(db: Q, version: number): Promise<TorVersion | undefined> {
  const row = await db.selectFrom('tor_versions').select('id').where('version', '=', version).executeTakeFirst();
  return row ? getTorVersion(db, row.id) : undefined;
}

export async function getTorInForce(db: Q): Promise<TorVersion | undefined> {
  const row = await db.selectFrom('tor_versions').select('id').where('status', '=', 'approved').executeTakeFirst();
  return row ? getTorVersion(db, row.id) : undefined;
}

const quorumRows = fixedQuery((db) => db.selectFrom('tor_versions').select(['version', 'quorum_chair_or_deputy', 'quorum_min_members', 'quorum_min_dgs']).where('status', '=', 'approved'));

/** The quorum rule of the Terms of Reference in force, without their text (every meeting load reads it). */
export async function quorumInForce(db: Q): Promise<{ version: number; quorum: Quorum } | undefined> {
  const [row] = await quorumRows(db, {});
  return row && { version: row.version, quorum: { chairOrDeputy: row.quorum_chair_or_deputy === 1, minMembers: row.quorum_min_members, minDirectorsGeneral: row.quorum_min_dgs } };
}

export async function listTorVersions(db: Q): Promise<Omit<TorVersion, 'sections'>[]> {
  const rows = await db.selectFrom('tor_versions').selectAll().orderBy('version', 'desc').execute();
  return rows.map((r) => {
    const { sections: _s, ...rest } = toVersion(r, []);
    return rest;
  });
}

export async function insertTorVersion(
  db: Q,
  v: { reviewDate: string; quorum: Quorum; bodies: Partial<Record<TorSectionKey, string>>; createdBy: string },
  now: string,
): Promise<number> {
  const max = await db.selectFrom('tor_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  const version = Number(max?.v ?? 0) + 1;
  const { id } = await db
    .insertInto('tor_versions')
    .values({
      version,
      status: 'draft',
      approved_on: null,
      approved_by: null,
      review_date: v.reviewDate,
      quorum_chair_or_deputy: v.quorum.chairOrDeputy ? 1 : 0,
      quorum_min_members: v.quorum.minMembers,
      quorum_min_dgs: v.quorum.minDirectorsGeneral,
      created_by: v.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('tor_sections')
    .values(TOR_SECTIONS.map((s, i) => ({ tor_version_id: id, key: s.key, heading: s.heading, body: v.bodies[s.key] ?? '', position: i + 1 })))
    .execute();
  return id;
}

export async function updateTorDraftRow(
  db: Q,
  id: number,
  v: { reviewDate: string; quorum: Quorum; bodies: Partial<Record<TorSectionKey, string>> },
  now: string,
): Promise<void> {
  await db
    .updateTable('tor_versions')
    .set({
      review_date: v.reviewDate,
      quorum_chair_or_deputy: v.quorum.chairOrDeputy ? 1 : 0,
      quorum_min_members: v.quorum.minMembers,
      quorum_min_dgs: v.quorum.minDirectorsGeneral,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  for (const [key, body] of Object.entries(v.bodies)) {
    await db.updateTable('tor_sections').set({ body }).where('tor_version_id', '=', id).where('key', '=', key).execute();
  }
}

/** Approves a draft; the version previously in force becomes superseded. */
export async function approveTorRow(db: Q, id: number, approvedOn: string, approvedBy: string, now: string): Promise<void> {
  await db.updateTable('tor_versions').set({ status: 'superseded', updated_at: now }).where('status', '=', 'approved').execute();
  await db
    .updateTable('tor_versions')
    .set({ status: 'approved', approved_on: approvedOn, approved_by: approvedBy, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteTorDraft(db: Q, id: number): Promise<void> {
  await db.deleteFrom('tor_versions').where('id', '=', id).where('status', '=', 'draft').execute();
}
