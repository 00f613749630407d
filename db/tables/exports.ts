import type { ColumnType, Generated, Selectable } from 'kysely';

export interface ExportLogTable {
  id: Generated<number>;
  kind: string;
  panel_id: number | null;
  title: string;
  path: string;
  bytes: number;
  sha256: string;
  marking: string;
  actor: string;
  at: string;
  overridden: ColumnType<string, string | undefined, string>;
  override_reason: string | null;
}
export type ExportLogRow = Selectable<ExportLogTable>;
