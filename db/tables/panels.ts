import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface PanelsTable {
  id: Generated<number>;
  /** YYYY-MM-DD, the meeting day in London */
  date: string;
  /** HH:mm wall-clock Europe/London */
  start_time: string;
  end_time: string;
  format: string;
  location: string;
  status: string;
  notes: string;
  cancelled_reason: string | null;
  agenda_state: Generated<'draft' | 'in-review' | 'returned' | 'approved'>;
  created_at: string;
  updated_at: string;
}
export type PanelRow = Selectable<PanelsTable>;
export type NewPanelRow = Insertable<PanelsTable>;
export type PanelRowUpdate = Updateable<PanelsTable>;
