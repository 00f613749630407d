import type { Kysely } from 'kysely';
import type { Member, MemberRole } from '#shared/domain/members';
import type { DB } from '../schema';
import type { MemberRow } from '../tables/members';

export function toMember(row: MemberRow, today: string): Member {
  return {
    id: row.id,
    name: row.name,
    role: row.role as MemberRole,
    organisation: row.organisation,
    email: row.email,
    activeFrom: row.active_from,
    activeTo: row.active_to,
    active: row.active_from <= today && (row.active_to === null || row.active_to >= today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface MemberValues {
  name: string;
  role: MemberRole;
  organisation: string;
  email: string;
  activeFrom: string;
  activeTo: string | null;
}

export async function listMembers(db: Kysely<DB>, opts: { today: string; includeInactive: boolean }): Promise<Member[]> {
  let q = db.selectFrom('members').selectAll();
  if (!opts.includeInactive) {
    q = q.where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', opts.today)]));
  }
  const rows = await q.orderBy('name').orderBy('id').execute();
  return rows.map((r) => toMember(r, opts.today));
}

export async function findMember(db: Kysely<DB>, id: number): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMember(db: Kysely<DB>, v: MemberValues, now: string): Promise<number> {
  const r = await db
    .insertInto('members')
    .values({
      name: v.name,
      role: v.role,
      organisation: v.organisation,
      email: v.email,
      active_from: v.activeFrom,
      active_to: v.activeTo,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMemberRow(db: Kysely<DB>, id: number, v: MemberValues, now: string): Promise<boolean> {
  const r = await db
    .updateTable('members')
    .set({
      name: v.name,
      role: v.role,
      organisation: v.organisation,
      email: v.email,
      active_from: v.activeFrom,
      active_to: v.activeTo,
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setMemberActiveTo(db: Kysely<DB>, id: number, activeTo: string | null, now: string): Promise<void> {
  await db.updateTable('members').set({ active_to: activeTo, updated_at: now }).where('id', '=', id).execute();
}
