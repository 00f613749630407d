import type { Generated, Selectable } from 'kysely';

export interface MeetingAttendanceTable {
  id: Generated<number>;
  panel_id: number;
  member_id: number;
  status: 'present' | 'apologies' | 'deputy' | 'absent';
  deputy_name: string;
  /** HH:mm, London wall-clock */
  arrived_at: string | null;
  left_at: string | null;
  updated_at: string;
}

export interface MeetingDeclarationsTable {
  id: Generated<number>;
  panel_id: number;
  agenda_item_id: number | null;
  member_id: number | null;
  interest: string;
  action_taken: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingItemsTable {
  agenda_item_id: number;
  notes: string;
  /** ISO instant the running timer started, or null when stopped */
  timer_started_at: string | null;
  /** seconds counted before the current run */
  timer_elapsed_s: number;
  updated_at: string;
}

export interface MeetingStateTable {
  panel_id: number;
  current_item_id: number | null;
  started_at: string | null;
  ended_at: string | null;
  updated_at: string;
}

export interface DecisionsTable {
  id: Generated<number>;
  panel_id: number;
  agenda_item_id: number;
  text: string;
  created_at: string;
  updated_at: string;
}

export interface ActionsTable {
  id: Generated<number>;
  panel_id: number;
  agenda_item_id: number;
  text: string;
  owner: string;
  due_date: string | null;
  status: 'open' | 'done' | 'dropped';
  completed_on: string | null;
  status_note: string;
  created_at: string;
  updated_at: string;
}
export type ActionRow = Selectable<ActionsTable>;

export interface RefCountersTable {
  prefix: string;
  last: number;
}

export interface RecommendationsTable {
  id: Generated<number>;
  ref: string;
  panel_id: number;
  agenda_item_id: number | null;
  text: string;
  dg_member_id: number | null;
  owner: string;
  target_date: string | null;
  status: 'proposed' | 'accepted' | 'not-accepted' | 'in-progress' | 'implemented' | 'closed';
  not_accepted_reason: Generated<string>;
  implementation_evidence: Generated<string>;
  confirmed_by: Generated<string>;
  escalation_level: Generated<'none' | 'panel' | 'secretary-of-state' | 'ministers'>;
  escalated_on: string | null;
  escalation_reason: Generated<string>;
  created_at: string;
  updated_at: string;
}
export type RecommendationRow = Selectable<RecommendationsTable>;

export interface RecommendationThemesTable {
  id: Generated<number>;
  recommendation_id: number;
  theme_id: number;
}

export interface RecommendationUpdatesTable {
  id: Generated<number>;
  recommendation_id: number;
  on_date: string;
  kind: 'made' | 'status' | 'target-date' | 'progress' | 'escalation';
  from_status: string | null;
  to_status: string | null;
  from_target: string | null;
  to_target: string | null;
  escalation_level: string | null;
  narrative: string;
  author: string;
  at: string;
}

export interface MinutesVersionsTable {
  id: Generated<number>;
  panel_id: number;
  version: number;
  status: 'draft' | 'approved';
  reason: string;
  approved_by: string | null;
  approved_on: string | null;
  snapshot: string | null;
  created_by: string;
  created_at: string;
}
