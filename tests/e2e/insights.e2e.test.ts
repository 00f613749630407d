// The dashboard's "what needs me now" tiles and the charts page, driven in Chromium on the
// demonstration data, with axe-core and screenshots (at a normal and a small window) to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/demo';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { e2eAvailable, seriousA11yViolations, startE2E, type E2E } from './support';

describe.skipIf(!e2eAvailable)('dashboard tiles and charts in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
    await loadDemo(e.ctx);
    const call = async (channel: string, arg: unknown) => {
      const r = await dispatch(handlers, e.ctx, channel, arg);
      if (!r.ok) throw new Error(r.error.message);
    };
    await call('setIdentity', { name: 'Jamie Lewis', role: 'secretariat' });
    // Two documents written, for the recent exports tile.
    await call('exportTor', {});
    await call('exportTracker', {});
    await e.page.goto(e.server.url);
    await e.page.locator('.topbar__who').waitFor();
  });
  afterAll(async () => e?.close());

  const nav = (name: string) => e.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const tile = (name: string) => e.page.getByRole('region', { name, exact: true });

  it('shows recommendations overdue or due this month by Director General, and recent exports, on the dashboard', async () => {
    const { page } = e;
    const recs = tile('Recommendations overdue or due this month');
    await recs.getByRole('table').waitFor();
    expect(await recs.getByRole('row').count()).toBeGreaterThan(1);
    const exports = tile('Recent exports');
    await exports.getByText('Recommendations tracker', { exact: true }).waitFor();
    await exports.getByText('Terms of Reference', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('48-dashboard-recommendations');

    // A number opens the tracker with that filter on.
    await recs.getByRole('link', { name: /^\d+ overdue$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendations' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Overdue only' }).isChecked()).toBe(true);
    await expect.poll(() => page.locator('.count').textContent()).toMatch(/match(es)? the filters \((\d+) overdue\)/);
    const text = (await page.locator('.count').textContent()) ?? '';
    const [, shown, overdue] = /^(\d+) recommendations? match(?:es)? the filters \((\d+) overdue\)/.exec(text) ?? [];
    expect(shown).toBe(overdue);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('draws the five charts, each with a summary and its figures as a table, reachable by keyboard', async () => {
    const { page } = e;
    await nav('Charts').click();
    await page.getByRole('heading', { level: 1, name: 'Charts' }).waitFor();
    for (const name of ['Evidence by source, by financial quarter', 'Recommendations by status and Director General', 'Time to implement', 'Coroner response timeliness, by year of the report', 'Internal Process Review timeliness']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    // Every chart drew bars (the IPR chart is three small charts).
    await expect.poll(() => page.locator('.chart-card svg[role="img"]').count()).toBe(7);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20);
    // The figures: open one table from the keyboard.
    const evidence = tile('Evidence by source, by financial quarter');
    await evidence.getByText('Figures as a table').focus();
    await page.keyboard.press('Enter');
    await evidence.getByRole('table').waitFor();
    expect(await evidence.getByRole('row').count()).toBe(13);
    // A chart takes the focus and shows its values with the arrow keys.
    await evidence.locator('svg[role="img"]').focus();
    await page.keyboard.press('ArrowRight');
    await evidence.locator('.recharts-tooltip-wrapper').getByText(/Q\d/).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('49-insights');
  });

  it('fits a small window', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 900, height: 700 });
    await page.keyboard.press('Escape');
    await page.locator('.small-multiples').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('49-insights-small');
    await nav('Dashboard').click();
    await tile('Recommendations overdue or due this month').getByRole('table').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('48-dashboard-small');
  });
});
