// End-to-end support: a real Chromium (Debian's), the real renderer build and the real handlers
// on a temp-file SQLite database, joined by the web preview server.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { openDatabase, type OpenedDatabase } from '#db/open';
import { handlers } from '../../electron/handlers/index';
import type { HandlerContext } from '../../electron/handlers/context';
import { startPreviewServer, type PreviewServer } from '../../electron/web/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // UK date order in native date inputs, as the desktop app sets for itself. Debian's Chromium
  // ships only the en-US locale, so --lang alone leaves mm/dd/yyyy; the second flag makes date
  // and time fields follow the page's lang="en-GB" (dd/mm/yyyy, 24-hour) instead (see ukContext).
  '--lang=en-GB',
  '--enable-blink-features=LangAttributeAwareFormControlUI',
];

/** CHROMIUM_PATH, then the usual Debian and Chrome locations. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

const chromiumPath = findChromium();
if (!chromiumPath) {
  const msg = 'No Chromium found (set CHROMIUM_PATH or install Debian\'s chromium): the end-to-end tests are skipped.';
  if (process.env.CI === 'true') throw new Error(`${msg.replace(': the end-to-end tests are skipped.', '')}; under CI=true this is a failure.`);
  console.warn(msg);
}
export const e2eAvailable = chromiumPath !== null;

/**
 * Chromium lays a date or time field out when its type is set, and React sets it before the field
 * is in the page, so before it can inherit lang="en-GB": setting the type again once the field is
 * in the page lays it out in UK order. Only the e2e browser needs this; the desktop app's own
 * Chromium has the en-GB locale.
 */
function relayDateFieldsInPage() {
  const fields = 'input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"], input[type="week"]';
  const relay = (el: HTMLInputElement) => {
    const type = el.type;
    el.type = 'text';
    el.type = type;
  };
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        if (n.matches(fields)) relay(n as HTMLInputElement);
        n.querySelectorAll<HTMLInputElement>(fields).forEach(relay);
      }
  }).observe(document, { childList: true, subtree: true });
}

/** A browser context as a UK user has it: en-GB, London time, dates in the fields as dd/mm/yyyy. */
export async function ukContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...options });
  // Run under tsx (the bench), functions keep their names by being wrapped in __name(), which the
  // page does not have; first, so that the script after it, and any a caller adds, can run.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await context.addInitScript(relayDateFieldsInPage);
  return context;
}

export const RENDERER_DIR = resolve('dist/renderer');
export const SCREENSHOT_DIR = resolve('tests/e2e/screenshots');

export interface E2E {
  browser: Browser;
  page: Page;
  server: PreviewServer;
  opened: OpenedDatabase;
  ctx: HandlerContext;
  dbPath: string;
  /** Saves a screenshot: the whole page from its top (without toasts), or with `{ viewport: true }` only what the window shows. */
  shot(name: string, opts?: { viewport?: boolean }): Promise<string>;
  /** Console errors the test provokes on purpose (e.g. a CSP refusal); any other error fails the run. */
  allowConsoleError(pattern: RegExp): void;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startE2E(opts: { now?: Date; viewport?: { width: number; height: number } } = {}): Promise<E2E> {
  if (!chromiumPath) throw new Error('no chromium');
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does this).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'scp-e2e-'));
  const dbPath = join(dir, 'scp.sqlite3');
  const opened = await openDatabase(dbPath);
  const now = opts.now;
  const ctx: HandlerContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    now: () => now ?? new Date(),
    dataDir: dir,
    info: { version: 'e2e', dbPath, schemaVersion: opened.schemaVersion, sqliteVersion: String(opened.sqlite.prepare('select sqlite_version() as v').pluck().get()) },
  };
  const server = await startPreviewServer({ handlers, ctx, staticDir: RENDERER_DIR, csp: CONTENT_SECURITY_POLICY });
  // playwright gives each launch a fresh, empty profile of its own.
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
  const context = await ukContext(browser, { viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The page's clock is the app's: a form's "today" (a member's start, a record's date received)
  // is the day main works to, not the day the tests happen to run. Timers run as they would.
  if (now) await page.clock.setFixedTime(now);
  const consoleErrors: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    page,
    server,
    opened,
    ctx,
    dbPath,
    allowConsoleError: (p) => void allowed.push(p),
    consoleErrors,
    shot: async (name, o) => {
      const file = join(SCREENSHOT_DIR, `${name}.png`);
      if (o?.viewport) {
        await page.screenshot({ path: file });
        return file;
      }
      // The whole page from its top: scrolled down, a sticky part (the meeting's agenda) would be
      // drawn where the window had scrolled to, below an empty space, as no window shows it. And
      // toasts, drawn at the foot of the window, would cover whatever is there on a whole page, so
      // they are left out (hidden through the DOM: the app's CSP refuses a style sheet put in the
      // page); a shot of the window shows them as the user sees them.
      const toasts = (hidden: boolean) =>
        page.evaluate((h) => {
          window.scrollTo(0, 0);
          for (const el of document.querySelectorAll<HTMLElement>('.toast-region')) el.style.visibility = h ? 'hidden' : '';
        }, hidden);
      await toasts(true);
      try {
        await page.screenshot({ path: file, fullPage: true });
      } finally {
        await toasts(false);
      }
      return file;
    },
    close: async () => {
      await browser.close();
      await server.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
      const unexpected = consoleErrors.filter((m) => !allowed.some((p) => p.test(m)));
      if (unexpected.length) throw new Error(`The page logged errors:\n${unexpected.join('\n')}`);
    },
  };
}

const AXE_SOURCE = () => readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (offline, from node_modules) on the page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, so the page's CSP (no inline script) still holds.
  if (!loaded) await page.evaluate(AXE_SOURCE());
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  })) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/**
 * The parts of the page's native date and time fields in the order they show them ("Day Month
 * Year", "Hours Minutes"), read from the accessibility tree: the fields' own text is in a closed
 * user-agent shadow root.
 */
export async function nativeFieldParts(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
    return nodes
      .filter((n) => n.role?.value === 'spinbutton')
      .map((n) => String(n.name?.value ?? '').split(' ')[0])
      .join(' ');
  } finally {
    await cdp.detach();
  }
}
