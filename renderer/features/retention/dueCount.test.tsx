import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';
import { iprDueForErasure as ipr } from '../../../tests/support/evidenceFixtures';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

// At twenty years' scale 25,415 records fall due together: the count is read with its thousands
// separated, as every other count in the app is (en-GB).
describe('the count of records due for erasure', () => {
  const withDue = (hash: string) =>
    renderApp({
      hash,
      setup: async (h) => {
        for (let i = 1; i <= 1_001; i++) ok(await h.api.createEvidence(ipr(i)));
      },
    });

  it('is written 1,001 in Settings, on the way to the review', async () => {
    const app = await withDue('#/settings');
    harness = app.harness;
    const link = await screen.findByRole('link', { name: 'Review 1,001 records due for erasure' });
    expect(link).toHaveAttribute('href', '#/retention');
  }, 60_000);

  it('is written 1,001 on the dashboard', async () => {
    const app = await withDue('#/');
    harness = app.harness;
    expect(await screen.findByText('1,001 records are past their retention date')).toBeInTheDocument();
  }, 60_000);
});
