// A long job in main (an export, a backup, an erasure run) as the screen sees it: started with
// one call, polled until it ends, shown with its progress and a Cancel button, and handed to
// the caller once when it is done, failed or cancelled.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
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
  const qc = useQueryClient();
  const job = useQuery({
    queryKey: keys.job(id ?? 0),
    queryFn: () => call('getJob', { id: id ?? 0 }),
    enabled: id !== null,
    // Polled while it runs, also with the window in the background; an answer that fails stops it.
    refetchInterval: (q) => (q.state.status === 'error' ? false : (q.state.data as JobStatus | undefined)?.state === 'running' || !q.state.data ? JOB_POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const polled = id === null ? null : (job.data ?? null);
  // A job main no longer knows (forgotten after ten minutes, or the app restarted) has ended, and
  // the screen says so rather than waiting for ever.
  const lostMessage = job.isError ? job.error.message : null;
  const status = useMemo<JobStatus | null>(
    () =>
      polled && lostMessage !== null && polled.state === 'running'
        ? { ...polled, state: 'failed', cancelling: false, error: `The app lost track of this job (${lostMessage}). Check the result (Documents, the backups list) before running it again.`, failure: null }
        : polled,
    [polled, lostMessage],
  );
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
        // Seeded with the job's first status, so the screen shows it running from the first moment.
        qc.setQueryData(keys.job(first.id), first);
        setId(first.id);
      } finally {
        setStarting(false);
      }
    },
    cancel() {
      if (status?.state === 'running') {
        call('cancelJob', { id: status.id })
          .catch(() => undefined) // a job that has just ended cannot be cancelled: its end shows at the next poll
          .finally(() => void job.refetch());
      }
    },
  };
}

/**
 * The progress of a running job, with what it is doing and a Cancel button; nothing once it has
 * ended. Only the step is announced (role=status), not every percent; the bar carries the value.
 * If Cancel had the focus when the job ended, the focus goes to `returnFocus` (the start button).
 */
export function JobProgress({ run, label, cancelLabel = 'Cancel', returnFocus }: { run: JobRun; label: string; cancelLabel?: string; returnFocus?: RefObject<HTMLElement | null> }) {
  const s = run.status;
  const cancelHadFocus = useRef(false);
  useEffect(() => {
    if (run.running || !cancelHadFocus.current) return;
    cancelHadFocus.current = false;
    returnFocus?.current?.focus();
  }, [run.running, returnFocus]);
  if (!run.running) return null;
  const pct = s && s.total > 0 ? Math.round((s.done / s.total) * 100) : null;
  // A job of a few steps (an export) says which step; one of many items (an import, a backup's pages) a percentage.
  const steps = s && s.total > 0 && s.total <= MAX_STEPS ? `step ${Math.min(s.done + 1, s.total)} of ${s.total}` : null;
  return (
    <span className="job">
      {pct === null ? <progress aria-label={label} /> : <progress aria-label={label} max={100} value={pct} />}{' '}
      <span className="job__message" role="status">
        {s?.message ?? 'Starting…'}
        {steps && ` (${steps})`}
      </span>
      {!steps && pct !== null && <span className="job__message" aria-hidden="true">{` ${pct}%`}</span>}{' '}
      {/* Named for what it stops, since a page can hold other Cancel buttons (Cancel panel). */}
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={s?.cancelling ? undefined : cancelLabel === 'Cancel' ? `Cancel ${label.charAt(0).toLowerCase()}${label.slice(1)}` : cancelLabel}
        // aria-disabled rather than disabled: a disabled button would drop the keyboard focus.
        aria-disabled={!s || s.cancelling}
        onFocus={() => (cancelHadFocus.current = true)}
        onBlur={() => (cancelHadFocus.current = false)}
        onClick={() => s && !s.cancelling && run.cancel()}
      >
        {s?.cancelling ? 'Stopping…' : cancelLabel}
      </button>
    </span>
  );
}
