// A whole meeting recorded from the keyboard in Chromium: attendance, three items, a decision,
// an action and a recommendation, then the chair approves the minutes. Screenshots to look at.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { CHANNELS, type ScpApi } from '#shared/ipc/contract';
import { approvedPanel, makeMembers, type MeetingFixture } from '../support/meetingFixture';
import { e2eAvailable, seriousA11yViolations, startE2E, type E2E } from './support';

describe.skipIf(!e2eAvailable)('meeting mode in Chromium', () => {
  let e: E2E;
  let api: ScpApi;
  let f: MeetingFixture;
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-11T10:05:00Z'), viewport: { width: 1366, height: 900 } });
    api = Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => dispatch(handlers, e.ctx, c, arg)])) as unknown as ScpApi;
    f = await approvedPanel(api, '2026-11-11', await makeMembers(api));
    await api.setIdentity({ name: 'Mo Minutes', role: 'minute-taker' });
  });
  afterAll(async () => e?.close());

  const alt = (key: string) => e.page.keyboard.press(`Alt+${key}`);
  const saved = () => e.page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  const heading = (name: RegExp) => e.page.getByRole('heading', { level: 2, name }).waitFor();

  it('records attendance and three items from the keyboard, saving as it goes', async () => {
    const { page } = e;
    await page.goto(`${e.server.url}#/panels/${f.panelId}/meeting`);
    await page.getByRole('heading', { level: 1, name: /^Meeting: Serious Case Panel 2026-27 Q3/ }).waitFor();
    await e.shot('40-meeting-not-started', { viewport: true });
    await page.getByRole('button', { name: 'Start meeting' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Not quorate').waitFor();

    // Attendance: radios answer to Space; a deputy is named; the quorum updates as it goes.
    await alt('g');
    await heading(/Attendance and declarations/);
    const radio = (name: string, choice: string) => page.getByRole('group', { name: `Attendance of ${name}` }).getByRole('radio', { name: choice });
    for (const name of ['Chris Chair', 'Ida Examiner', 'Dana General', 'Dev General']) {
      await radio(name, 'Present').focus();
      await page.keyboard.press('Space');
      await expect.poll(() => radio(name, 'Present').isChecked()).toBe(true);
    }
    await radio('Pat Secretary', 'Deputy').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Deputy’s name').focus();
    await page.keyboard.type('Pam Deputy');
    await radio('Dee General', 'Apologies').focus();
    await page.keyboard.press('Space');
    await page.getByText('Quorate', { exact: true }).first().waitFor();
    await saved();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('41-meeting-attendance');

    // Item 1: notes, with the item's timer started from the keyboard.
    await alt('ArrowDown');
    await heading(/^1\. Welcome/);
    await alt('t');
    await page.getByRole('button', { name: 'Stop timer' }).waitFor();
    await page.getByLabel('Discussion notes').focus();
    await page.keyboard.type('The chair welcomed members. Apologies were noted from Dee General.');

    // Item 2: minutes of the last meeting and matters arising.
    await alt('ArrowDown');
    await heading(/^2\. Minutes of the last meeting/);
    await page.getByRole('heading', { level: 3, name: /Matters arising/ }).waitFor();
    await page.getByLabel('Discussion notes').focus();
    await page.keyboard.type('The minutes of the last meeting were agreed as a true record.');

    // The theme item: a decision, an action and a recommendation, each added by shortcut.
    await alt('ArrowDown');
    await alt('ArrowDown');
    await heading(/^4\. Theme: Contact lost/);
    await alt('t');
    await page.getByLabel('Discussion notes').focus();
    await page.keyboard.type('The Director General presented the theme; members agreed it is systemic across regions.');
    await alt('d');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id.startsWith('decision-'))).toBe(true);
    await page.keyboard.type('The panel agreed that lost contact before payments stop is a systemic theme.');
    await alt('a');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id.startsWith('action-'))).toBe(true);
    await page.keyboard.type('Bring data on payment suspensions after lost contact');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dana General');
    await page.getByLabel('Due').fill('2027-01-15');
    await alt('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id.startsWith('rec-'))).toBe(true);
    await page.keyboard.type('Check contact and vulnerability before any payment is suspended.');
    await page.keyboard.press('Tab');
    await page.getByLabel('Accountable Director General').selectOption({ label: 'Dana General, Service Excellence' });
    await page.getByLabel('Owner', { exact: true }).last().fill('Director, Service Excellence');
    await page.getByLabel('Target date').fill('2027-03-31');
    await page.getByLabel('Target date').blur();
    await saved();
    await page.getByRole('link', { name: 'SCP-2026-27-Q3-R01' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('42-meeting-theme-item');

    // What was acknowledged is in the database.
    const m = await api.getMeeting({ panelId: f.panelId });
    if (!m.ok) throw new Error(m.error.message);
    const item = m.value.items.find((i) => i.id === f.themeItemId)!;
    expect(item.decisions.map((d) => d.text)).toEqual(['The panel agreed that lost contact before payments stop is a systemic theme.']);
    expect(item.actions[0]).toMatchObject({ owner: 'Dana General', dueDate: '2027-01-15' });
    expect(item.recommendations[0]).toMatchObject({ ref: 'SCP-2026-27-Q3-R01', owner: 'Director, Service Excellence', targetDate: '2027-03-31', complete: true, themeIds: [f.themeId] });
    expect(item.timerRunning).toBe(true);
    expect(m.value.attendees.find((a) => a.name === 'Pat Secretary')).toMatchObject({ status: 'deputy', deputyName: 'Pam Deputy' });
  });

  it('returns to the same item after the window is reloaded', async () => {
    const { page } = e;
    await page.reload();
    await heading(/^4\. Theme: Contact lost/);
    await expect.poll(() => page.getByLabel('Discussion notes').inputValue()).toMatch(/systemic across regions/);
  });

  it('ends the meeting, and the chair approves and locks the minutes', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'End meeting' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'End the meeting?' }).getByRole('button', { name: 'End meeting' }).click();
    await page.getByText(/Minutes draft, version 1/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Approve minutes' }).isDisabled()).toBe(true);

    await api.setIdentity({ name: 'Chris Chair', role: 'chair' });
    await page.reload();
    await page.getByRole('button', { name: 'Approve minutes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve the minutes?' });
    await dialog.getByLabel('Date of approval').fill('2026-11-11');
    await e.shot('43-meeting-approve', { viewport: true });
    await dialog.getByRole('button', { name: 'Approve and lock' }).click();
    await page.getByText(/Minutes version 1 approved by Chris Chair on 11 November 2026: locked/).waitFor();
    await expect.poll(() => page.getByLabel('Discussion notes').isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Export minutes' }).click();
    const status = page.locator('.export__message');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Saved .*Minutes - Serious Case Panel 2026-27 Q3 - 2026-11-11 - v1\.docx/);
    const path = /^Saved (.*\.docx)/.exec((await status.textContent())!)![1];
    expect(existsSync(path)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('44-meeting-approved');
  });
});
