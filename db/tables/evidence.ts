import type { ColumnType, Generated, Selectable } from 'kysely';

type WithDefault<T> = ColumnType<T, T | undefined, T>;

export interface EvidenceTable {
  id: Generated<number>;
  type: string;
  ref: string;
  title: string;
  summary: string;
  received_on: string;
  /** JSON array of strings */
  benefit_lines: string;
  region: string;
  /** JSON array of strings */
  tags: string;
  sensitivity: string;
  /** JSON object: the type's own fields */
  details: string;
  search_text: string;
  source_key: string | null;
  archived_at: string | null;
  /** when the personal detail was erased at the end of its retention */
  erased_at: string | null;
  created_at: string;
  updated_at: string;
  /** what personal detail the record still holds, as bits (retention.ts); kept by triggers, never written */
  personal_holds: ColumnType<number, never, never>;
}
export type EvidenceRowDb = Selectable<EvidenceTable>;

export interface EvidencePersonalTable {
  evidence_id: number;
  person_name: string;
  case_reference: string;
  updated_at: string;
}

export interface EvidenceLabelsTable {
  kind: 'tag' | 'benefit';
  value: string;
  evidence_id: number;
}

export interface CoronerReportsTable {
  evidence_id: number;
  coroner_ref: string;
  report_date: string;
  addressed_to_dwp: 0 | 1;
  extended_to: string | null;
  extension_granted_by: WithDefault<string>;
  extension_granted_on: string | null;
  response_sent_on: string | null;
  responded: WithDefault<0 | 1>;
  updated_at: string;
}
export type CoronerReportRow = Selectable<CoronerReportsTable>;

/** FTS5 external-content index over evidence; `rank` and `rowid` are FTS5's own columns. */
export interface EvidenceFtsTable {
  rowid: number;
  ref: string;
  title: string;
  summary: string;
  tags: string;
  search_text: string;
  rank: number;
  evidence_fts: string;
}
