import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

const complaint = (ref: string, title: string, receivedOn: string): EvidenceInput => ({
  ref,
  title,
  summary: `${title}.`,
  receivedOn,
  region: '',
  tags: [],
  sensitivity: 'official',
  details: { type: 'complaint', serviceArea: 'Pension Credit', periodFrom: null, periodTo: null, complaintCount: 3 },
});

describe('theme screens', () => {
  it('creates a theme owned by a Director General', async () => {
    const app = await renderApp({
      hash: '#/themes/new',
      setup: (h) => h.api.createMember({ name: 'Dana General', role: 'director-general', organisation: 'Service Excellence', email: '', activeFrom: '2026-04-01' }),
    });
    harness = app.harness;
    await app.user.type(await screen.findByLabelText(/^Title/), 'Appointee arrangements not recognised');
    await app.user.selectOptions(screen.getByLabelText('Owner (a Director General)'), 'Dana General (Service Excellence)');
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Appointee arrangements not recognised' })).toBeInTheDocument();
    expect(screen.getByText(/Owner: Dana General/)).toBeInTheDocument();
  });

  it('shows the profile, accepts and rejects suggestions, and unlinks with an Undo that puts the link and its note back', async () => {
    let themeId = 0;
    const app = await renderApp({
      setup: async (h) => {
        const ids: number[] = [];
        for (const [ref, title, date] of [
          ['C-1', 'Appointee not recorded on the claim', '2026-04-20'],
          ['C-2', 'Appointee letters sent to the claimant', '2026-10-02'],
          ['C-3', 'Appointee application left unprocessed', '2026-10-05'],
          ['C-4', 'Pension Credit backdating refused', '2026-10-06'],
        ] as const) {
          const r = await h.api.createEvidence(complaint(ref, title, date));
          if (r.ok) ids.push(r.value.id);
        }
        const t = await h.api.createTheme({ title: 'Appointee arrangements', description: 'Appointees not recognised.', status: 'emerging', tags: ['appointee'] });
        if (t.ok) {
          themeId = t.value.id;
          await h.api.linkEvidence({ themeId, evidenceIds: [ids[0]], note: 'First sign' });
        }
      },
    });
    harness = app.harness;
    window.location.hash = `#/themes/${themeId}`;
    expect(await screen.findByRole('heading', { level: 1, name: 'Appointee arrangements' })).toBeInTheDocument();
    expect(screen.getByText('Complaint theme: 1')).toBeInTheDocument();
    // Suggestions say what they are drawn from (the ranking is confined to the newest matches).
    expect(screen.getByText(/not yet linked or turned down.*When more than 5,000 records match, the best are chosen from the 5,000 added most recently/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Suggest evidence' }));
    expect(await screen.findByText('The closest first. Words found in more than a quarter of the 10,000 records added most recently are too common to count. When more than 5,000 records match, the best are chosen from the 5,000 added most recently.')).toBeInTheDocument();
    await app.user.click(await screen.findByRole('button', { name: 'Accept C-2' }));
    expect(await screen.findByText('C-2 linked')).toBeInTheDocument();
    await app.user.click(await screen.findByRole('button', { name: 'Reject C-3' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Accept C-3' })).not.toBeInTheDocument());
    expect(screen.getByText(/No further suggestions/)).toBeInTheDocument();
    const links = screen.getByRole('heading', { name: 'Linked evidence (2)' }).closest('section')!;
    await app.user.click(within(links).getByRole('button', { name: 'Unlink C-1' }));
    // No question first: the link goes at once, and the toast offers it back.
    expect(await screen.findByRole('heading', { name: 'Linked evidence (1)' })).toBeInTheDocument();
    expect(ok(await app.harness.api.getTheme({ id: themeId })).links.map((l) => l.ref)).toEqual(['C-2']);
    const toast = screen.getByText('Unlinked C-1 from “Appointee arrangements”.').closest<HTMLElement>('.toast')!;
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
    const undo = within(toast).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());
    await app.user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Linked evidence (2)' })).toBeInTheDocument();
    const restored = ok(await app.harness.api.getTheme({ id: themeId })).links.find((l) => l.ref === 'C-1');
    expect(restored?.note).toBe('First sign');
    expect(screen.getByText('C-1 is linked to “Appointee arrangements” again, with its note.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Unlink C-1' })).toHaveFocus());
  });

  it('names the financial years along the profile chart, where each begins', async () => {
    let themeId = 0;
    const app = await renderApp({
      setup: async (h) => {
        const ids: number[] = [];
        for (const [ref, date] of [
          ['C-1', '2023-05-02'],
          ['C-2', '2024-09-10'],
          ['C-3', '2025-11-20'],
          ['C-4', '2026-10-06'],
        ] as const) {
          const r = await h.api.createEvidence(complaint(ref, `Appointee letters ${ref}`, date));
          if (r.ok) ids.push(r.value.id);
        }
        const t = ok(await h.api.createTheme({ title: 'Appointee arrangements', description: '', status: 'emerging', tags: [] }));
        themeId = t.id;
        ok(await h.api.linkEvidence({ themeId, evidenceIds: ids }));
      },
    });
    harness = app.harness;
    window.location.hash = `#/themes/${themeId}`;
    const figure = (await screen.findByText('Linked evidence by financial quarter (date received)')).closest('figure')!;
    // the axes' labels, the counts' (all figures) left out
    const ticks = () => [...figure.querySelectorAll('.recharts-cartesian-axis-tick-label')].map((t) => t.textContent ?? '').filter((t) => !/^\d+$/.test(t));
    await waitFor(() => expect(ticks().length).toBeGreaterThan(0));
    expect(ticks()).toEqual(['2023-24', '2024-25', '2025-26', '2026-27']);
  });
});
