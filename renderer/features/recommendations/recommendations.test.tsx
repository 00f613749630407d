import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';
import { approvedPanel, makeMembers } from '../../../tests/support/meetingFixture';

let harness: Harness | null = null;
beforeEach(() => localStorage.clear());
afterEach(async () => harness?.close());

interface Seeded {
  panelId: number;
  themeId: number;
  evidenceId: number;
  onTrack: { id: number; ref: string };
  late: { id: number; ref: string };
}

/** A panel on 11 November 2026 that made two recommendations on a theme with one item of evidence; today is 23 November. */
async function seed(h: Harness): Promise<Seeded> {
  const members = await makeMembers(h.api);
  const f = await approvedPanel(h.api, '2026-11-11', members);
  const ev = ok(
    await h.api.createEvidence({
      ref: 'FF-101',
      title: 'Payments stopped after contact was lost',
      summary: 'Claimant uncontactable; payments suspended without a safeguarding check.',
      receivedOn: '2026-09-01',
      region: '',
      tags: [],
      sensitivity: 'official',
      details: { type: 'frontline', fromWhom: 'Work coach', channel: 'Email' },
    }),
  );
  ok(await h.api.linkEvidence({ themeId: f.themeId, evidenceIds: [ev.id], note: '' }));
  ok(await h.api.startMeeting({ panelId: f.panelId }));
  const made = async (text: string, dgId: number, owner: string, targetDate: string) => {
    const m = ok(await h.api.addRecommendation({ itemId: f.themeItemId }));
    const rec = m.items.find((i) => i.id === f.themeItemId)!.recommendations.at(-1)!;
    ok(await h.api.updateRecommendation({ id: rec.id, text, dgId, owner, targetDate }));
    return { id: rec.id, ref: rec.ref };
  };
  const onTrack = await made('Hold a case conference before stopping payments when contact is lost', members.dgs[0], 'Director, Service Excellence', '2027-03-31');
  const late = await made('Publish the safeguarding escalation route to all sites', members.dgs[1], 'Head of Safeguarding', '2026-11-20');
  ok(await h.api.endMeeting({ panelId: f.panelId }));
  return { panelId: f.panelId, themeId: f.themeId, evidenceId: ev.id, onTrack, late };
}

async function open(hash: (s: Seeded) => string) {
  let seeded: Seeded | null = null;
  const app = await renderApp({
    setup: async (h) => {
      seeded = await seed(h);
    },
  });
  harness = app.harness;
  const s = seeded as unknown as Seeded;
  window.location.hash = hash(s);
  return { ...app, s };
}

