import type { Generated, Selectable } from 'kysely';

export interface TorVersionsTable {
  id: Generated<number>;
  version: number;
  status: 'draft' | 'approved' | 'superseded';
  approved_on: string | null;
  approved_by: string | null;
  review_date: string;
  quorum_chair_or_deputy: 0 | 1;
  quorum_min_members: number;
  quorum_min_dgs: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}
export type TorVersionRow = Selectable<TorVersionsTable>;

export interface TorSectionsTable {
  id: Generated<number>;
  tor_version_id: number;
  key: string;
  heading: string;
  body: string;
  position: number;
}
export type TorSectionRow = Selectable<TorSectionsTable>;
