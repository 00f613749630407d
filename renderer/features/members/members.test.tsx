import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('members screens', () => {
  it('adds a member through the form and lists them', async () => {
    const app = await renderApp({ hash: '#/members' });
    harness = app.harness;
    await app.user.click(await screen.findByRole('link', { name: 'Add a member' }));
    await app.user.type(await screen.findByLabelText('Name'), 'Dana General');
    await app.user.selectOptions(screen.getByLabelText('Role'), 'Director General');
    await app.user.type(screen.getByLabelText(/Organisation or directorate/), 'Service Excellence');
    await app.user.click(screen.getByRole('button', { name: 'Add member' }));
    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Dana General/ });
    expect(within(row).getByText('Director General')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(await screen.findByText('Dana General saved')).toBeInTheDocument();
  });

  it('shows validation messages tied to their fields and saves nothing', async () => {
    const app = await renderApp({ hash: '#/members/new' });
    harness = app.harness;
    await app.user.type(await screen.findByLabelText('E-mail (optional)'), 'not-an-email');
    await app.user.click(screen.getByRole('button', { name: 'Add member' }));
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/Name is required/);
    expect(screen.getByLabelText('E-mail (optional)')).toHaveAccessibleDescription(/Enter an e-mail address/);
    expect(screen.getByRole('alert')).toHaveTextContent('There is a problem');
    const list = await app.harness.api.listMembers({ includeInactive: true });
    expect(list.ok && list.value).toEqual([]);
  });

  it('deactivates a member after a confirmation that names them', async () => {
    const app = await renderApp({
      hash: '#/members',
      setup: (h) => h.api.createMember({ name: 'Owen Clarke', role: 'ice', organisation: 'ICE Office', email: '', activeFrom: '2026-04-01' }),
    });
    harness = app.harness;
    await app.user.click(await screen.findByRole('button', { name: 'Deactivate Owen Clarke' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Owen Clarke?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Owen Clarke/ })).not.toBeInTheDocument());
    await app.user.click(screen.getByLabelText(/Show inactive members/));
    expect(within(await screen.findByRole('row', { name: /Owen Clarke/ })).getByText('Inactive')).toBeInTheDocument();
  });
});
