import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ok, type Harness } from '../../tests/support/harness';
import type { Agenda } from '#shared/domain/agenda';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
});
afterEach(async () => h.close());


async function newPanel() {
  return ok(await h.api.createPanel({ date: '2027-02-10', startTime: '10:00', endTime: '12:00', format: 'online', location: '', notes: '' }));
}

const titles = (a: Agenda) => a.items.map((i) => i.title);

describe('agenda builder', () => {
  it('links a theme item to its theme, shows it in the theme’s profile, and refuses an unknown theme', async () => {
    const p = await newPanel();
    const t = ok(await h.api.createTheme({ title: 'Appointee arrangements', description: '', status: 'scheduled', tags: [] }));
    const a = ok(await h.api.addAgendaItem({ panelId: p.id, title: 'Theme: appointees', purpose: 'decision', presenterId: null, minutes: 20, themeId: t.id }));
    const item = a.items.find((i) => i.title === 'Theme: appointees')!;
    expect(item).toMatchObject({ themeId: t.id, themeTitle: 'Appointee arrangements' });
    expect(ok(await h.api.getTheme({ id: t.id })).profile.panels).toEqual([{ panelId: p.id, date: '2027-02-10', itemTitle: 'Theme: appointees' }]);
    const bad = await h.api.updateAgendaItem({ id: item.id, title: 'Theme: appointees', purpose: 'decision', presenterId: null, minutes: 20, themeId: 999 });
    expect(bad.ok || bad.error.fields).toMatchObject({ themeId: expect.any(String) });
    const unlinked = ok(await h.api.updateAgendaItem({ id: item.id, title: 'Theme: appointees', purpose: 'decision', presenterId: null, minutes: 20, themeId: null }));
    expect(unlinked.items.find((i) => i.id === item.id)?.themeId).toBeNull();
  });

  it('starts a new panel from the standing items with running times', async () => {
    const p = await newPanel();
    const a = ok(await h.api.getAgenda({ panelId: p.id }));
    expect(titles(a)).toEqual([
      'Welcome, apologies and declarations of interest',
      'Minutes of the last meeting and matters arising',
      'Recommendations tracker update',
      'Any other business',
      'Date of next meeting',
    ]);
    expect(a.items.map((i) => i.startsAt)).toEqual(['10:00', '10:05', '10:15', '10:30', '10:35']);
    expect(a).toMatchObject({ state: 'draft', totalMinutes: 40, meetingMinutes: 120, overrunMinutes: 0 });
  });

  it('puts a theme item before any other business, warns when over time, and reorders', async () => {
    const p = await newPanel();
    const member = ok(await h.api.createMember({ name: 'Dana DG', role: 'director-general', organisation: 'Service Excellence', email: '', activeFrom: '2026-04-01' }));
    let a = ok(await h.api.addAgendaItem({ panelId: p.id, title: 'Theme: lost contact before payments stop', purpose: 'decision', presenterId: member.id, minutes: 90 }));
    expect(titles(a)[3]).toBe('Theme: lost contact before payments stop');
    expect(a.items[3]).toMatchObject({ presenterName: 'Dana DG', startsAt: '10:30', endsAt: '12:00' });
    expect(a.overrunMinutes).toBe(10);
    expect(ok(await h.api.getPanel({ id: p.id })).status).toBe('agenda-in-preparation');

    const ids = a.items.map((i) => i.id);
    a = ok(await h.api.reorderAgenda({ panelId: p.id, itemIds: [ids[3], ...ids.slice(0, 3), ...ids.slice(4)] }));
    expect(titles(a)[0]).toBe('Theme: lost contact before payments stop');

    const stale = await h.api.reorderAgenda({ panelId: p.id, itemIds: ids.slice(1) });
    expect(stale.ok).toBe(false);
  });

  it('runs the chair review: send, comment, return, send, approve, lock, reopen', async () => {
    const p = await newPanel();
    ok(await h.api.sendAgendaForReview({ panelId: p.id, comment: 'For your review' }));
    const refused = await h.api.approveAgenda({ panelId: p.id });
    expect(refused.ok || refused.error.code).toBe('forbidden');

    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    let a = ok(await h.api.getAgenda({ panelId: p.id }));
    ok(await h.api.commentOnAgenda({ panelId: p.id, itemId: a.items[2].id, comment: 'Give this more time' }));
    a = ok(await h.api.returnAgenda({ panelId: p.id, comment: 'Please extend the tracker item' }));
    expect(a.state).toBe('returned');

    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    ok(await h.api.updateAgendaItem({ id: a.items[2].id, title: a.items[2].title, purpose: 'discussion', presenterId: null, minutes: 25 }));
    ok(await h.api.sendAgendaForReview({ panelId: p.id }));

    await h.api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    a = ok(await h.api.approveAgenda({ panelId: p.id, comment: 'Approved' }));
    expect(a.state).toBe('approved');
    expect(ok(await h.api.getPanel({ id: p.id })).status).toBe('agenda-approved');

    const locked = await h.api.addAgendaItem({ panelId: p.id, title: 'Late item', purpose: 'information', presenterId: null, minutes: 5 });
    expect(locked.ok || locked.error.message).toMatch(/approved and locked/);

    await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
    a = ok(await h.api.reopenAgenda({ panelId: p.id, reason: 'A late paper from the ICE' }));
    expect(a.state).toBe('draft');
    expect(ok(await h.api.getPanel({ id: p.id })).status).toBe('agenda-in-preparation');
    expect(a.events.map((e) => [e.action, e.actorName])).toEqual([
      ['sent', 'Sam Secretariat'],
      ['comment', 'Chris Chair'],
      ['returned', 'Chris Chair'],
      ['sent', 'Sam Secretariat'],
      ['approved', 'Chris Chair'],
      ['reopened', 'Sam Secretariat'],
    ]);
    expect(a.events[1].itemTitle).toBe('Recommendations tracker update');
  });

  it('copies attached papers into app storage and removes them', async () => {
    const p = await newPanel();
    let a = ok(await h.api.getAgenda({ panelId: p.id }));
    const content = Buffer.from('Theme paper: lost contact\n');
    a = ok(await h.api.attachPaper({ itemId: a.items[2].id, fileName: 'Tracker update.docx', contentBase64: content.toString('base64') }));
    const paper = a.items[2].papers[0];
    expect(paper).toMatchObject({ fileName: 'Tracker update.docx', bytes: content.length, addedBy: 'Sam Secretariat' });
    const stored = join(h.ctx.dataDir, 'papers', `${paper.sha256}.docx`);
    expect(readFileSync(stored, 'utf8')).toBe('Theme paper: lost contact\n');
    a = ok(await h.api.removePaper({ id: paper.id }));
    expect(a.items[2].papers).toEqual([]);
    expect(existsSync(stored)).toBe(false);

    const bad = await h.api.attachPaper({ itemId: a.items[2].id, fileName: '../../etc/passwd', contentBase64: 'aGk=' });
    expect(bad.ok).toBe(false);
  });

  describe('removing an item with papers', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    async function itemWithPapers(title: string, contents: string[], panelId?: number) {
      const p = panelId === undefined ? await newPanel() : { id: panelId };
      let a = ok(await h.api.addAgendaItem({ panelId: p.id, title, purpose: 'discussion', presenterId: null, minutes: 20 }));
      const itemId = a.items.find((i) => i.title === title)!.id;
      for (const [i, text] of contents.entries()) a = ok(await h.api.attachPaper({ itemId, fileName: `paper-${i}.pdf`, contentBase64: b64(text) }));
      const files = a.items.find((i) => i.id === itemId)!.papers.map((pp) => join(h.ctx.dataDir, 'papers', `${pp.sha256}.pdf`));
      return { panelId: p.id, itemId, files };
    }

    it('deletes the files of its papers once the removal commits', async () => {
      const { itemId, files } = await itemWithPapers('Theme: appointees', ['one', 'two']);
      expect(files.map((f) => existsSync(f))).toEqual([true, true]);
      ok(await h.api.removeAgendaItem({ id: itemId }));
      expect(files.map((f) => existsSync(f))).toEqual([false, false]);
      expect(h.opened.sqlite.prepare('select count(*) from agenda_papers').pluck().get()).toBe(0);
    });

    it('keeps a file another paper still uses (stored once by its content)', async () => {
      const first = await itemWithPapers('Theme: appointees', ['shared']);
      const second = await itemWithPapers('Theme: contact', ['shared'], first.panelId);
      expect(second.files).toEqual(first.files);
      ok(await h.api.removeAgendaItem({ id: first.itemId }));
      expect(existsSync(first.files[0])).toBe(true);
      ok(await h.api.removeAgendaItem({ id: second.itemId }));
      expect(existsSync(first.files[0])).toBe(false);
    });

    it('deletes nothing when the removal does not commit', async () => {
      const { panelId, itemId, files } = await itemWithPapers('Theme: appointees', ['one']);
      // The delete fails inside the transaction, after the papers were looked up.
      h.opened.sqlite.exec("create trigger refuse before delete on agenda_items begin select raise(abort, 'refused for the test'); end");
      const r = await h.api.removeAgendaItem({ id: itemId });
      expect(r.ok).toBe(false);
      expect(existsSync(files[0])).toBe(true);
      expect(ok(await h.api.getAgenda({ panelId })).items.some((i) => i.id === itemId)).toBe(true);
    });

    it('never deletes a file outside the papers folder, whatever the paper row says', async () => {
      const { itemId, files } = await itemWithPapers('Theme: appointees', ['one']);
      const outside = join(h.ctx.dataDir, 'keep-me.txt');
      writeFileSync(outside, 'not a paper');
      h.opened.sqlite.prepare("update agenda_papers set stored_name = '../keep-me.txt'").run();
      ok(await h.api.removeAgendaItem({ id: itemId }));
      expect(readFileSync(outside, 'utf8')).toBe('not a paper');
      expect(existsSync(files[0])).toBe(true);
    });
  });

  it('refuses changes to a cancelled panel and to unknown presenters', async () => {
    const p = await newPanel();
    const bad = await h.api.addAgendaItem({ panelId: p.id, title: 'x', purpose: 'decision', presenterId: 999, minutes: 5 });
    expect(bad.ok || bad.error.fields).toMatchObject({ presenterId: expect.any(String) });
    ok(await h.api.cancelPanel({ id: p.id, reason: 'Election period' }));
    const r = await h.api.addAgendaItem({ panelId: p.id, title: 'x', purpose: 'decision', presenterId: null, minutes: 5 });
    expect(r.ok || r.error.message).toMatch(/cancelled/);
  });
});
