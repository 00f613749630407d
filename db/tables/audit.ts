import type { Generated } from 'kysely';

/** Written only by triggers; the app reads it. */
export interface AuditLogTable {
  id: Generated<number>;
  table_name: string;
  row_key: string;
  action: 'create' | 'update' | 'delete';
  /** JSON array of column names: never the values */
  changed_fields: string;
  actor: string;
  at: string;
  prev_hash: string;
  hash: string;
}
