// The foundation driven in a real Chromium: first run, members and panels, reload, still there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eAvailable, nativeFieldParts, seriousA11yViolations, startE2E, type E2E } from './support';

describe.skipIf(!e2eAvailable)('members and panels in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
  });
  afterAll(async () => e?.close());

  it('asks who is using the app on first run', async () => {
    const { page } = e;
    await page.goto(e.server.url);
    await page.getByRole('heading', { name: 'Who is using this app?' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('01-first-run');
    await page.getByLabel('Your name').fill('Jamie Lewis');
    await page.getByLabel('Your role').selectOption('secretariat');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Signed in as').waitFor();
    expect(await page.locator('.topbar__who').textContent()).toMatch(/^Signed in as Jamie Lewis \(Secretariat\)/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('02-dashboard-empty');
  });

  it('adds a member, with validation on the way', async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'No members yet' }).waitFor();
    await page.getByRole('link', { name: 'Add a member' }).first().click();
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Name is required').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('03-member-form-errors');
    await page.getByLabel('Name', { exact: true }).fill('Helen Marsh');
    await page.getByLabel('Role').selectOption('chair');
    await page.getByLabel('Organisation or directorate').fill('Non-Executive Director, DWP Board');
    await page.getByLabel('E-mail (optional)').fill('helen.marsh@example.gov.uk');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('row', { name: /Helen Marsh/ }).waitFor();
    for (const [name, role, org] of [
      ['Sarah Whitfield', 'director-general', 'Service Excellence'],
      ['Owen Clarke', 'ice', 'Independent Case Examiner’s Office'],
    ]) {
      await page.getByRole('link', { name: 'Add a member' }).first().click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Role').selectOption(role);
      await page.getByLabel('Organisation or directorate').fill(org);
      await page.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('04-members');
  });

  it('plans a panel and lists it with its quarter', async () => {
    const { page } = e;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Panels' }).click();
    await page.getByRole('heading', { name: 'No panel is planned' }).waitFor();
    await page.getByRole('link', { name: 'Plan a panel' }).first().click();
    // UK order in the date field (dd/mm/yyyy) and 24-hour times, not Chromium's en-US default.
    expect(await nativeFieldParts(page)).toBe('Day Month Year Hours Minutes Hours Minutes');
    await page.getByLabel('Date').fill('2027-02-10');
    await page.getByText('Financial quarter: 2026-27 Q4').waitFor();
    await page.getByLabel('Hybrid (in person and online)').check();
    await page.getByLabel('Location').fill('Caxton House, London, Room 6.12');
    await e.shot('05-panel-form');
    await page.getByRole('button', { name: 'Plan panel' }).click();
    await page.getByRole('heading', { name: 'Serious Case Panel 2026-27 Q4' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('06-panel-detail');
    await page.getByRole('link', { name: 'Back to panels' }).click();
    const upcoming = page.getByRole('table', { name: 'Upcoming panels, soonest first' });
    await upcoming.getByText('Wed 10 Feb 2027').waitFor();
    expect(await upcoming.getByText('2026-27 Q4').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('07-panels');
  });

  it('keeps everything after a reload', async () => {
    const { page } = e;
    await page.reload();
    await page.getByRole('table', { name: 'Upcoming panels, soonest first' }).getByText('Wed 10 Feb 2027').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    for (const name of ['Helen Marsh', 'Sarah Whitfield', 'Owen Clarke']) await page.getByRole('row', { name: new RegExp(name) }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('link', { name: 'Serious Case Panel 2026-27 Q4' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('08-dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByText('Database file').waitFor();
    expect(await page.getByText(e.dbPath).count()).toBe(1);
    await e.shot('09-settings');
  });

  it('shows UK dates and 24-hour times in fields drawn with their page', async () => {
    const { page } = e;
    await page.goto(`${e.server.url}#/panels/plan-year`);
    await page.getByRole('heading', { level: 1, name: 'Plan a year' }).waitFor();
    expect(await nativeFieldParts(page)).toBe('Hours Minutes Hours Minutes');
    await page.goto(`${e.server.url}#/recommendations`);
    await page.getByRole('heading', { level: 1, name: 'Recommendations' }).waitFor();
    expect(await nativeFieldParts(page)).toBe('Day Month Year Day Month Year');
  });

  it('blocks inline script with the CSP', async () => {
    const { page } = e;
    e.allowConsoleError(/Content Security Policy/);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = true';
      document.body.appendChild(s);
      return (window as unknown as { __inline?: boolean }).__inline === true;
    });
    expect(ran).toBe(false);
    await page.waitForTimeout(100);
    expect(e.consoleErrors.some((m) => /inline script.*Content Security Policy/.test(m))).toBe(true);
  });
});
