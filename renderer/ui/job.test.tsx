import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '#shared/domain/jobs';
import { JobProgress, type JobRun } from './Job';

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
    expect(screen.getByRole('status')).toHaveTextContent('Copying the database… 25%');
    rerender(<JobProgress run={run(null)} label="Backing up the database" />);
    expect(screen.getByRole('status')).toHaveTextContent('Starting…');
    expect(screen.getByRole('progressbar')).not.toHaveAttribute('value');
    expect(screen.getByRole('button', { name: 'Cancel backing up the database' })).toBeDisabled();
  });

  it('says it is stopping once asked, and shows nothing when no job runs', () => {
    const { rerender } = render(<JobProgress run={run(status({ cancelling: true, message: 'Stopping…' }))} label="Erasing" cancelLabel="Stop: erase nothing" />);
    expect(screen.getByRole('button', { name: 'Stopping…' })).toBeDisabled();
    rerender(<JobProgress run={run(status({ state: 'done' }), false)} label="Erasing" />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('calls cancel when Cancel is pressed', () => {
    const r = run(status({ done: 0, total: 4 }));
    render(<JobProgress run={r} label="Writing the agenda" />);
    screen.getByRole('button', { name: 'Cancel writing the agenda' }).click();
    expect(r.cancel).toHaveBeenCalledOnce();
  });
});
