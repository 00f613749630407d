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

describe('a backup in progress', () => {
  it('shows how far it has got and can be cancelled, keeping no file', async () => {
    const app = await renderApp({
      hash: '#/settings',
      file: true,
      setup: async (h) => {
        // About 150 MB, so the copy and its check take long enough to be seen and stopped.
        h.opened.sqlite.exec('create table ballast (b blob)');
        const put = h.opened.sqlite.prepare('insert into ballast values (randomblob(1048576))');
        h.opened.sqlite.transaction(() => {
          for (let i = 0; i < 150; i++) put.run();
        })();
      },
    });
    harness = app.harness;
    await app.user.click(await screen.findByRole('button', { name: 'Back up now' }));
    const bar = await screen.findByRole('progressbar', { name: 'Backing up the database' }, { timeout: 5000 });
    expect(bar.parentElement).toHaveTextContent(/Copying the database…|Checking the copy…|Starting…/);
    await app.user.click(screen.getByRole('button', { name: 'Cancel backing up the database' }));
    expect(await screen.findByText('Backup cancelled: no file was kept.', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Back up now' })).toHaveFocus();
    const list = await app.harness.api.listBackups({});
    expect(list.ok && list.value.backups).toEqual([]);
  }, 30_000);
});
