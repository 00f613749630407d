import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface MembersTable {
  id: Generated<number>;
  name: string;
  role: string;
  organisation: string;
  email: string;
  active_from: string;
  active_to: string | null;
  created_at: string;
  updated_at: string;
}
export type MemberRow = Selectable<MembersTable>;
export type NewMemberRow = Insertable<MembersTable>;
export type MemberRowUpdate = Updateable<MembersTable>;
