import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

const ipr = (i: number): EvidenceInput => ({
  ref: `IPR-2019-${String(i).padStart(3, '0')}`,
  title: 'Payment stopped after lost contact',
  summary: 'Anonymised learning.',
  receivedOn: '2020-03-01',
  region: 'Wales',
  sensitivity: 'official-sensitive',
  details: { type: 'ipr', referralDate: null, acceptedDate: null, concludedDate: '2020-03-01', presentedDate: null, suicideOrSelfHarm: true, outcome: 'Guidance gap', learningPoints: '' },
  personal: { personName: `Person ${i}`, caseReference: `CASE-${i}` },
});

describe('retention review at scale', () => {
  it('shows the records due a page at a time, erases every one chosen through a job, and says so', async () => {
    const app = await renderApp({
      hash: '#/retention',
      file: true,
      setup: async (h) => {
        for (let i = 1; i <= 230; i++) ok(await h.api.createEvidence(ipr(i)));
      },
    });
    harness = app.harness;
    const table = await screen.findByRole('table', { name: 'Records due for erasure of personal detail' });
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(screen.getByText(/Showing 200 of 230 records due; 230 chosen/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(within(table).getAllByRole('row')).toHaveLength(231);
    await app.user.click(screen.getByRole('button', { name: 'Erase personal detail of 230 records' }));
    const dialog = screen.getByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Personal detail erased from 230 records', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(ok(await app.harness.api.listRetentionDue({}))).toEqual([]);
  }, 30_000);
});
