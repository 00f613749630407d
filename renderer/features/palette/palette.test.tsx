import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RANKED_AMONG, RANKED_AMONG_NOTE } from '#shared/domain/search';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('command palette and shortcuts', () => {
  it('opens with Ctrl+K and goes to a record found by words, by keyboard alone', async () => {
    const app = await renderApp({
      setup: async (h) => {
        await h.api.createTheme({ title: 'Appointee arrangements', description: '', status: 'emerging', tags: [] });
        await h.api.createEvidence({
          ref: 'CMP-2026-001',
          title: 'Appointee letters sent to the claimant',
          summary: '',
          receivedOn: '2026-05-01',
          region: '',
          sensitivity: 'official',
          details: { type: 'complaint', serviceArea: '', periodFrom: null, periodTo: null, complaintCount: 4 },
        });
      },
    });
    harness = app.harness;
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await app.user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('combobox', { name: 'Page, panel, theme or evidence' });
    expect(box).toHaveFocus();
    await app.user.type(box, 'appointee');
    await screen.findByRole('option', { name: /CMP-2026-001/ });
    expect(screen.getByRole('option', { name: /Themes.*Appointee.*arrangements/ })).toHaveAttribute('aria-selected', 'true');
    await app.user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: /CMP-2026-001/ })).toHaveAttribute('aria-selected', 'true');
    await app.user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: /CMP-2026-001/ })).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('says evidence is ranked among the newest matches when more match than are ranked, as the search screen does', async () => {
    const app = await renderApp({
      setup: async (h) => {
        // One more record about overpayments than search ranks, and one about a sanction.
        const insert = h.opened.sqlite.prepare(
          `insert into evidence (type, ref, title, summary, received_on, sensitivity, details, created_at, updated_at) values ('complaint', ?, ?, '', '2026-01-01', 'official', '{"type":"complaint"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        );
        h.opened.sqlite.transaction(() => {
          for (let i = 0; i <= RANKED_AMONG; i++) insert.run(`OP-${i}`, `Overpayment recovered ${i}`);
          insert.run('SN-1', 'Sanction applied in error');
        })();
      },
    });
    harness = app.harness;
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await app.user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Go to…' });
    const box = await screen.findByRole('combobox');
    await app.user.type(box, 'sanction');
    await screen.findByRole('option', { name: /SN-1/ });
    expect(dialog).not.toHaveTextContent(RANKED_AMONG_NOTE);
    await app.user.clear(box);
    await app.user.type(box, 'overpayment');
    expect((await screen.findAllByRole('option', { name: /OP-\d+/ })).length).toBeGreaterThan(0);
    expect(dialog).toHaveTextContent(`the best matches first. ${RANKED_AMONG_NOTE}`);
    expect(RANKED_AMONG_NOTE).toContain('5,000');
  });

  it('goes to a page by name, and ? lists the shortcuts', async () => {
    const app = await renderApp();
    harness = app.harness;
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    await app.user.keyboard('{Control>}k{/Control}');
    await app.user.type(await screen.findByRole('combobox'), 'coroner');
    await app.user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Coroners’ reports' })).toBeInTheDocument();
    await app.user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help).toHaveTextContent('Ctrl+K');
    // the keys drawn as keys, the words around them as words
    const keys = [...help.querySelectorAll('kbd')].map((k) => k.textContent);
    expect(keys).toEqual(expect.arrayContaining(['Ctrl+K', '⌘K', 'Space', '↑', '↓', 'Enter']));
    expect(keys.filter((k) => /\s/.test(k ?? ''))).toEqual([]);
    expect(help).toHaveTextContent('Space on an agenda item’s handle, then ↑ ↓, then Space');
    // opened at its top, to be read: focus on its title, and Tab goes on to Close
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Keyboard shortcuts' }));
    await app.user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    // and Shift+Tab from the title stays in the dialog
    screen.getByRole('heading', { name: 'Keyboard shortcuts' }).focus();
    await app.user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
