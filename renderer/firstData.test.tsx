import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import type { ScpApi } from '#shared/ipc/contract';
import { makeHarness, ok, type Harness } from '../tests/support/harness';
import { App, makeQueryClient } from './App';
import { prefetchFirstData } from './firstData';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
  localStorage.clear();
});

const record = (ref: string, type: 'complaint' | 'frontline'): EvidenceInput => ({
  ref,
  title: `Record ${ref}`,
  summary: 'A summary.',
  receivedOn: '2026-10-01',
  region: 'Wales',
  tags: [],
  sensitivity: 'official',
  details:
    type === 'complaint'
      ? { type: 'complaint', serviceArea: 'Universal Credit', periodFrom: null, periodTo: null, complaintCount: 3 }
      : { type: 'frontline', fromWhom: 'Jobcentre work coach', channel: 'Team meeting' },
});

/** The real handlers, with every call's channel written down in the order it was made. */
async function counted(): Promise<{ calls: string[] }> {
  harness = await makeHarness();
  ok(await harness.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' }));
  ok(await harness.api.createEvidence(record('CT-1', 'complaint')));
  ok(await harness.api.createEvidence(record('FB-1', 'frontline')));
  const calls: string[] = [];
  const api = harness.api as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
  window.scp = Object.fromEntries(Object.entries(api).map(([channel, fn]) => [channel, (arg: unknown) => (calls.push(channel), fn(arg))])) as unknown as ScpApi;
  return { calls };
}

describe('first data at start-up', () => {
  it('asks for the register before the identity has answered, and the register uses that answer', async () => {
    const { calls } = await counted();
    // The filters the person left the register with: the page opens with them, so the early ask must too.
    localStorage.setItem('scp.evidence.filters', JSON.stringify({ type: 'complaint' }));
    window.location.hash = '#/evidence';
    const qc = makeQueryClient();
    prefetchFirstData(qc, window.location.hash);
    expect(calls).toEqual(['listEvidence']);
    render(<App queryClient={qc} />);
    expect(await screen.findByRole('link', { name: 'CT-1' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'FB-1' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c === 'listEvidence')).toHaveLength(1);
  });

  it('asks for nothing early for pages whose data it cannot know from the address', async () => {
    const { calls } = await counted();
    const qc = makeQueryClient();
    for (const hash of ['', '#/', '#/panels', '#/evidence/1', '#/evidence/new', '#/search']) prefetchFirstData(qc, hash);
    expect(calls).toEqual([]);
  });
});
