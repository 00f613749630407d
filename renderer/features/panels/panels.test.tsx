import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/support/renderApp';
import { ok, type Harness } from '../../../tests/support/harness';
import { approvedPanel, makeMembers } from '../../../tests/support/meetingFixture';

let harness: Harness | null = null;
afterEach(async () => harness?.close());

describe('panels screens', () => {
  it('plans an online panel and lists it under Upcoming with its quarter', async () => {
    const app = await renderApp({ hash: '#/panels/new' });
    harness = app.harness;
    const date = await screen.findByLabelText('Date');
    await app.user.type(date, '2027-01-13');
    expect(await screen.findByText('Financial quarter: 2026-27 Q4')).toBeInTheDocument();
    await app.user.click(screen.getByLabelText('Online'));
    await app.user.click(screen.getByRole('button', { name: 'Plan panel' }));
    expect(await screen.findByRole('heading', { name: 'Serious Case Panel 2026-27 Q4' })).toBeInTheDocument();
    expect(screen.getByText('Wednesday 13 January 2027')).toBeInTheDocument();
    await app.user.click(screen.getByRole('link', { name: 'Back to panels' }));
    const upcoming = await screen.findByRole('table', { name: /Upcoming panels/ });
    expect(within(upcoming).getByText('Wed 13 Jan 2027')).toBeInTheDocument();
    expect(within(upcoming).getByText('2026-27 Q4')).toBeInTheDocument();
  });

  it('needs a location unless the panel is online', async () => {
    const app = await renderApp({ hash: '#/panels/new' });
    harness = app.harness;
    await app.user.type(await screen.findByLabelText('Date'), '2027-01-13');
    await app.user.click(screen.getByRole('button', { name: 'Plan panel' }));
    expect(await screen.findByLabelText('Location')).toHaveAccessibleDescription(/Give a location, or choose "Online"/);
  });

  it('shows the server’s message on the date when two panels clash', async () => {
    const app = await renderApp({ hash: '#/panels/new' });
    harness = app.harness;
    await app.harness.api.createPanel({ date: '2027-01-13', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' });
    await app.user.type(await screen.findByLabelText('Date'), '2027-01-13');
    await app.user.click(screen.getByLabelText('Online'));
    await app.user.click(screen.getByRole('button', { name: 'Plan panel' }));
    expect(await screen.findByText(/Another panel is already planned on 13 January 2027/)).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription(/A panel already meets on this date/);
  });

  it('cancels a panel with a recorded reason', async () => {
    const app = await renderApp();
    harness = app.harness;
    const p = await app.harness.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' });
    if (!p.ok) throw new Error('setup');
    window.location.hash = `#/panels/${p.value.id}`;
    await app.user.click(await screen.findByRole('button', { name: 'Cancel panel' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this panel?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel panel' }));
    expect(within(dialog).getByLabelText('Reason for cancelling')).toHaveAccessibleDescription(/Give the reason/);
    await app.user.type(within(dialog).getByLabelText('Reason for cancelling'), 'Pre-election period');
    await app.user.click(within(dialog).getByRole('button', { name: 'Cancel panel' }));
    await waitFor(() => expect(screen.getByText('Cancelled')).toBeInTheDocument());
    expect(screen.getByText(/Pre-election period/)).toBeInTheDocument();
  });

  /** What the screen asked main to prepare, and main's answers (the real handler's). */
  let preparing: { arg: unknown; answer: unknown }[] = [];
  function recordPreparing(h: Harness) {
    const real = h.api.preparePack;
    h.api.preparePack = async (arg) => {
      const answer = await real(arg);
      preparing.push({ arg, answer });
      return answer;
    };
  }

  /** The agenda's item titles as the screen lists them, without their "Item n: ". */
  const titles = () => [...document.querySelectorAll('.agenda-item__title')].map((t) => (t.textContent ?? '').replace(/^Item \d+: /, ''));

  /** A panel whose draft agenda has three items (after the standing ones), as the app opens. */
  async function draftAgendaOfThree() {
    let panelId = 0;
    const app = await renderApp({
      setup: async (h) => {
        panelId = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:30', format: 'online', location: '', notes: '' })).id;
        for (const title of ['Welcome', 'Tracker update', 'Theme: contact lost']) ok(await h.api.addAgendaItem({ panelId, title, purpose: 'discussion', presenterId: null, minutes: 20 }));
      },
    });
    harness = app.harness;
    return { app, panelId };
  }

  async function openPanel(after: (h: Harness, panelId: number) => Promise<unknown> = async () => {}) {
    let panelId = 0;
    preparing = [];
    const app = await renderApp({
      now: '2026-11-11T10:00:00Z',
      setup: async (h) => {
        panelId = (await approvedPanel(h.api, '2026-11-11', await makeMembers(h.api))).panelId;
        await after(h, panelId);
        recordPreparing(h);
      },
    });
    harness = app.harness;
    window.location.hash = `#/panels/${panelId}`;
    return { app, panelId };
  }

  it('offers to issue the pack while the agenda is approved and the pack not yet issued, and has main begin building it', async () => {
    const { panelId } = await openPanel();
    expect(await screen.findByRole('button', { name: 'Issue the panel pack (Word)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reopen agenda' })).toBeInTheDocument();
    // A database in memory builds its documents in place, so main says it prepares nothing.
    await waitFor(() => expect(preparing).toEqual([{ arg: { panelId }, answer: { ok: true, value: { preparing: false, reason: 'in-memory' } } }]));
  });

  it('prepares no draft pack, and prepares the pack once the chair approves the agenda on the screen', async () => {
    let panelId = 0;
    preparing = [];
    const app = await renderApp({
      now: '2026-11-11T10:00:00Z',
      setup: async (h) => {
        const p = ok(await h.api.createPanel({ date: '2026-11-11', startTime: '10:00', endTime: '12:30', format: 'online', location: '', notes: '' }));
        panelId = p.id;
        ok(await h.api.addAgendaItem({ panelId, title: 'Theme: contact lost', purpose: 'decision', presenterId: null, minutes: 30 }));
        ok(await h.api.sendAgendaForReview({ panelId }));
        await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
        recordPreparing(h);
      },
    });
    harness = app.harness;
    window.location.hash = `#/panels/${panelId}`;
    expect(await screen.findByRole('button', { name: 'Export a draft pack (Word)' })).toBeInTheDocument();
    // Long enough for a call made as the button appeared to have come back.
    await new Promise((r) => setTimeout(r, 100));
    expect(preparing).toEqual([]);
    await app.user.click(screen.getByRole('button', { name: 'Approve agenda' }));
    await app.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('button', { name: 'Issue the panel pack (Word)' })).toBeInTheDocument();
    // Asked for once the agenda was approved, not while it was a draft.
    await waitFor(() => expect(preparing).toEqual([{ arg: { panelId }, answer: { ok: true, value: { preparing: false, reason: 'in-memory' } } }]));
  });

  it.each([
    ['held', async (h: Harness, panelId: number) => ok(await h.api.startMeeting({ panelId }))],
    ['with its minutes drafted', async (h: Harness, panelId: number) => (ok(await h.api.startMeeting({ panelId })), ok(await h.api.endMeeting({ panelId })))],
  ])('does not offer to issue the pack (or reopen the agenda) of a panel %s', async (_, after) => {
    await openPanel(after);
    expect(await screen.findByRole('button', { name: 'Export the pack as issued (Word)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Issue the panel pack|draft pack/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reopen agenda' })).not.toBeInTheDocument();
    expect(screen.getByText(/the agenda is locked for good: the panel has met/)).toBeInTheDocument();
  });

  it('moves an item in the list at once, before the reorder comes back, and puts it back if the reorder is refused', async () => {
    const { app, panelId } = await draftAgendaOfThree();
    // Each reorder is held until the test lets it go.
    const h = app.harness;
    const real = h.api.reorderAgenda;
    let release: () => void = () => {};
    let asked = 0;
    h.api.reorderAgenda = async (arg) => {
      asked += 1;
      await new Promise<void>((r) => (release = r));
      return real(arg);
    };
    window.location.hash = `#/panels/${panelId}`;
    const up = await screen.findByRole('button', { name: 'Move up: Theme: contact lost' });
    const before = titles();
    const at = before.indexOf('Theme: contact lost');
    expect(before[at - 1]).toBe('Tracker update');
    // moved as soon as asked, while the reorder is still held...
    await app.user.click(up);
    await waitFor(() => expect(titles()[at - 1]).toBe('Theme: contact lost'));
    expect(titles()[at]).toBe('Tracker update');
    // ...and said only once it came back
    expect(screen.queryByText(/^Theme: contact lost moved to position/)).not.toBeInTheDocument();
    await waitFor(() => expect(asked).toBe(1));
    release();
    expect(await screen.findByText(`Theme: contact lost moved to position ${at} of ${before.length}.`)).toBeInTheDocument();
    expect(titles()[at - 1]).toBe('Theme: contact lost');

    // Locked behind the screen's back: the move shows, then is put back when it is refused, and not said.
    ok(await h.api.sendAgendaForReview({ panelId }));
    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    ok(await h.api.approveAgenda({ panelId, comment: 'Approved' }));
    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    const moved = titles();
    await app.user.click(screen.getByRole('button', { name: 'Move up: Tracker update' }));
    await waitFor(() => expect(titles()).not.toEqual(moved));
    await waitFor(() => expect(asked).toBe(2));
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent(/approved|locked/i);
    await waitFor(() => expect(titles()).toEqual(moved));
    // and the agenda is read again: the screen shows it approved, its items no longer movable
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Move up: Tracker update' })).not.toBeInTheDocument());
    expect(screen.queryByText(/Tracker update moved to position/)).not.toBeInTheDocument();
  });

  it('sends quick moves one after another, each on the order before it, and ends in the order moved to', async () => {
    const { app, panelId } = await draftAgendaOfThree();
    const h = app.harness;
    const real = h.api.reorderAgenda;
    const releases: (() => void)[] = [];
    h.api.reorderAgenda = async (arg) => {
      await new Promise<void>((r) => releases.push(r));
      return real(arg);
    };
    window.location.hash = `#/panels/${panelId}`;
    await app.user.click(await screen.findByRole('button', { name: 'Move up: Theme: contact lost' }));
    await app.user.click(screen.getByRole('button', { name: 'Move up: Theme: contact lost' }));
    const wanted = titles();
    const at = wanted.indexOf('Theme: contact lost');
    expect(wanted.slice(at, at + 3)).toEqual(['Theme: contact lost', 'Welcome', 'Tracker update']);
    // the second waits for the first: only one has been sent
    await waitFor(() => expect(releases).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(releases).toHaveLength(1);
    releases[0]();
    await waitFor(() => expect(releases).toHaveLength(2));
    // the first's answer does not undo the second move while it is on its way
    expect(titles()).toEqual(wanted);
    releases[1]();
    expect(await screen.findByText(`Theme: contact lost moved to position ${at + 1} of ${wanted.length}.`)).toBeInTheDocument();
    expect(titles()).toEqual(wanted);
    const saved = ok(await h.api.getAgenda({ panelId })).items.map((i) => i.title);
    expect(saved).toEqual(wanted);
  });

  it('says an item moved once the agenda shows it there, and says nothing of a move that was refused', async () => {
    const { app, panelId } = await draftAgendaOfThree();
    window.location.hash = `#/panels/${panelId}`;
    const titles = () => [...document.querySelectorAll('.agenda-item__title')].map((t) => t.textContent ?? '');
    await app.user.click(await screen.findByRole('button', { name: 'Move up: Theme: contact lost' }));
    const before = titles().length;
    const said = await screen.findByText(/^Theme: contact lost moved to position \d+ of \d+\.$/);
    const [, position, of] = /position (\d+) of (\d+)/.exec(said.textContent ?? '')!;
    // said once the list shows it: one place up, above the tracker update (the standing items come first)
    expect(Number(of)).toBe(before);
    expect(titles()[Number(position) - 1]).toBe(`Item ${position}: Theme: contact lost`);
    expect(titles()[Number(position)]).toBe(`Item ${Number(position) + 1}: Tracker update`);
    // Locked behind the screen's back (sent to the chair and approved elsewhere): the move is refused, and not said.
    const h = app.harness;
    ok(await h.api.sendAgendaForReview({ panelId }));
    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    ok(await h.api.approveAgenda({ panelId, comment: 'Approved' }));
    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    await app.user.click(screen.getByRole('button', { name: 'Move up: Tracker update' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/approved|locked/i);
    expect(screen.queryByText(/Tracker update moved to position/)).not.toBeInTheDocument();
  });
});
