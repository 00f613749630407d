// The evidence register on a long list in Chromium: a jump to the end (End, Ctrl+End, or the
// scrollbar dragged) reads the pages at the end by their offset, not every page before them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { e2eAvailable, seriousA11yViolations, startE2E, type E2E } from './support';

const N = 20_000;
const PAGE = 100;
const ref = (i: number) => `R-${String(i).padStart(5, '0')}`;

describe.skipIf(!e2eAvailable)('the evidence register, read where it is looked at, in Chromium', () => {
  let e: E2E;
  /** The offsets of the register's pages the page has asked for since the last clear. */
  const asked: number[] = [];
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
    const r = await dispatch(handlers, e.ctx, 'setIdentity', { name: 'Jamie Lewis', role: 'secretariat' });
    if (!r.ok) throw new Error(r.error.message);
    // One record a day from 1 January 1970: newest first puts R-19999 first and R-00000 last.
    const insert = e.opened.sqlite.prepare(
      `insert into evidence (type, ref, title, summary, received_on, sensitivity, details, created_at, updated_at)
       values ('complaint', ?, ?, '', date('1970-01-01', ? || ' days'), 'official', '{"type":"complaint"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    );
    e.opened.sqlite.transaction(() => {
      for (let i = 0; i < N; i++) insert.run(ref(i), `Record ${i}`, i);
    })();
    e.page.on('request', (req) => {
      if (req.url().endsWith('/api/listEvidence')) asked.push((JSON.parse(req.postData() ?? '{}') as { offset?: number }).offset ?? 0);
    });
    await e.page.goto(`${e.server.url}#/evidence`);
    await e.page.getByText(`${N.toLocaleString('en-GB')} records`).waitFor();
  }, 120_000);
  afterAll(async () => e?.close());

  const table = () => e.page.getByRole('table', { name: /Evidence register/ });
  const row = (n: number) => table().locator(`[role="row"][aria-rowindex="${n + 2}"]`);

  it('reads only the last pages on End and Ctrl+End, shows the last rows, and reads the first again on Home', async () => {
    await expect.poll(() => row(0).locator('a').textContent()).toBe(ref(N - 1));
    asked.length = 0;
    await table().focus();
    await e.page.keyboard.press('End');
    await expect.poll(() => row(N - 1).locator('a').textContent(), { timeout: 10_000 }).toBe(ref(0));
    // Chromium scrolls to the end smoothly; the register reads where it comes to rest, and none of
    // the 198 pages it passes over.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(Math.min(...asked)).toBeGreaterThanOrEqual(N - 2 * PAGE);
    expect(await seriousA11yViolations(e.page)).toEqual([]);
    await e.shot('22-evidence-register-end', { viewport: true });

    asked.length = 0;
    await e.page.keyboard.press('Home');
    await expect.poll(() => row(0).locator('a').textContent()).toBe(ref(N - 1));
    expect(asked).toEqual([0]);
    asked.length = 0;
    await e.page.keyboard.press('Control+End');
    await expect.poll(() => row(N - 1).locator('a').textContent()).toBe(ref(0));
    // At most two pages read, the last where it came to rest. (On a busy machine the smooth scroll
    // can pause for more than the quarter second the register waits while it moves, and one page
    // on the way is read: not 198 of them.)
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(asked.at(-1)).toBeGreaterThanOrEqual(N - 2 * PAGE);
  });

  it('reads a few pages, not every one, while the scrollbar is dragged three quarters down', async () => {
    await table().focus();
    await e.page.keyboard.press('Home');
    await expect.poll(() => row(0).locator('a').textContent()).toBe(ref(N - 1));
    asked.length = 0;
    // Forty scroll positions a frame apart, as a drag gives them: 150 pages passed over.
    await table().evaluate(async (el, rows) => {
      for (let i = 1; i <= 40; i++) {
        el.scrollTop = (rows * 44 * i) / 40;
        await new Promise((r) => requestAnimationFrame(r));
      }
    }, (N * 3) / 4);
    const target = (N * 3) / 4;
    await expect.poll(() => row(target).locator('a').textContent(), { timeout: 10_000 }).toBe(ref(N - 1 - target));
    // At most one read every quarter of a second while it moves, and one where it stops.
    expect(asked.length).toBeLessThan(8);
    // Placeholders for rows not read yet have gone; what is drawn is the records.
    await expect.poll(() => table().locator('[aria-busy="true"]').count()).toBe(0);
  });
});
