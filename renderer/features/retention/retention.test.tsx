import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';
import { iprDueForErasure as ipr } from '../../../tests/support/evidenceFixtures';

let harness: Harness | null = null;
afterEach(async () => harness?.close());


describe('retention review at scale', () => {
  const render = () =>
    renderApp({
      hash: '#/retention',
      file: true,
      setup: async (h) => {
        for (let i = 1; i <= 230; i++) ok(await h.api.createEvidence(ipr(i)));
      },
    });

  it('reads the records due a page at a time, erases every one chosen through a job, and says so', async () => {
    const app = await render();
    harness = app.harness;
    const table = await screen.findByRole('table', { name: 'Records due for erasure of personal detail' });
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(screen.getByText(/Showing 200 of 230 records due; 230 chosen/)).toHaveRole('status');
    await app.user.click(screen.getByRole('button', { name: 'Show 30 more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(231));
    expect(screen.getByText(/Showing 230 of 230 records due; 230 chosen/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /more$/ })).not.toBeInTheDocument();
    // One left out, from the page read last.
    await app.user.click(screen.getByRole('checkbox', { name: 'Choose IPR-2019-230' }));
    expect(screen.getByText(/229 chosen/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Erase personal detail of 229 records' }));
    const dialog = screen.getByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Personal detail erased from 229 records', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(ok(await app.harness.api.listRetentionDue({})).rows.map((d) => d.ref)).toEqual(['IPR-2019-230']);
    expect(await screen.findByText(/Showing 1 of 1 record due; 1 chosen/)).toBeInTheDocument();
  }, 30_000);

  it('erases every record due, those not yet read too, and only those chosen when some are picked', async () => {
    const app = await render();
    harness = app.harness;
    const table = await screen.findByRole('table', { name: 'Records due for erasure of personal detail' });
    // Choosing none, then two of those shown: only those two.
    await app.user.click(within(table).getByRole('checkbox', { name: 'Choose all' }));
    expect(screen.getByText(/Showing 200 of 230 records due; 0 chosen/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Erase personal detail of 0 records' })).toBeDisabled();
    await app.user.click(screen.getByRole('checkbox', { name: 'Choose IPR-2019-001' }));
    await app.user.click(screen.getByRole('checkbox', { name: 'Choose IPR-2019-002' }));
    await app.user.click(screen.getByRole('button', { name: 'Erase personal detail of 2 records' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Personal detail erased from 2 records', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(ok(await app.harness.api.listRetentionDue({})).total).toBe(228);
    // Then all of them, as the review begins again: the 28 never shown are erased with the rest.
    expect(await screen.findByText(/Showing 200 of 228 records due; 228 chosen/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Erase personal detail of 228 records' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Erase for good' }));
    expect(await screen.findByText('Personal detail erased from 228 records', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(ok(await app.harness.api.listRetentionDue({}))).toEqual({ total: 0, offset: 0, rows: [] });
    expect(await screen.findByText('Nothing is due for erasure')).toBeInTheDocument();
  }, 30_000);
});
