import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceInput } from '#shared/domain/evidence';
import type { ScpApi } from '#shared/ipc/contract';
import { App, makeQueryClient } from '../../App';
import { renderApp } from '../../../tests/support/renderApp';
import { makeHarness, ok, type Harness } from '../../../tests/support/harness';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

const pfd = (ref: string, reportDate: string): EvidenceInput => ({
  ref: `PFD ${ref}`,
  title: `Report ${ref}`,
  summary: '',
  receivedOn: reportDate,
  region: '',
  sensitivity: 'official',
  details: { type: 'pfd', coronerRef: ref, reportDate, coronerName: '', coronerArea: '', category: '', addressees: ['DWP'], addressedToDwp: true, circumstances: '', concerns: '', reportUrl: '' },
  personal: { personName: 'Pat Example', caseReference: '' },
});

describe('dashboard', () => {
  it('shows urgent coroner responses, themes gaining evidence and records due for erasure', async () => {
    const app = await renderApp({
      setup: async (h) => {
        await h.api.createEvidence(pfd('2026-0001', '2026-08-01')); // overdue
        await h.api.createEvidence(pfd('2026-0002', '2026-10-05')); // due 30 Nov
        const recent = await h.api.createEvidence({ ...pfd('2026-0003', '2026-11-01'), details: { ...pfd('2026-0003', '2026-11-01').details, addressedToDwp: false } as EvidenceInput['details'] });
        await h.api.createEvidence(pfd('2019-0001', '2019-01-10')); // past six years, holds a name
        const t = await h.api.createTheme({ title: 'Letters unread', description: '', status: 'emerging', tags: [] });
        if (t.ok && recent.ok) await h.api.linkEvidence({ themeId: t.value.id, evidenceIds: [recent.value.id], note: '' });
      },
    });
    harness = app.harness;
    const coroner = (await screen.findByRole('heading', { name: 'Coroner responses' })).closest('section')!;
    expect(await within(coroner).findByText('2 overdue, 1 due within 14 days')).toBeInTheDocument();
    expect(within(coroner).getByRole('link', { name: '2026-0001' })).toBeInTheDocument();
    expect(within(coroner).getByText('58 days overdue')).toBeInTheDocument(); // due 26 September, today 23 November
    const themes = screen.getByRole('heading', { name: 'Themes gaining evidence this quarter' }).closest('section')!;
    expect(await within(themes).findByRole('link', { name: 'Letters unread' })).toBeInTheDocument();
    expect(within(themes).getByText('+1')).toBeInTheDocument();
    expect(await screen.findByText('1 record is past its retention date')).toBeInTheDocument();
  });

  it('writes a long overdue response’s days with the thousands separated, as the coroners’ page does', async () => {
    const app = await renderApp({ setup: (h) => h.api.createEvidence(pfd('2022-0001', '2022-06-01')) }); // due 27 July 2022
    harness = app.harness;
    const coroner = (await screen.findByRole('heading', { name: 'Coroner responses' })).closest('section')!;
    expect(await within(coroner).findByText('1,580 days overdue')).toBeInTheDocument();
    await app.user.click(within(coroner).getByRole('link', { name: 'All coroners’ reports' }));
    expect(await screen.findByText('1,580 overdue')).toBeInTheDocument();
  });

  it('asks for theme names and the few growing themes, never the whole list of themes, for the tile and the drop-downs', async () => {
    harness = await makeHarness();
    const h = harness;
    ok(await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' }));
    const e = ok(await h.api.createEvidence(pfd('2026-0003', '2026-11-01')));
    const t = ok(await h.api.createTheme({ title: 'Letters unread', description: '', status: 'emerging', tags: [] }));
    ok(await h.api.createTheme({ title: 'Appointees', description: '', status: 'closed', tags: [] }));
    ok(await h.api.linkEvidence({ themeId: t.id, evidenceIds: [e.id], note: '' }));
    const calls: string[] = [];
    const api = h.api as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
    window.scp = Object.fromEntries(Object.entries(api).map(([channel, fn]) => [channel, (arg: unknown) => (calls.push(channel), fn(arg))])) as unknown as ScpApi;
    window.location.hash = '#/';
    render(<App queryClient={makeQueryClient()} />);
    const themes = (await screen.findByRole('heading', { name: 'Themes gaining evidence this quarter' })).closest('section')!;
    expect(await within(themes).findByRole('link', { name: 'Letters unread' })).toBeInTheDocument();
    expect(within(themes).getByText('+1')).toBeInTheDocument();
    expect(calls).toContain('growingThemes');

    window.location.hash = '#/evidence';
    const filter = await screen.findByRole('combobox', { name: 'Theme' });
    await waitFor(() => expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual(['Any', 'Appointees', 'Letters unread']));
    expect(calls).toContain('themeOptions');
    window.location.hash = '#/recommendations';
    const recFilter = await screen.findByRole('combobox', { name: 'Theme' });
    await waitFor(() => expect(within(recFilter).getAllByRole('option')).toHaveLength(3));
    expect(calls).not.toContain('listThemes');
  });

  it('offers demonstration data on an empty database, says where the file is, and loads it', async () => {
    const app = await renderApp();
    harness = app.harness;
    const start = (await screen.findByRole('heading', { name: 'Getting started' })).closest('section')!;
    expect(start).toHaveTextContent(':memory:');
    await app.user.click(within(start).getByRole('button', { name: 'Load demonstration data' }));
    expect(await screen.findByText(/^Demonstration data loaded: 14 members, 10 panels/, {}, { timeout: 40_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Getting started' })).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: /Serious Case Panel 2026-27 Q4/ })).toBeInTheDocument();
    // The person using the app is still who they said they were.
    const who = await app.harness.api.getIdentity({});
    expect(who.ok && who.value?.name).toBe('Sam Secretariat');
  }, 60_000);
});
