import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import type { ScpApi } from '#shared/ipc/contract';
import { makeHarness, ok, type Harness } from '../tests/support/harness';
import { App, makeQueryClient } from './App';
import { call, callEarly, EARLY_FOR_MS } from './api/client';
import { firstAnswers, prefetchFirstData } from './firstData';
import { startFirstCalls } from './firstCalls';

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
  it('takes the identity and the register into the cache before the window draws, and the register uses that answer', async () => {
    const { calls } = await counted();
    // The filters the person left the register with: the page opens with them, so the early ask must too.
    localStorage.setItem('scp.evidence.filters', JSON.stringify({ type: 'complaint' }));
    window.location.hash = '#/evidence';
    const qc = makeQueryClient();
    const taken = prefetchFirstData(qc, window.location.hash);
    expect(calls).toEqual(['getIdentity', 'listEvidence']);
    await taken;
    render(<App queryClient={qc} />);
    // Drawn with its data at once: no loading state for the app first.
    expect(screen.queryByText(/Loading the app/)).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'CT-1' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'FB-1' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c === 'listEvidence')).toHaveLength(1);
    expect(calls.filter((c) => c === 'getIdentity')).toHaveLength(1);
  });

  it('asks only for the identity for pages whose data it cannot know from the address', async () => {
    const { calls } = await counted();
    for (const hash of ['', '#/', '#/panels', '#/evidence/1', '#/evidence/new', '#/search']) await prefetchFirstData(makeQueryClient(), hash);
    expect(calls).toEqual(Array(6).fill('getIdentity'));
  });

  it('sends the first calls before the app is evaluated; the first asks that match take their answers, once', async () => {
    const { calls } = await counted();
    window.location.hash = '#/evidence';
    startFirstCalls(window.location.hash);
    expect(calls).toEqual(['getIdentity', 'listEvidence']);
    const qc = makeQueryClient();
    await firstAnswers(qc, window.location.hash);
    expect(calls).toEqual(['getIdentity', 'listEvidence']);
    render(<App queryClient={qc} />);
    expect(await screen.findByRole('link', { name: 'CT-1' })).toBeInTheDocument();
    // The page's own later asks (its filter pickers) aside, neither was asked again.
    const firsts = () => calls.filter((c) => c === 'getIdentity' || c === 'listEvidence');
    expect(firsts()).toEqual(['getIdentity', 'listEvidence']);
    // Taken once: a later ask goes to main again.
    await call('getIdentity', {});
    expect(firsts()).toEqual(['getIdentity', 'listEvidence', 'getIdentity']);
  });

  it('lets an early call go if nothing asks for it in time, so a later ask is not given an old answer', async () => {
    const { calls } = await counted();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      callEarly('getIdentity', {});
      vi.advanceTimersByTime(EARLY_FOR_MS);
    } finally {
      vi.useRealTimers();
    }
    await call('getIdentity', {});
    expect(calls).toEqual(['getIdentity', 'getIdentity']);
  });

  it('draws the window after a short wait if main has not answered, showing the app loading', async () => {
    const never = new Promise<never>(() => {});
    window.scp = new Proxy({}, { get: () => () => never }) as unknown as ScpApi;
    const started = Date.now();
    await firstAnswers(makeQueryClient(), '#/evidence', 30);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
