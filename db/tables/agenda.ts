import type { Generated, Selectable } from 'kysely';

export interface AgendaItemsTable {
  id: Generated<number>;
  panel_id: number;
  position: number;
  standing_key: string | null;
  title: string;
  purpose: 'decision' | 'discussion' | 'information';
  presenter_member_id: number | null;
  minutes: number;
  theme_id: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
}
export type AgendaItemRow = Selectable<AgendaItemsTable>;

export interface AgendaPapersTable {
  id: Generated<number>;
  agenda_item_id: number;
  file_name: string;
  stored_name: string;
  bytes: number;
  sha256: string;
  added_by: string;
  added_at: string;
}
export type AgendaPaperRow = Selectable<AgendaPapersTable>;

export interface AgendaReviewsTable {
  id: Generated<number>;
  panel_id: number;
  action: 'sent' | 'comment' | 'approved' | 'returned' | 'reopened';
  agenda_item_id: number | null;
  comment: string;
  actor_name: string;
  actor_role: string;
  at: string;
}
export type AgendaReviewRow = Selectable<AgendaReviewsTable>;
