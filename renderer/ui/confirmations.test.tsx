// Every removal that cannot be undone asks first, names what goes, starts on the safe choice,
// and leaves the thing in place on Cancel or Escape (real handlers, real SQLite).
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../tests/support/renderApp';
import { approvedPanel, makeMembers, type MeetingFixture } from '../../tests/support/meetingFixture';
import { ok, type Harness } from '../../tests/support/harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('confirmations that name what will be lost', () => {
  it('removes an agenda item and its papers, and a single paper, only when confirmed', async () => {
    let panelId = 0;
    let itemId = 0;
    const app = await renderApp({
      file: true,
      setup: async (h) => {
        panelId = ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' })).id;
        const a = ok(await h.api.addAgendaItem({ panelId, title: 'Theme: appointees', purpose: 'discussion', presenterId: null, minutes: 20 }));
        itemId = a.items.find((i) => i.title === 'Theme: appointees')!.id;
        ok(await h.api.attachPaper({ itemId, fileName: 'appointees.pdf', contentBase64: b64('one') }));
        ok(await h.api.attachPaper({ itemId, fileName: 'annex.docx', contentBase64: b64('two') }));
        ok(await h.api.attachPaper({ itemId, fileName: 'letter.pdf', contentBase64: b64('three') }));
      },
    });
    harness = app.harness;
    window.location.hash = `#/panels/${panelId}`;
    const items = async () => ok(await app.harness.api.getAgenda({ panelId })).items;

    // One paper: Cancel keeps it, Remove deletes it.
    await app.user.click(await screen.findByRole('button', { name: 'Remove annex.docx' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove the paper “annex.docx”?' });
    expect(dialog).toHaveTextContent('“annex.docx” will be taken off “Theme: appointees” and the app’s copy of it deleted. It cannot be recovered here');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await app.user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await items()).find((i) => i.id === itemId)!.papers).toHaveLength(3);
    await app.user.click(screen.getByRole('button', { name: 'Remove annex.docx' }));
    dialog = screen.getByRole('dialog', { name: 'Remove the paper “annex.docx”?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Remove paper' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove annex.docx' })).not.toBeInTheDocument());
    expect((await items()).find((i) => i.id === itemId)!.papers.map((p) => p.fileName)).toEqual(['appointees.pdf', 'letter.pdf']);

    // The item: named with its papers; Escape keeps it, Remove item removes it.
    await app.user.click(screen.getByRole('button', { name: 'Remove Theme: appointees' }));
    dialog = await screen.findByRole('dialog', { name: 'Remove “Theme: appointees”?' });
    expect(dialog).toHaveTextContent('Remove the item “Theme: appointees” and its 2 papers from the agenda?');
    expect(dialog).toHaveTextContent('the app’s copies of “appointees.pdf”, “letter.pdf” cannot be recovered');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await app.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect((await items()).some((i) => i.id === itemId)).toBe(true);
    await app.user.click(screen.getByRole('button', { name: 'Remove Theme: appointees' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove item' }));
    await waitFor(async () => expect((await items()).some((i) => i.id === itemId)).toBe(false));
    expect(await screen.findByText('“Theme: appointees” removed')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Agenda' })).toHaveFocus());
  });

  it('removes a bank holiday only when confirmed', async () => {
    const app = await renderApp({ hash: '#/settings' });
    harness = app.harness;
    const remove = await screen.findByRole('button', { name: 'Remove Christmas Day 2026-12-25' }, { timeout: 3000 });
    await app.user.click(remove);
    let dialog = screen.getByRole('dialog', { name: /^Remove Christmas Day, 25 December 2026\?$/ });
    expect(dialog).toHaveTextContent('Panel timetables will count 25 December 2026 as a working day');
    await app.user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    const holidays = async () => ok(await app.harness.api.getCalendarSettings({})).holidays.map((h) => h.date);
    expect(await holidays()).toContain('2026-12-25');
    await app.user.click(screen.getByRole('button', { name: 'Remove Christmas Day 2026-12-25' }));
    dialog = screen.getByRole('dialog');
    await app.user.click(within(dialog).getByRole('button', { name: 'Remove date' }));
    await waitFor(async () => expect(await holidays()).not.toContain('2026-12-25'));
  });

  it('deletes a draft of the Terms of Reference only when confirmed', async () => {
    let id = 0;
    const app = await renderApp({ setup: async (h) => void (id = ok(await h.api.createTorDraft({})).id) });
    harness = app.harness;
    window.location.hash = `#/tor/${id}`;
    await app.user.click(await screen.findByRole('button', { name: 'Delete draft' }));
    const dialog = screen.getByRole('dialog', { name: /^Delete draft version/ });
    expect(dialog).toHaveTextContent('cannot be recovered');
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await app.user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(ok(await app.harness.api.listTorVersions({})).map((v) => v.id)).toContain(id);
    await app.user.click(screen.getByRole('button', { name: 'Delete draft' }));
    await app.user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete draft' }));
    await waitFor(async () => expect(ok(await app.harness.api.listTorVersions({})).map((v) => v.id)).not.toContain(id));
  });

  describe('archive, deactivate and restore start on the safe choice', () => {
    it('deactivating a member starts on "Keep active"', async () => {
      const app = await renderApp({
        hash: '#/members',
        setup: async (h) => ok(await h.api.createMember({ name: 'Owen Clarke', role: 'ice', organisation: '', email: '', activeFrom: '2026-04-01' })),
      });
      harness = app.harness;
      await app.user.click(await screen.findByRole('button', { name: 'Deactivate Owen Clarke' }));
      const dialog = screen.getByRole('dialog', { name: 'Deactivate Owen Clarke?' });
      expect(within(dialog).getByRole('button', { name: 'Keep active' })).toHaveFocus();
      await app.user.keyboard('{Enter}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(ok(await app.harness.api.listMembers({ includeInactive: false })).map((m) => m.name)).toContain('Owen Clarke');
    });

    it('archiving a record starts on "Keep it"', async () => {
      let id = 0;
      const app = await renderApp({
        setup: async (h) => {
          id = ok(
            await h.api.createEvidence({
              ref: 'CMP-2026-001',
              title: 'Appointee letters sent to the claimant',
              summary: '',
              receivedOn: '2026-05-01',
              region: '',
              sensitivity: 'official',
              details: { type: 'complaint', serviceArea: '', periodFrom: null, periodTo: null, complaintCount: 4 },
            }),
          ).id;
        },
      });
      harness = app.harness;
      window.location.hash = `#/evidence/${id}`;
      await app.user.click(await screen.findByRole('button', { name: 'Archive' }));
      const dialog = screen.getByRole('dialog', { name: 'Archive CMP-2026-001?' });
      expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
      await app.user.keyboard('{Enter}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(ok(await app.harness.api.getEvidence({ id })).archivedAt).toBeNull();
    });

    it('restoring a backup starts on "Keep the current database" (the shared dialog skips danger buttons)', async () => {
      const app = await renderApp({ hash: '#/settings', file: true, setup: async (h) => ok(await h.api.backupNow({})) });
      harness = app.harness;
      await app.user.click(await screen.findByRole('button', { name: /^Restore manual-/ }));
      const dialog = screen.getByRole('dialog');
      expect(within(dialog).getByRole('button', { name: 'Keep the current database' })).toHaveFocus();
      expect(within(dialog).getByRole('button', { name: 'Restore this backup' })).not.toHaveFocus();
    });
  });

  describe('in meeting mode', () => {
    async function open(seed: (h: Harness, f: MeetingFixture) => Promise<unknown>) {
      let f!: MeetingFixture;
      const app = await renderApp({
        now: '2026-11-11T10:00:00Z',
        setup: async (h) => {
          f = await approvedPanel(h.api, '2026-11-11', await makeMembers(h.api));
          ok(await h.api.startMeeting({ panelId: f.panelId }));
          ok(await h.api.setCurrentItem({ panelId: f.panelId, itemId: f.themeItemId }));
          await seed(h, f);
        },
      });
      harness = app.harness;
      window.location.hash = `#/panels/${f.panelId}/meeting`;
      await screen.findByRole('heading', { level: 2, name: /^4\. Theme/ });
      const item = async () => ok(await app.harness.api.getMeeting({ panelId: f.panelId })).items.find((i) => i.id === f.themeItemId)!;
      return { ...app, f, item };
    }

    it('removes an empty decision at once, and asks before removing one with words in it', async () => {
      const { user, item } = await open(async (h, f) => {
        ok(await h.api.addDecision({ itemId: f.themeItemId, text: 'Ask Service Excellence for a review of appointee checks' }));
        ok(await h.api.addDecision({ itemId: f.themeItemId }));
      });
      // The empty one (just added, nothing lost) goes without a question; focus moves to "Add decision".
      await user.click(screen.getByRole('button', { name: 'Remove decision 2' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove decision 2' })).not.toBeInTheDocument());
      expect((await item()).decisions).toHaveLength(1);
      expect(screen.getByRole('button', { name: 'Add decision' })).toHaveFocus();

      await user.click(screen.getByRole('button', { name: 'Remove decision 1' }));
      let dialog = screen.getByRole('dialog', { name: 'Remove decision 1?' });
      expect(dialog).toHaveTextContent('Decision 1, “Ask Service Excellence for a review of appointee checks”, will be taken out of the minutes. Its words cannot be recovered.');
      await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
      expect((await item()).decisions).toHaveLength(1);
      await user.click(screen.getByRole('button', { name: 'Remove decision 1' }));
      dialog = screen.getByRole('dialog', { name: 'Remove decision 1?' });
      await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
      await waitFor(async () => expect((await item()).decisions).toHaveLength(0));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await waitFor(() => expect(screen.getByRole('button', { name: 'Add decision' })).toHaveFocus());
    });

    it('names an action and a recommendation before removing them', async () => {
      const { user, item } = await open(async (h, f) => {
        ok(await h.api.addAction({ itemId: f.themeItemId, text: 'Write to the DG', owner: 'Dana General', dueDate: '2026-12-01' }));
        ok(await h.api.addRecommendation({ itemId: f.themeItemId, text: 'Check appointees before stopping payments' }));
      });
      await user.click(screen.getByRole('button', { name: 'Remove action 1' }));
      let dialog = screen.getByRole('dialog', { name: 'Remove action 1?' });
      expect(dialog).toHaveTextContent('Action 1, “Write to the DG”, owned by Dana General, due 1 Dec 2026, will be taken out of the minutes and the action log.');
      await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
      expect((await item()).actions).toHaveLength(1);

      const ref = (await item()).recommendations[0].ref;
      await user.click(screen.getByRole('button', { name: `Remove ${ref}` }));
      dialog = screen.getByRole('dialog', { name: `Remove ${ref}?` });
      expect(dialog).toHaveTextContent(`“Check appointees before stopping payments”, will be removed`);
      expect(dialog).toHaveTextContent(`the reference ${ref} will not be used again`);
      await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
      await waitFor(async () => expect((await item()).recommendations).toHaveLength(0));
      expect((await item()).actions).toHaveLength(1);
    });
  });
});
