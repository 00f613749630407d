// Every screen of the app on the demonstration data, in a small window (axe-core, screenshot), in a
// normal 1280×800 window (screenshot) and at 200% text (Chromium's zoom of a 1280×800 window: 640×400 CSS pixels at scale 2): nothing
// spills sideways off the page, and each screen's heading and main action can be reached.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/demo';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { SCREENSHOT_DIR, e2eAvailable, seriousA11yViolations, startE2E, ukContext, type E2E } from './support';

interface Screen {
  name: string;
  path: string;
  /** the level-1 heading, or the dialog's title */
  heading: string | RegExp;
  /** defaults to the first control in the page's header actions, else the first button on the page */
  primary?: (page: Page) => Locator;
  /** after the heading shows: open a view, type a query, scroll to a section */
  prepare?: (page: Page) => Promise<void>;
  dialog?: boolean;
  /** what the screenshot shows, when not the top of the page */
  shotAt?: (page: Page) => Locator;
}

interface Ids {
  upcoming: number;
  approved: number;
  inProgress: number | null;
  tor: number;
  coroner: number;
  theme: number;
  recommendation: number;
  member: number;
}

function screens(ids: Ids): Screen[] {
  const byText = (text: string | RegExp) => (page: Page) => page.getByRole('main').getByText(text).first();
  const button = (name: string | RegExp) => (page: Page) => page.getByRole('main').getByRole('button', { name }).first();
  const link = (name: string | RegExp) => (page: Page) => page.getByRole('main').getByRole('link', { name }).first();
  const list: Screen[] = [
    { name: 'dashboard', path: '/', heading: /./ },
    { name: 'charts', path: '/charts', heading: 'Charts', primary: byText('Figures as a table') },
    { name: 'panels', path: '/panels', heading: 'Panels' },
    { name: 'panel-detail', path: `/panels/${ids.upcoming}`, heading: /^Serious Case Panel/ },
    {
      name: 'agenda-builder',
      path: `/panels/${ids.upcoming}`,
      heading: /^Serious Case Panel/,
      shotAt: (page) => page.getByRole('heading', { level: 2, name: /^Agenda/ }).first(),
      primary: (page) => page.getByRole('main').locator('.agenda-item').first().getByRole('button').first(),
    },
    { name: 'plan-a-year', path: '/panels/plan-year', heading: 'Plan a year' },
    { name: 'panel-form', path: '/panels/new', heading: 'Plan a panel', primary: button('Plan panel') },
    { name: 'meeting-approved', path: `/panels/${ids.approved}/meeting`, heading: /^Minutes|^Meeting/ },
  ];
  if (ids.inProgress !== null) list.push({ name: 'meeting-in-progress', path: `/panels/${ids.inProgress}/meeting`, heading: /^Meeting/ });
  list.push(
    { name: 'members', path: '/members', heading: 'Members' },
    { name: 'member-form', path: `/members/${ids.member}/edit`, heading: /^Edit /, primary: button(/^Save/) },
    { name: 'tor-list', path: '/tor', heading: 'Terms of Reference' },
    { name: 'tor-version', path: `/tor/${ids.tor}`, heading: /Terms of Reference/ },
    { name: 'evidence-register', path: '/evidence', heading: 'Evidence' },
    { name: 'evidence-detail', path: `/evidence/${ids.coroner}`, heading: /./ },
    { name: 'evidence-form', path: `/evidence/${ids.coroner}/edit`, heading: /^Edit /, primary: button(/^Save/) },
    { name: 'evidence-new', path: '/evidence/new', heading: 'Add evidence', primary: button(/Internal Process Review/) },
    { name: 'coroners-reports', path: '/coroners', heading: /Coroners/ },
    { name: 'import-pfd', path: '/evidence/import', heading: 'Import evidence', primary: (page) => page.getByRole('main').getByRole('radio').first() },
    {
      name: 'import-csv',
      path: '/evidence/import',
      heading: 'Import evidence',
      prepare: async (page) => page.getByRole('radio', { name: /Any type of evidence/ }).check(),
      primary: (page) => page.getByRole('main').locator('input[type="file"], button').last(),
    },
    {
      name: 'search',
      path: '/search',
      heading: 'Search',
      prepare: async (page) => {
        await page.getByRole('main').getByRole('searchbox').first().fill('contact');
        await page.getByRole('main').locator('mark').first().waitFor();
      },
      primary: (page) => page.getByRole('main').getByRole('searchbox').first(),
    },
    { name: 'themes', path: '/themes', heading: 'Themes' },
    { name: 'theme-detail', path: `/themes/${ids.theme}`, heading: /./ },
    { name: 'theme-form', path: '/themes/new', heading: 'Add a theme', primary: button(/^Add theme|^Save/) },
    { name: 'recommendations', path: '/recommendations', heading: 'Recommendations' },
    {
      name: 'recommendations-by-dg',
      path: '/recommendations',
      heading: 'Recommendations',
      prepare: async (page) => {
        await page.getByRole('group', { name: 'View' }).getByRole('button').last().click();
        await page.locator('.rec-dg').first().waitFor();
      },
      shotAt: (page) => page.locator('.rec-toolbar'),
    },
    { name: 'recommendation-detail', path: `/recommendations/${ids.recommendation}`, heading: /./ },
    { name: 'actions', path: '/recommendations/actions', heading: 'Actions', primary: (page) => page.getByRole('main').locator('select, button, a').nth(1) },
    { name: 'documents', path: '/documents', heading: 'Documents', primary: (page) => page.getByRole('main').locator('select, button').first() },
    { name: 'retention', path: '/retention', heading: 'Retention review', primary: link('Back to Settings') },
    { name: 'settings', path: '/settings', heading: 'Settings' },
    {
      name: 'command-palette',
      path: '/',
      heading: 'Go to…',
      dialog: true,
      prepare: async (page) => {
        await page.keyboard.press('Control+k');
        await page.getByRole('dialog').getByRole('combobox').or(page.getByRole('dialog').getByRole('textbox')).first().fill('contact');
        await page.locator('.palette__item').first().waitFor();
      },
      primary: (page) => page.locator('.palette__item').first(),
    },
    {
      name: 'shortcuts',
      path: '/',
      heading: 'Keyboard shortcuts',
      dialog: true,
      prepare: async (page) => {
        await page.locator('body').press('?');
      },
      primary: (page) => page.getByRole('dialog').getByRole('button').last(),
    },
  );
  return list;
}

