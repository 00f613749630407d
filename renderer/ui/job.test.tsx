import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '#shared/domain/jobs';
import type { ScpApi } from '#shared/ipc/contract';
import { call } from '../api/client';
import { JobProgress, useJobRun, type JobRun } from './Job';

const status = (patch: Partial<JobStatus>): JobStatus => ({
  id: 1,
  kind: 'export',
  label: 'Writing the panel pack',
  state: 'running',
  done: 0,
  total: 0,
  message: 'Starting…',
  result: null,
  error: null,
  failure: null,
  cancelling: false,
  ...patch,
});
const run = (s: JobStatus | null, running = true): JobRun => ({ status: s, running, start: vi.fn(), cancel: vi.fn() });

describe('JobProgress', () => {
  it('counts the steps of a job of a few steps', () => {
    render(<JobProgress run={run(status({ done: 1, total: 4, message: 'Laying out the pages…' }))} label="Writing the panel pack" />);
    expect(screen.getByRole('status')).toHaveTextContent('Laying out the pages… (step 2 of 4)');
    expect(screen.getByRole('progressbar', { name: 'Writing the panel pack' })).toHaveAttribute('value', '25');
    expect(screen.getByRole('button', { name: 'Cancel writing the panel pack' })).toBeEnabled();
  });

  it('gives a percentage of a job of many items, and an open bar before it knows', () => {
    const { rerender } = render(<JobProgress run={run(status({ done: 500, total: 2000, message: 'Copying the database…' }))} label="Backing up the database" />);
    // Only the step is announced; the percentage is on the bar, and shown beside it.
    expect(screen.getByRole('status')).toHaveTextContent(/^Copying the database…$/);
    expect(screen.getByRole('progressbar').parentElement).toHaveTextContent('Copying the database… 25%');
    rerender(<JobProgress run={run(null)} label="Backing up the database" />);
    expect(screen.getByRole('status')).toHaveTextContent('Starting…');
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
    expect(screen.getByRole('button', { name: 'Cancel backing up the database' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('says it is stopping once asked, and shows nothing when no job runs', () => {
    const { rerender } = render(<JobProgress run={run(status({ cancelling: true, message: 'Stopping…' }))} label="Erasing" cancelLabel="Stop: erase nothing" />);
    expect(screen.getByRole('button', { name: 'Stopping…' })).toHaveAttribute('aria-disabled', 'true');
    rerender(<JobProgress run={run(status({ state: 'done' }), false)} label="Erasing" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('gives the focus back to the start button when the job ends with Cancel focused', () => {
    const start = createRef<HTMLButtonElement>();
    const Screen = ({ r }: { r: JobRun }) => (
      <>
        <button ref={start}>Back up now</button>
        <JobProgress run={r} label="Backing up the database" returnFocus={start} />
      </>
    );
    const { rerender } = render(<Screen r={run(status({ total: 0 }))} />);
    act(() => screen.getByRole('button', { name: 'Cancel backing up the database' }).focus());
    rerender(<Screen r={run(status({ state: 'cancelled' }), false)} />);
    expect(screen.getByRole('button', { name: 'Back up now' })).toHaveFocus();
  });

  it('calls cancel when Cancel is pressed', () => {
    const r = run(status({ done: 0, total: 4 }));
    render(<JobProgress run={r} label="Writing the agenda" />);
    screen.getByRole('button', { name: 'Cancel writing the agenda' }).click();
    expect(r.cancel).toHaveBeenCalledOnce();
  });
});

describe('useJobRun', () => {
  function Runner({ onEnd }: { onEnd: (s: JobStatus) => void }) {
    const r = useJobRun(onEnd);
    return (
      <>
        <button onClick={() => void r.start(() => call('startBackup', {}))}>Back up now</button>
        <JobProgress run={r} label="Backing up the database" />
      </>
    );
  }

  it('shows the job running from the moment it starts, and ends it as failed when main has lost it', async () => {
    // Only the transport is replaced: main answers the start, then no longer knows the job.
    window.scp = {
      startBackup: async () => ({ ok: true, value: status({ id: 7, kind: 'backup', label: 'Backing up the database', message: 'Copying the database…', total: 100, done: 10 }) }),
      getJob: async () => ({ ok: false, error: { code: 'not-found', message: 'Job 7 does not exist.' } }),
    } as unknown as ScpApi;
    const ended = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <Runner onEnd={ended} />
      </QueryClientProvider>,
    );
    screen.getByRole('button', { name: 'Back up now' }).click();
    expect(await screen.findByRole('status')).toHaveTextContent('Copying the database…');
    await waitFor(() => expect(ended).toHaveBeenCalledOnce());
    expect(ended.mock.calls[0][0]).toMatchObject({ id: 7, state: 'failed', error: expect.stringMatching(/^The app lost track of this job \(Job 7 does not exist\.\)/) });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
