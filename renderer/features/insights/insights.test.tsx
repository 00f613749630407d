// The dashboard's new tiles, the charts page and the IPR targets in Settings, against the real
// handlers on a migrated database. Today is 23 November 2026.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import type { Harness } from '../../../tests/support/harness';
import { seedRecommendations, type RecFixture } from '../../../tests/support/insightsFixture';

let harness: Harness | null = null;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await harness?.close();
  window.history.replaceState(null, '', '/');
});

const hrefOf = (el: HTMLElement) => el.getAttribute('href');
const section = async (heading: string) => (await screen.findByRole('heading', { name: heading })).closest('section')!;

describe('dashboard tiles', () => {
  let f: RecFixture;
  let user: Awaited<ReturnType<typeof renderApp>>['user'];
  beforeEach(async () => {
    const app = await renderApp({
      setup: async (h) => {
        f = await seedRecommendations(h);
        await h.ctx.db
          .insertInto('export_log')
          .values({ kind: 'minutes', panel_id: null, title: 'Minutes - Serious Case Panel 2026-27 Q3.docx', path: '/x/m.docx', bytes: 10, sha256: 'ab', marking: 'OFFICIAL', actor: 'Mo Minutes', at: '2026-11-20T15:30:00Z' })
          .execute();
      },
    });
    harness = app.harness;
    user = app.user;
  });

  it('shows recommendations overdue or due this month by Director General, each number opening the tracker filtered', async () => {
    const tile = await section('Recommendations overdue or due this month');
    const overdue = await within(tile).findByRole('link', { name: '2 overdue' });
    expect(hrefOf(overdue)).toBe('#/recommendations?overdue=1');
    expect(hrefOf(within(tile).getByRole('link', { name: '2 due by 30 November 2026' }))).toBe('#/recommendations?open=1&targetFrom=2026-11-23&targetTo=2026-11-30');
    const table = within(tile).getByRole('table', { name: /by accountable Director General/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Dana General11', 'No Director General assigned10', 'Dev General01']);
    expect(hrefOf(within(table).getByRole('link', { name: 'Dana General' }))).toBe(`#/recommendations?dgId=${f.dana}&open=1`);
    expect(hrefOf(within(table).getByRole('link', { name: '1 overdue for Dana General' }))).toBe(`#/recommendations?dgId=${f.dana}&overdue=1`);
    expect(hrefOf(within(table).getByRole('link', { name: '1 due this month for Dev General' }))).toBe(`#/recommendations?dgId=${f.dev}&open=1&targetFrom=2026-11-23&targetTo=2026-11-30`);
    // Nothing to filter by for recommendations without a Director General: no link that would mislead.
    expect(within(table).queryByRole('link', { name: /No Director General/ })).toBeNull();
  });

  it('opens the tracker with the tile’s filter set, shown in the filters and remembered', async () => {
    const tile = await section('Recommendations overdue or due this month');
    await user.click(within(await within(tile).findByRole('table')).getByRole('link', { name: '1 overdue for Dana General' }));
    await screen.findByRole('heading', { level: 1, name: 'Recommendations' });
    expect(await screen.findByText('1 recommendation matches the filters (1 overdue)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'R1' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked();
    expect(screen.getByRole('combobox', { name: 'Director General' })).toHaveValue(String(f.dana));
    // The address no longer carries the filter; the page remembers it instead.
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(JSON.parse(localStorage.getItem('scp.recommendations.view')!).filters).toMatchObject({ overdue: true, dgId: String(f.dana) });
  });

  it('lists recent exports with what, when and who, and links to Documents', async () => {
    const tile = await section('Recent exports');
    expect(await within(tile).findByText('Minutes')).toBeInTheDocument();
    expect(within(tile).getByText('Serious Case Panel 2026-27 Q3')).toBeInTheDocument(); // the kind is not said twice
    expect(within(tile).getByText('20 Nov 2026, 15:30, Mo Minutes')).toBeInTheDocument();
    expect(hrefOf(within(tile).getByRole('link', { name: 'All documents' }))).toBe('#/documents');
    expect(hrefOf(screen.getByRole('link', { name: 'Charts and trends' }))).toBe('#/charts');
  });
});

describe('the tracker read from its address', () => {
  it('replaces the remembered filters with those in the address', async () => {
    localStorage.setItem('scp.recommendations.view', JSON.stringify({ filters: { text: 'old words', status: ['closed'] }, view: 'list', sort: 'ref', desc: false }));
    window.history.replaceState(null, '', '/?open=1&targetFrom=2026-11-23&targetTo=2026-11-30');
    const app = await renderApp({ hash: '#/recommendations', setup: (h) => seedRecommendations(h) });
    harness = app.harness;
    expect(await screen.findByText('2 recommendations match the filters (0 overdue)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'R2' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'R3' })).toBeInTheDocument();
    expect(screen.getByLabelText('Target from')).toHaveValue('2026-11-23');
    expect(screen.getByLabelText('Target to')).toHaveValue('2026-11-30');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });
});

describe('charts page', () => {
  it('gives every chart a heading, a summary in words and its figures as a table', async () => {
    const app = await renderApp({ hash: '#/charts', setup: (h) => seedRecommendations(h) });
    harness = app.harness;
    await screen.findByRole('heading', { level: 1, name: 'Charts' });
    const titles = ['Evidence by source, by financial quarter', 'Recommendations by status and Director General', 'Time to implement', 'Coroner response timeliness, by year of the report', 'Internal Process Review timeliness'];
    for (const t of titles) expect(await screen.findByRole('heading', { level: 2, name: t })).toBeInTheDocument();

    const recs = await section('Recommendations by status and Director General');
    expect(await within(recs).findByText(/^10 recommendations: 1 closed, 2 implemented and awaiting closure, 6 open \(proposed, accepted or in progress\) and 1 not accepted\. Dana General is accountable for the most open ones \(3\)\.$/)).toBeInTheDocument();
    const byDg = within(recs).getByRole('table', { name: 'Recommendations by status and Director General' });
    expect(within(byDg).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Director GeneralProposedAcceptedIn progressImplementedClosedNot acceptedTotal',
      'Dana General1112005',
      'Dev General1010114',
      'No Director General assigned0100001',
      'All22221110',
    ]);
    expect(hrefOf(within(byDg).getByRole('link', { name: 'Dana General' }))).toMatch(/^#\/recommendations\?dgId=\d+$/);
    expect(within(recs).getByRole('img', { name: /^Chart: Recommendations by status and Director General/ })).toBeInTheDocument();

    const tti = await section('Time to implement');
    expect(within(tti).getByText(/^3 of the 10 recommendations made from 2025-26 Q1 to 2026-27 Q3 are implemented\. The median time from the panel to implementation ranged from 85 days \(made in 2025-26 Q1\) to 120 days \(made in 2025-26 Q3\)/)).toBeInTheDocument();
    expect(within(within(tti).getByRole('table')).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Quarter madeMadeImplementedMedian daysQuickestSlowest',
      '2025-26 Q1428560110',
      '2025-26 Q351120120120',
      '2026-27 Q310———',
    ]);

    // With no evidence or reviews yet, the other charts say so instead of drawing nothing.
    expect(await within(await section('Internal Process Review timeliness')).findByText(/No Internal Process Review in the register has its stage dates recorded/)).toBeInTheDocument();
    expect(await within(await section('Evidence by source, by financial quarter')).findByText('No evidence was received in the last 12 quarters.')).toBeInTheDocument();
    expect(within(await section('Evidence by source, by financial quarter')).getByRole('table', { name: /items received/ })).toBeInTheDocument();
    expect(within(await section('Coroner response timeliness, by year of the report')).getByRole('table', { name: /responses to reports addressed to DWP/ })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Charts');
  });
});

describe('IPR targets in Settings', () => {
  it('saves the targets, and ties a refusal to its field', async () => {
    const app = await renderApp({ hash: '#/settings' });
    harness = app.harness;
    const s = await section('Internal Process Review targets');
    const accept = within(s).getByLabelText('Referral to acceptance: days');
    await waitFor(() => expect(accept).toHaveValue(28));
    await app.user.clear(accept);
    await app.user.type(accept, '0');
    await app.user.click(within(s).getByRole('button', { name: 'Save review targets' }));
    expect(await within(s).findByText('At least 1 day')).toBeInTheDocument();
    expect(accept).toHaveAttribute('aria-invalid', 'true');
    expect(accept.getAttribute('aria-describedby')).toMatch(/error/);
    await app.user.clear(accept);
    await app.user.type(accept, '21');
    await app.user.click(within(s).getByRole('button', { name: 'Save review targets' }));
    expect(await screen.findByText('Review targets saved')).toBeInTheDocument();
    const saved = await app.harness.api.getIprTargets({});
    expect(saved.ok && saved.value).toEqual({ referralToAcceptance: 21, acceptanceToReport: 90, reportToPresentation: 90 });
  });
});