describe.skipIf(!e2eAvailable)('every screen in a small window, a normal one and at 200% text', () => {
  let e: E2E;
  let list: Screen[];
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-23T10:00:00Z'), viewport: { width: 800, height: 600 } });
    await loadDemo(e.ctx);
    const r = await dispatch(handlers, e.ctx, 'setIdentity', { name: 'Jamie Lewis', role: 'secretariat' });
    if (!r.ok) throw new Error(r.error.message);
    const { db } = e.ctx;
    const panels = await db.selectFrom('panels').select(['id', 'date', 'status']).orderBy('date').execute();
    const started = await db.selectFrom('meeting_state').select('panel_id').where('started_at', 'is not', null).where('ended_at', 'is', null).executeTakeFirst();
    const first = async <T,>(q: Promise<T | undefined>, what: string): Promise<T> => {
      const v = await q;
      if (v === undefined) throw new Error(`The demonstration data has no ${what}`);
      return v;
    };
    const ids: Ids = {
      upcoming: (await first(Promise.resolve(panels.find((p) => p.date >= '2026-11-23' && p.status !== 'cancelled')), 'upcoming panel')).id,
      approved: (await first(Promise.resolve(panels.filter((p) => p.status === 'minutes-approved').at(-1)), 'panel with approved minutes')).id,
      inProgress: started?.panel_id ?? null,
      tor: (await first(db.selectFrom('tor_versions').select('id').where('status', '=', 'approved').executeTakeFirst(), 'approved ToR')).id,
      coroner: (await first(db.selectFrom('coroner_reports').select('evidence_id').where('addressed_to_dwp', '=', 1).executeTakeFirst(), 'coroner report')).evidence_id,
      theme: (await first(db.selectFrom('themes').select('id').orderBy('id').executeTakeFirst(), 'theme')).id,
      recommendation: (await first(db.selectFrom('recommendations').select('id').where('status', '=', 'in-progress').orderBy('id').executeTakeFirst(), 'recommendation')).id,
      member: (await first(db.selectFrom('members').select('id').orderBy('id').executeTakeFirst(), 'member')).id,
    };
    list = screens(ids);
  });
  afterAll(async () => e?.close());

  async function visit(page: Page, s: Screen): Promise<Locator> {
    await page.keyboard.press('Escape');
    const url = `${e.server.url}#${s.path}`;
    // The same address again (two views of one screen) needs a fresh start.
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page
      .getByRole('heading', { level: 1, name: s.dialog ? undefined : s.heading })
      .first()
      .waitFor()
      .catch(async (err: unknown) => {
        await page.screenshot({ path: join(SCREENSHOT_DIR, `failed-${s.name}.png`) });
        throw new Error(`${s.name} (${page.url()}): ${String(err)}`);
      });
    await page.locator('[aria-busy="true"], .state--loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    await s.prepare?.(page);
    const heading = s.dialog ? page.getByRole('dialog').getByRole('heading', { name: s.heading }) : page.getByRole('heading', { level: 1, name: s.heading }).first();
    await heading.waitFor();
    return heading;
  }

  function primaryOf(page: Page, s: Screen): Locator {
    if (s.primary) return s.primary(page);
    return page.getByRole('main').locator('.page__actions :is(a, button), button').first();
  }

  /** Visible, inside the window from side to side, and not covered by anything (a sticky bar, say). */
  async function reachable(target: Locator, what: string) {
    const ok = await target.scrollIntoViewIfNeeded().then(
      () => true,
      (err: unknown) => {
        expect.soft(String(err), `${what} can be scrolled to`).toBe('');
        return false;
      },
    );
    if (!ok) return;
    const fits = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 8), r.top + Math.min(r.height / 2, 8));
      const label = el.closest('label');
      return {
        inside: r.left >= -1 && r.right <= window.innerWidth + 1 && r.width > 0,
        uncovered: hit !== null && (el.contains(hit) || hit.contains(el) || (label !== null && label.contains(hit))),
        box: `${Math.round(r.left)}..${Math.round(r.right)} of ${window.innerWidth}; at the point: ${hit?.outerHTML.slice(0, 80)}`,
      };
    });
    expect.soft(fits.inside, `${what} lies inside the window (${fits.box})`).toBe(true);
    expect.soft(fits.uncovered, `${what} is not covered (${fits.box})`).toBe(true);
  }

  /**
   * Nothing wider than the window but a deliberate scroll container: focusable (so the keyboard
   * can scroll it) and named as a region. Returns what breaks that rule.
   */
  const sidewaysProblems = (page: Page) =>
    page.evaluate(() => {
      const problems: string[] = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > window.innerWidth + 1) {
        const clipped = (el: HTMLElement) => {
          for (let a = el.parentElement; a && a !== doc; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
          return false;
        };
        const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el));
        const outermost = wide.filter((el) => !wide.includes(el.parentElement as HTMLElement));
        problems.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window: ${outermost.slice(0, 3).map((el) => el.outerHTML.slice(0, 100)).join(' | ')}`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('main *')) {
        const overflowX = getComputedStyle(el).overflowX;
        if (el.scrollWidth <= el.clientWidth + 1 || !['auto', 'scroll'].includes(overflowX)) continue;
        if (el.tabIndex < 0 || !el.getAttribute('aria-label') || el.getAttribute('role') !== 'region') problems.push(`a scroll container without tabIndex=0, role=region and a label: ${el.outerHTML.slice(0, 100)}`);
      }
      return problems;
    });

  async function tour(page: Page, prefix: 's' | 'n' | 'z', axe: boolean) {
    let n = 0;
    for (const s of list) {
      n += 1;
      const what = prefix === 'z' ? `${s.name} at 200%` : prefix === 'n' ? `${s.name} at 1280×800` : s.name;
      const heading = await visit(page, s);
      await reachable(heading, `${what}: the heading`);
      await reachable(primaryOf(page, s), `${what}: the main action`);
      expect.soft(await sidewaysProblems(page), what).toEqual([]);
      if (axe) expect.soft(await seriousA11yViolations(page), what).toEqual([]);
      if (s.shotAt) await s.shotAt(page).evaluate((el) => el.scrollIntoView());
      // At 200% the page's own content, below the navigation (which the small-window shots show).
      else if (!s.dialog) await page.locator(prefix === 'z' ? '#main' : 'body').evaluate((el) => el.scrollIntoView());
      // A dialog from its title, however far down its main action was scrolled to.
      else await heading.evaluate((el) => el.scrollIntoView({ block: 'nearest' }));
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${prefix}-${String(n).padStart(2, '0')}-${s.name}.png`) });
    }
  }

  it('fits a small window (800×600): axe-clean, screenshots to look at', async () => {
    e.page.setDefaultTimeout(10_000);
    await tour(e.page, 's', true);
  });

  it('shows every screen in a normal window (1280×800): screenshots to look at', async () => {
    const context = await ukContext(e.browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => void (m.type() === 'error' && e.consoleErrors.push(m.text())));
    page.on('pageerror', (err) => void e.consoleErrors.push(String(err)));
    try {
      await tour(page, 'n', false);
    } finally {
      await context.close();
    }
  });

  it('keeps everything at 200% text (a 1280×800 window zoomed: 640×400 CSS pixels)', async () => {
    const context = await ukContext(e.browser, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => void (m.type() === 'error' && e.consoleErrors.push(m.text())));
    page.on('pageerror', (err) => void e.consoleErrors.push(String(err)));
    try {
      await tour(page, 'z', false);
    } finally {
      await context.close();
    }
  });
});
