// Column choices on the evidence register and the recommendations tracker: hidden columns stay
// hidden after the page is closed and opened again; a stored value not understood shows them all.
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, makeQueryClient } from '../App';
import { renderApp } from '../../tests/support/renderApp';
import { ok, type Harness } from '../../tests/support/harness';
import { approvedPanel, makeMembers } from '../../tests/support/meetingFixture';
import { loadHidden } from './Columns';

let harness: Harness | undefined;
beforeEach(() => localStorage.clear());
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function register() {
  const app = await renderApp({
    hash: '#/evidence',
    setup: (h) =>
      h.api.createEvidence({
        ref: 'C-1',
        title: 'Appointee not recorded on the claim',
        summary: 'Appointee not recorded.',
        receivedOn: '2026-10-02',
        region: 'Wales',
        tags: [],
        sensitivity: 'official',
        details: { type: 'complaint', serviceArea: 'Pension Credit', periodFrom: null, periodTo: null, complaintCount: 3 },
      }),
  });
  harness = app.harness;
  await screen.findByRole('link', { name: 'C-1' });
  return app;
}

const words = (h: HTMLElement) => h.textContent?.replace(/[▲▼]/g, '').trim();
const headers = () => screen.getAllByRole('columnheader').map(words);

describe('column choices', () => {
  it('hides a column of the register, remembers it after a remount, and resets', async () => {
    const app = await register();
    expect(headers()).toEqual(['', 'Reference', 'Title', 'Source', 'Received', 'Region or area', 'Themes', 'Reply due']);
    await app.user.click(screen.getByText('Columns', { selector: 'summary' }));
    const menu = screen.getByRole('group', { name: 'Columns of the register' });
    expect(within(menu).queryByRole('checkbox', { name: 'Reference' })).not.toBeInTheDocument();
    await app.user.click(within(menu).getByRole('checkbox', { name: 'Region or area' }));
    await app.user.click(within(menu).getByRole('checkbox', { name: 'Reply due' }));
    expect(headers()).toEqual(['', 'Reference', 'Title', 'Source', 'Received', 'Themes']);
    expect(screen.queryByText('Wales')).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('scp.evidence.columns')!)).toEqual({ v: 1, hidden: ['region', 'replyDue'] });

    app.unmount();
    render(<App queryClient={makeQueryClient()} />);
    await screen.findByRole('link', { name: 'C-1' });
    expect(headers()).toEqual(['', 'Reference', 'Title', 'Source', 'Received', 'Themes']);
    expect(screen.getByText('(2 hidden)')).toBeInTheDocument();
    await app.user.click(screen.getByText('Columns', { selector: 'summary' }));
    expect(screen.getByRole('checkbox', { name: 'Region or area' })).not.toBeChecked();
    await app.user.click(screen.getByRole('button', { name: 'Reset columns' }));
    expect(headers()).toEqual(['', 'Reference', 'Title', 'Source', 'Received', 'Region or area', 'Themes', 'Reply due']);
    expect(localStorage.getItem('scp.evidence.columns')).toBeNull();
  });

  it.each([['{not json'], ['"region"'], ['{"v":2,"hidden":["region"]}'], ['{"v":1,"hidden":"region"}'], ['{"v":1,"hidden":["title","ref","nonsense"]}']])('shows every column when the stored choice is %s', async (stored) => {
    localStorage.setItem('scp.evidence.columns', stored);
    await register();
    expect(headers()).toEqual(['', 'Reference', 'Title', 'Source', 'Received', 'Region or area', 'Themes', 'Reply due']);
  });

  it('keeps only known columns from a stored choice', () => {
    localStorage.setItem('k', JSON.stringify({ v: 1, hidden: ['b', 'zz', 7] }));
    expect(loadHidden('k', ['a', 'b', 'c'])).toEqual(['b']);
  });

  it('hides a column of the recommendations tracker and remembers it', async () => {
    const app = await renderApp({
      now: '2026-11-11T10:00:00Z',
      hash: '#/recommendations',
      setup: async (h) => {
        const f = await approvedPanel(h.api, '2026-11-11', await makeMembers(h.api));
        ok(await h.api.startMeeting({ panelId: f.panelId }));
        ok(await h.api.addRecommendation({ itemId: f.themeItemId, text: 'Check appointees before stopping payments' }));
        ok(await h.api.endMeeting({ panelId: f.panelId }));
      },
    });
    harness = app.harness;
    const table = await screen.findByRole('table', { name: /^Recommendations, sorted by/ });
    const recHeaders = () => within(screen.getByRole('table', { name: /^Recommendations, sorted by/ })).getAllByRole('columnheader').map(words);
    expect(within(table).getAllByRole('columnheader')).toHaveLength(7);
    await app.user.click(screen.getByText('Columns', { selector: 'summary' }));
    const menu = screen.getByRole('group', { name: 'Columns of the tracker' });
    expect(within(menu).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent?.trim())).toEqual(['Status and RAG', 'Director General and owner', 'Target date', 'Days open', 'Latest update']);
    await app.user.click(within(menu).getByRole('checkbox', { name: 'Days open' }));
    expect(recHeaders()).toEqual(['Reference', 'Recommendation', 'Status and RAG', 'DG and owner', 'Target date', 'Latest update']);
    expect(JSON.parse(localStorage.getItem('scp.recommendations.columns')!)).toEqual({ v: 1, hidden: ['daysOpen'] });
    app.unmount();
    render(<App queryClient={makeQueryClient()} />);
    await screen.findByRole('table', { name: /^Recommendations, sorted by/ });
    expect(recHeaders()).toEqual(['Reference', 'Recommendation', 'Status and RAG', 'DG and owner', 'Target date', 'Latest update']);
    expect(screen.getByRole('link', { name: /^SCP-/ })).toBeInTheDocument();
  });
});
