// Progress of a long job in main, as the renderer sees it when it polls.
import type { ApiErrorBody } from '../ipc/result';

export type JobKind = 'import-pfd' | 'import-evidence-csv' | 'export' | 'backup' | 'erasure';

export interface JobStatus {
  id: number;
  kind: JobKind;
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  message: string;
  /** the job's result once done; its shape depends on the kind */
  result: unknown;
  error: string | null;
  /** the whole error when it failed: its code, and the fields or personal-data findings to show */
  failure: ApiErrorBody | null;
  /** true once the user has asked to stop and the job has not yet stopped */
  cancelling: boolean;
}

export interface PfdImportSummary {
  read: number;
  imported: number;
  updated: number;
  skipped: number;
  addressedToDwp: number;
  errors: { row: number; message: string }[];
}
