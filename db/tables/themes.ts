import type { Generated, Selectable } from 'kysely';

export interface ThemesTable {
  id: Generated<number>;
  title: string;
  description: string;
  owner_member_id: number | null;
  status: string;
  /** JSON array of strings */
  tags: string;
  created_at: string;
  updated_at: string;
}
export type ThemeRow = Selectable<ThemesTable>;

export interface ThemeEvidenceTable {
  id: Generated<number>;
  theme_id: number;
  evidence_id: number;
  note: string;
  linked_by: string;
  linked_at: string;
}

/** Derived, kept by triggers (migration 09): each theme's link count and newest linked record's date. */
export interface ThemeStatsTable {
  theme_id: number;
  links: number;
  latest: string | null;
}

export interface ThemeRejectionsTable {
  id: Generated<number>;
  theme_id: number;
  evidence_id: number;
  rejected_by: string;
  rejected_at: string;
}

export interface ThemesFtsTable {
  rowid: number;
  title: string;
  description: string;
  tags: string;
  rank: number;
  themes_fts: string;
}
