// A long job in main (an export, a backup, an erasure run) as the screen sees it: started with
// one call, polled until it ends, shown with its progress and a Cancel button, and handed to
// the caller once when it is done, failed or cancelled.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { JobStatus } from '#shared/domain/jobs';
import { call } from '../api/client';
import { keys } from '../api/keys';

/** How often a running job is asked how far it has got. */
export const JOB_POLL_MS = 150;
/** A job whose total is this or fewer counts steps, not items. */
const MAX_STEPS = 10;

export interface JobRun {
  /** the job's latest status, or null before one starts */
  status: JobStatus | null;
  /** true from the moment of asking until the job has ended */
  running: boolean;
  /** starts a job; a start refused (bad input, nobody signed in) rejects here with the ApiError */
  start(begin: () => Promise<JobStatus>): Promise<void>;
  cancel(): void;
}

/** Runs one job at a time; `onEnd` is called once for each job that ends, with its final status. */
export function useJobRun(onEnd: (status: JobStatus) => void): JobRun {
  const [id, setId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const ended = useRef(new Set<number>());
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const job = useQuery({
    queryKey: keys.job(id ?? 0),
    queryFn: () => call('getJob', { id: id ?? 0 }),
    enabled: id !== null,
    refetchInterval: (q) => ((q.state.data as JobStatus | undefined)?.state === 'running' || !q.state.data ? JOB_POLL_MS : false),
  });
  const status = id === null ? null : (job.data ?? null);
  useEffect(() => {
    if (!status || status.state === 'running' || ended.current.has(status.id)) return;
    ended.current.add(status.id);
    onEndRef.current(status);
  }, [status]);
  return {
    status,
    running: starting || status?.state === 'running',
    async start(begin) {
      setStarting(true);
      try {
        const first = await begin();
        setId(first.id);
      } finally {
        setStarting(false);
      }
    },
    cancel() {
      if (status?.state === 'running') void call('cancelJob', { id: status.id }).then(() => job.refetch());
    },
  };
}

/** The progress of a running job, with what it is doing and a Cancel button; nothing once it has ended. */
export function JobProgress({ run, label, cancelLabel = 'Cancel' }: { run: JobRun; label: string; cancelLabel?: string }) {
  const s = run.status;
  if (!run.running) return null;
  const pct = s && s.total > 0 ? Math.round((s.done / s.total) * 100) : null;
  // A job of a few steps (an export) says which step; one of many items (an import, a backup's pages) a percentage.
  const steps = s && s.total > 0 && s.total <= MAX_STEPS ? `step ${Math.min(s.done + 1, s.total)} of ${s.total}` : null;
  return (
    <span className="job" role="status" aria-live="polite">
      {pct === null ? <progress aria-label={label} /> : <progress aria-label={label} max={100} value={pct} />}{' '}
      <span className="job__message">
        {s?.message ?? 'Starting…'}
        {steps ? ` (${steps})` : pct !== null && ` ${pct}%`}
      </span>{' '}
      {/* Named for what it stops, since a page can hold other Cancel buttons (Cancel panel). */}
      <button type="button" className="button button--secondary button--small" aria-label={s?.cancelling ? undefined : cancelLabel === 'Cancel' ? `Cancel ${label.charAt(0).toLowerCase()}${label.slice(1)}` : cancelLabel} disabled={!s || s.cancelling} onClick={run.cancel}>
        {s?.cancelling ? 'Stopping…' : cancelLabel}
      </button>
    </span>
  );
}
