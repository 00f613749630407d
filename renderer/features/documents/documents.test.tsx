import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('exports through the personal-data gate', () => {
  it('shows each finding with a way to fix it, exports only with a reason, and logs it in Documents', async () => {
    let panelId = 0;
    const app = await renderApp({
      setup: async (h) => {
        const p = await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' });
        if (!p.ok) return;
        panelId = p.value.id;
        await h.api.addAgendaItem({ panelId, title: 'Write to the claimant at SW1A 2AA', purpose: 'discussion', presenterId: null, minutes: 20 });
      },
    });
    harness = app.harness;
    window.location.hash = `#/panels/${panelId}`;
    await app.user.click(await screen.findByRole('button', { name: 'Export agenda (Word)' }));
    expect(await screen.findByText(/The document was not written/)).toBeInTheDocument();
    const finding = screen.getByText('Postcode').closest('li')!;
    expect(finding).toHaveTextContent('SW1A ••• in Agenda item');
    expect(finding).toHaveTextContent('title');
    expect(within(finding).getByRole('link', { name: 'Fix it' })).toHaveAttribute('href', `#/panels/${panelId}`);
    await app.user.click(screen.getByRole('button', { name: 'Export anyway, with this reason' }));
    expect(await screen.findByText('Give a reason of at least a few words.')).toBeInTheDocument();
    expect((await app.harness.api.listExports({})).ok && (await app.harness.api.listExports({}))).toMatchObject({ value: [] });
    await app.user.type(screen.getByLabelText('Export anyway: why is this acceptable?'), 'The public address of Caxton House, agreed with the chair');
    await app.user.click(screen.getByRole('button', { name: 'Export anyway, with this reason' }));
    expect(await screen.findByText(/It is listed in Documents/)).toBeInTheDocument();
    window.location.hash = '#/documents';
    const table = await screen.findByRole('table', { name: 'Documents written, newest first' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Agenda');
    expect(row).toHaveTextContent('OFFICIAL-SENSITIVE');
    expect(row).toHaveTextContent('Sam Secretariat');
    expect(row).toHaveTextContent('1 exported anyway: “The public address of Caxton House, agreed with the chair”');
    await app.user.click(within(row).getByRole('button', { name: /^Open/ }));
    expect(await screen.findByText(/Open .*\.docx from your file manager/)).toBeInTheDocument();
  });
});
