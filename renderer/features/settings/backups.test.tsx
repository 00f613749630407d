import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('backups in Settings', () => {
  it('restores a backup after a confirmation that says what happens to the current data', async () => {
    const app = await renderApp({
      hash: '#/settings',
      file: true,
      setup: async (h) => {
        await h.api.createMember({ name: 'In The Backup', role: 'chair', organisation: '', email: '', activeFrom: '2026-04-01' });
        await h.api.backupNow({});
        await h.api.createMember({ name: 'Added Later', role: 'ice', organisation: '', email: '', activeFrom: '2026-04-01' });
      },
    });
    harness = app.harness;
    await app.user.click(await screen.findByRole('button', { name: /^Restore manual-/ }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('kept aside beside it, not deleted');
    await app.user.click(within(dialog).getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText(/^Restored manual-.*kept as .*before-restore-/)).toBeInTheDocument();
    window.location.hash = '#/members';
    expect(await screen.findByRole('row', { name: /In The Backup/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Added Later/ })).not.toBeInTheDocument();
  });
});
