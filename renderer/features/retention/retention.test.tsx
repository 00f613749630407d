import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';
import { iprDueForErasure as ipr } from '../../../tests/support/evidenceFixtures';

let harness: Harness | null = null;
afterEach(async () => harness?.close());


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
