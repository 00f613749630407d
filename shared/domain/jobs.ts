// Progress of a long job in main, as the renderer sees it when it polls.
export type JobKind = 'import-pfd' | 'import-evidence-csv';

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
}

export interface PfdImportSummary {
  read: number;
  imported: number;
  updated: number;
  skipped: number;
  addressedToDwp: number;
  errors: { row: number; message: string }[];
}