describe('recommendations tracker screens', () => {
  it('lists recommendations with their RAG, and filters by overdue and by Director General', async () => {
    const { user, s } = await open(() => '#/recommendations');
    const table = await screen.findByRole('table', { name: /^Recommendations, sorted by target date/ });
    expect(screen.getByText('2 recommendations (1 overdue)')).toBeInTheDocument();
    const lateRow = within(table).getByRole('link', { name: s.late.ref }).closest('tr')!;
    expect(lateRow).toHaveTextContent('Red');
    expect(lateRow).toHaveTextContent('Overdue by 3 days');
    expect(lateRow).toHaveTextContent('Dev General');
    expect(within(table).getByRole('link', { name: s.onTrack.ref }).closest('tr')).toHaveTextContent('Green');
    // Soonest target first; clicking the header reverses it and says so.
    const refs = () => within(table).getAllByRole('link').map((a) => a.textContent);
    expect(refs()).toEqual([s.late.ref, s.onTrack.ref]);
    await user.click(within(table).getByRole('button', { name: /Target date/ }));
    expect(within(table).getByRole('columnheader', { name: /Target date/ })).toHaveAttribute('aria-sort', 'descending');
    expect(refs()).toEqual([s.onTrack.ref, s.late.ref]);

    await user.click(screen.getByLabelText('Overdue only'));
    expect(await screen.findByText('1 recommendation matches the filters (1 overdue)')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: s.onTrack.ref })).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Overdue only'));

    await user.selectOptions(screen.getByLabelText('Director General'), 'Dana General');
    expect(await screen.findByText('1 recommendation matches the filters (0 overdue)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: s.onTrack.ref })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: s.late.ref })).not.toBeInTheDocument();
    // Remembered: the choice is stored for the next visit.
    expect(JSON.parse(localStorage.getItem('scp.recommendations.view')!).filters.dgId).not.toBe('');
  });

  it('reads a long tracker a page at a time, sorted and counted in main', async () => {
    let s = null as unknown as Seeded;
    const more = (h: Harness) =>
      // 1,230 more like the late one, each target a day later than the last: 1,232 in all.
      h.opened.sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 1230)
         insert into recommendations (ref, panel_id, agenda_item_id, text, dg_member_id, owner, target_date, status, created_at, updated_at)
         select 'SCP-X-' || printf('%04d', i), panel_id, agenda_item_id, text || ' ' || i, dg_member_id, owner, date('2024-01-01', '+' || i || ' days'), status, created_at, updated_at
         from recommendations, n where id = ?`,
      )
      .run(s.late.id);
    const app = await renderApp({
      hash: '#/recommendations',
      setup: async (h) => {
        s = await seed(h);
        more(h);
      },
    });
    harness = app.harness;
    const user = app.user;
    const overdue = harness.opened.sqlite.prepare("select count(*) from recommendations where target_date < '2026-11-23'").pluck().get() as number;
    expect(await screen.findByText(`1,232 recommendations (${overdue.toLocaleString('en-GB')} overdue)`)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /^Recommendations, sorted by target date, earliest first/ });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    // Soonest target first, across the whole tracker, not just the page.
    expect(within(within(table).getAllByRole('row')[1]).getByRole('link').textContent).toBe('SCP-X-0001');
    expect(screen.getByText('Showing 100 of 1,232 recommendations')).toHaveRole('status');
    await user.click(screen.getByRole('button', { name: 'Show 100 more' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(201));
    expect(screen.getByText('Showing 200 of 1,232 recommendations')).toBeInTheDocument();
    // A new order is read from the start.
    await user.click(within(table).getByRole('button', { name: /Reference/ }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(101));
    expect(within(within(table).getAllByRole('row')[1]).getByRole('link').textContent).toBe(s.onTrack.ref < s.late.ref ? s.onTrack.ref : s.late.ref);
  });

  it('groups the list by Director General with open and overdue counts', async () => {
    const { user, s } = await open(() => '#/recommendations');
    await screen.findByRole('link', { name: s.late.ref });
    await user.click(screen.getByRole('button', { name: 'By Director General' }));
    const summary = screen.getByRole('table', { name: 'By accountable Director General' });
    // Recommendations, open, overdue, red.
    const counts = (dg: string) => within(within(summary).getByRole('rowheader', { name: dg }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(counts('Dev General')).toEqual(['1', '1', '1', '1']);
    expect(counts('Dana General')).toEqual(['1', '1', '0', '0']);
    const dev = screen.getByRole('region', { name: 'Dev General' });
    expect(within(dev).getByText('1 recommendation: 1 open, 1 overdue')).toBeInTheDocument();
    expect(within(dev).getByRole('link', { name: s.late.ref })).toBeInTheDocument();
    expect(within(dev).queryByRole('link', { name: s.onTrack.ref })).not.toBeInTheDocument();
  });

  it('shows a recommendation’s lineage and history, and adds an update that changes its status', async () => {
    const { user, s } = await open((x) => `#/recommendations/${x.onTrack.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: s.onTrack.ref })).toBeInTheDocument();
    const lineage = screen.getByRole('region', { name: 'Lineage' });
    expect(within(lineage).getByRole('link', { name: '2026-27 Q3 panel, 11 November 2026' })).toHaveAttribute('href', `#/panels/${s.panelId}`);
    expect(within(lineage).getByText('Theme: Contact lost with vulnerable claimants')).toBeInTheDocument();
    expect(within(lineage).getByRole('link', { name: 'Contact lost with vulnerable claimants' })).toHaveAttribute('href', `#/themes/${s.themeId}`);
    expect(within(lineage).getByRole('link', { name: 'FF-101' })).toHaveAttribute('href', `#/evidence/${s.evidenceId}`);
    const history = screen.getByRole('region', { name: /^History/ });
    expect(within(history).getAllByRole('listitem')).toHaveLength(1);
    expect(within(history).getByText('Made')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add an update' }));
    const dialog = screen.getByRole('dialog', { name: `Add an update to ${s.onTrack.ref}` });
    const date = within(dialog).getByLabelText(/^Date of the update/);
    await user.clear(date);
    await user.type(date, '2026-11-18');
    await user.type(within(dialog).getByLabelText(/^What has happened/), 'Accepted by the Director General');
    // Only the statuses that can follow "proposed" are offered.
    const status = within(dialog).getByLabelText(/^New status/);
    expect(within(status).getAllByRole('option').map((o) => o.textContent)).toEqual(['No change (Proposed)', 'Accepted', 'Not accepted']);
    await user.selectOptions(status, 'Accepted');
    await user.click(within(dialog).getByRole('button', { name: 'Add the update' }));
    expect(await screen.findByText(`${s.onTrack.ref} is now accepted`)).toBeInTheDocument();
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
    const item = within(history).getAllByRole('listitem')[1];
    expect(item).toHaveTextContent('18 November 2026');
    expect(item).toHaveTextContent('Status: Proposed → Accepted');
    expect(item).toHaveTextContent('Accepted by the Director General');
    expect(item).toHaveTextContent('by Sam Secretariat');
  });

  it('asks for the reason when a recommendation is not accepted', async () => {
    const { user, s } = await open((x) => `#/recommendations/${x.late.id}`);
    await user.click(await screen.findByRole('button', { name: 'Add an update' }));
    const dialog = screen.getByRole('dialog', { name: `Add an update to ${s.late.ref}` });
    const date = within(dialog).getByLabelText(/^Date of the update/);
    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.type(within(dialog).getByLabelText(/^What has happened/), 'The DG declined it');
    expect(within(dialog).queryByLabelText(/^Reason for not accepting/)).not.toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText(/^New status/), 'Not accepted');
    const reason = within(dialog).getByLabelText(/^Reason for not accepting/);
    await user.click(within(dialog).getByRole('button', { name: 'Add the update' }));
    expect(await within(dialog).findByText('Give the reason the recommendation was not accepted')).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('There is a problem');
  });

  it('shows on the evidence page the recommendations it informed', async () => {
    const { s } = await open((x) => `#/evidence/${x.evidenceId}`);
    const section = await screen.findByRole('region', { name: 'Recommendations this informed' });
    const link = await within(section).findByRole('link', { name: s.late.ref });
    expect(link).toHaveAttribute('href', `#/recommendations/${s.late.id}`);
    expect(link.closest('li')).toHaveTextContent('Red');
    expect(link.closest('li')).toHaveTextContent('Proposed');
    expect(within(section).getByRole('link', { name: s.onTrack.ref })).toBeInTheDocument();
  });

  it('lists a theme’s recommendations on the theme page', async () => {
    const { s } = await open((x) => `#/themes/${x.themeId}`);
    const section = await screen.findByRole('region', { name: 'Recommendations (2)' }, { timeout: 5000 });
    expect(within(section).getByRole('link', { name: s.onTrack.ref })).toHaveAttribute('href', `#/recommendations/${s.onTrack.id}`);
    expect(within(section).getByText('Hold a case conference before stopping payments when contact is lost')).toBeInTheDocument();
  });
});
