// The evidence register, coroners' reports, themes, search and imports, driven in Chromium on the
// demonstration data, with axe-core on every screen and screenshots to look at.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/demo';
import { handlers } from '../../electron/handlers/index';
import { dispatch } from '../../electron/ipc/dispatch';
import { e2eAvailable, seriousA11yViolations, startE2E, type E2E } from './support';

const PFD_FILE = fileURLToPath(new URL('../../../shared/data/pfd/reports-2024-03-24.csv', import.meta.url));

describe.skipIf(!e2eAvailable)('evidence, coroners’ reports, themes and search in Chromium', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E({ now: new Date('2026-11-23T10:00:00Z') });
    await loadDemo(e.ctx);
    const { page } = e;
    await page.goto(e.server.url);
    await page.getByLabel('Your name').fill('Jamie Lewis');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.topbar__who').waitFor();
  });
  afterAll(async () => e?.close());

  const handlersCall = async (channel: string, arg: unknown) => {
    const r = await dispatch(handlers, e.ctx, channel, arg);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const nav = (name: string) => e.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  it('lists the register in a virtualised table, filters it and keeps names out of view', async () => {
    const { page } = e;
    await nav('Evidence').click();
    await page.getByRole('heading', { level: 1, name: 'Evidence register' }).waitFor();
    const count = page.locator('.count');
    await expect.poll(() => count.textContent()).toMatch(/^\d+ records$/);
    const total = Number((await count.textContent())!.match(/^(\d+)/)![1]);
    expect(total).toBeGreaterThan(250);
    // Only a screenful of rows is in the page, however long the register.
    const rendered = await page.locator('.vtable__scroll [role="rowgroup"]:not(.vtable__head) [role="row"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('20-evidence-register');
    await page.getByLabel('Source').selectOption('pfd');
    await page.getByLabel('Coroner response outstanding').check();
    await expect.poll(() => count.textContent()).toMatch(/match the filters/);
    await e.shot('21-evidence-filtered');
    // The demo's restricted names never reach the list.
    const names = e.opened.sqlite.prepare("select person_name from evidence_personal where person_name != ''").pluck().all() as string[];
    const text = await page.locator('main').innerText();
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
  });

  it('shows a coroner’s report with its response tracking, and restricted fields only on request', async () => {
    const { page } = e;
    await nav('Coroners’ reports').click();
    await page.getByRole('heading', { level: 1, name: 'Coroners’ reports' }).waitFor();
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    await expect.poll(() => firstRow.innerText()).toMatch(/Overdue/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('22-coroners-reports', { viewport: true });
    await page.getByRole('table').getByRole('row').filter({ hasText: 'Due within 14 days' }).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Response to the coroner' }).waitFor();
    await page.getByText(/days remaining/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('23-evidence-detail-coroner');
    await page.getByRole('button', { name: 'Show restricted fields' }).click();
    await page.getByText('Name of the deceased').waitFor();
    await page.getByRole('button', { name: 'Record an extension or the response' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Response sent on').fill('2026-11-20');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('.deadline__status').getByText('Responded').waitFor();
  });

  it('flags personal data in panel-facing text as it is typed', async () => {
    const { page } = e;
    await nav('Evidence').click();
    await page.getByRole('link', { name: 'Add evidence' }).click();
    await page.getByRole('button', { name: 'Internal Process Review' }).click();
    await page.getByLabel('Reference', { exact: true }).fill('IPR-2026-900');
    await page.getByLabel(/^Title/).fill('Payment stopped after lost contact');
    await page.getByLabel(/Panel-facing summary/).fill('Claimant (NI QQ 12 34 56 C, phone 07700 900123, born 12/03/1961) lost contact; see SW1A 2AA.');
    await page.getByText('This panel-facing text seems to contain personal data:').waitFor();
    for (const label of ['National Insurance number', 'Phone number', 'Date of birth', 'Postcode']) await page.locator('.pii__box').getByText(label).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('24-evidence-form-pii');
  });

  it('shows a theme’s profile with its chart, links and suggestions', async () => {
    const { page } = e;
    await nav('Themes').click();
    await page.getByRole('heading', { level: 1, name: 'Themes' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('25-themes');
    await page.getByRole('link', { name: 'Contact lost with vulnerable claimants before payments are stopped' }).click();
    await page.getByRole('heading', { name: 'Evidence profile' }).waitFor();
    await page.locator('.chart svg').waitFor();
    await page.getByText('On the agenda').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // A toast left from the coroner's report before is dismissed: this shot is of the theme.
    for (const dismiss of await page.getByRole('button', { name: /^Dismiss:/ }).all()) await dismiss.click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await e.shot('26-theme-detail', { viewport: true });
    await page.getByRole('button', { name: 'Suggest evidence' }).click();
    await page.locator('.suggestion').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Suggested evidence' }).scrollIntoViewIfNeeded();
    await e.shot('26b-theme-suggestions', { viewport: true });
    const before = await page.getByRole('heading', { name: /^Linked evidence/ }).textContent();
    await page.locator('.suggestion').first().getByRole('button', { name: /^Accept/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: /^Linked evidence/ }).textContent()).not.toBe(before);
  });

  it('unlinks a record from a theme and undoes it, and chooses the register’s columns, from the keyboard alone', async () => {
    const { page } = e;
    const title = 'Contact lost with vulnerable claimants before payments are stopped';
    const themes = (await handlersCall('listThemes', {})) as { id: number; title: string }[];
    const themeId = themes.find((t) => t.title === title)!.id;
    const linksOf = async () => ((await handlersCall('getTheme', { id: themeId })) as { links: { ref: string; note: string }[] }).links;
    const before = await linksOf();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
      });
    /** Tab until the focus is on a control whose text starts with `text` (as a keyboard user would). */
    const tabTo = async (text: string) => {
      for (let i = 0; i < 300; i++) {
        if ((await focused()).startsWith(text)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached “${text}”`);
    };

    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Page, panel, theme or evidence' }).waitFor();
    await page.keyboard.type(title);
    await page.getByRole('option').filter({ hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { name: /^Linked evidence/ }).waitFor();

    // The first linked record with a note: unlinked at once, with Undo in the toast and focused.
    const victim = before.find((l) => l.note) ?? before[0];
    await tabTo(`Unlink ${victim.ref}`);
    await page.keyboard.press('Enter');
    const toast = page.locator('.toast');
    await toast.getByText(`Unlinked ${victim.ref} from “${title}”.`).waitFor();
    await expect.poll(focused).toBe('Undo');
    expect((await linksOf()).map((l) => l.ref)).not.toContain(victim.ref);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('50-undo-unlink', { viewport: true });
    await page.keyboard.press('Enter');
    await page.getByText(`${victim.ref} is linked to “${title}” again`).waitFor();
    expect((await linksOf()).find((l) => l.ref === victim.ref)?.note).toBe(victim.note);
    await expect.poll(focused).toBe(`Unlink ${victim.ref}`);

    // The register's columns: Columns opens on Enter, Space unticks a box, Escape closes.
    await expect.poll(() => toast.count(), { timeout: 8000 }).toBe(0);
    await nav('Evidence').click();
    await page.getByRole('heading', { level: 1, name: 'Evidence register' }).waitFor();
    await expect.poll(() => page.locator('.count').textContent()).toMatch(/records/);
    await tabTo('Columns');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('group', { name: 'Columns of the register' });
    await menu.waitFor();
    await tabTo('Region or area');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('columnheader', { name: 'Region or area' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('51-columns-menu', { viewport: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    await expect.poll(focused).toMatch(/^Columns/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evidence register' }).waitFor();
    await page.getByRole('columnheader', { name: 'Title' }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Region or area' }).count()).toBe(0);
    await tabTo('Columns');
    // Just after a reload the register may still be settling; Enter is pressed again if the menu
    // has not opened, as a user would.
    for (let tries = 0; tries < 3 && (await menu.count()) === 0; tries++) {
      await page.keyboard.press('Enter');
      await menu.waitFor({ timeout: 1500 }).catch(() => undefined);
    }
    await menu.waitFor();
    await tabTo('Reset columns');
    await page.keyboard.press('Enter');
    await page.getByRole('columnheader', { name: 'Region or area' }).waitFor();
  });

  it('searches evidence and themes with highlighted matches', async () => {
    const { page } = e;
    await nav('Search').click();
    await page.getByLabel('Search evidence and themes').fill('appointee');
    await page.locator('mark').first().waitFor();
    expect((await page.locator('mark').first().textContent())?.toLowerCase()).toContain('appointee');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('27-search');
  });

  it('reviews records past their retention date and erases their personal detail after a confirmation', async () => {
    const { page } = e;
    await nav('Settings').click();
    await page.getByRole('heading', { name: 'Retention of personal detail' }).waitFor();
    await page.getByRole('link', { name: /Review 2 records due for erasure/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention review' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('30-retention-review', { viewport: true });
    const names = e.opened.sqlite.prepare("select p.person_name from evidence_personal p join evidence e on e.id = p.evidence_id where e.ref like 'IPR-%-80%'").pluck().all() as string[];
    expect(names.filter(Boolean)).toHaveLength(3);
    await page.getByRole('button', { name: 'Erase personal detail of 2 records' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase personal detail of 2 records?' });
    await dialog.getByText('This cannot be undone.').waitFor();
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByRole('heading', { name: 'Nothing is due for erasure' }).waitFor();
    const after = e.opened.sqlite.prepare("select p.person_name from evidence_personal p join evidence e on e.id = p.evidence_id where e.ref like 'IPR-%-80%'").pluck().all() as string[];
    expect(after.filter(Boolean)).toHaveLength(1);
  });

  it('stops an export that would carry personal data, exports with a reason, and logs it in Documents', async () => {
    const { page } = e;
    const item = e.opened.sqlite.prepare("select i.id, i.panel_id from agenda_items i join panels p on p.id = i.panel_id where p.date >= '2026-11-23' and i.standing_key is null order by p.date limit 1").get() as { id: number; panel_id: number };
    await handlersCall('updateAgendaItem', { id: item.id, title: 'Theme: lost contact (the claimant on 07700 900123)', purpose: 'decision', presenterId: null, minutes: 30 });
    await page.goto(`${e.server.url}#/panels/${item.panel_id}`);
    await page.getByRole('button', { name: 'Export agenda (Word)' }).click();
    await page.getByText(/The document was not written/).waitFor();
    await page.locator('.findings').getByText('Phone number').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('.findings').scrollIntoViewIfNeeded();
    await e.shot('31-export-findings', { viewport: true });
    await page.getByLabel('Export anyway: why is this acceptable?').fill('The public DWP switchboard, agreed with the chair');
    await page.getByRole('button', { name: 'Export anyway, with this reason' }).click();
    await page.getByText(/It is listed in Documents/).waitFor();
    await nav('Documents').click();
    await page.getByRole('table', { name: 'Documents written, newest first' }).getByText(/1 exported anyway/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('32-documents', { viewport: true });
  });

  it('imports the real Preventable Deaths Tracker file with progress and a summary', async () => {
    const { page } = e;
    await nav('Evidence').click();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(PFD_FILE);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 90_000 });
    await page.getByText('rows read').waitFor();
    const stats = await page.locator('.import-summary .stat-row').innerText();
    expect(stats).toMatch(/4,929\s*rows read/);
    expect(stats).toMatch(/4,826\s*new/);
    expect(stats).toMatch(/12\s*addressed to DWP/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('heading', { name: 'Rows not imported' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: '4827–4929 (103 rows)' }).count()).toBe(1);
    await e.shot('28-import-pfd', { viewport: true });
  }, 120_000);

  it('maps a CSV file’s columns and shows the validation report before importing', async () => {
    const { page } = e;
    const csv = join(mkdtempSync(join(tmpdir(), 'scp-csv-')), 'complaints.csv');
    writeFileSync(csv, 'Reference,Subject,Date,Count\nCMP-X-1,Callbacks not made,13/02/2026,12\nCMP-X-2,Letters unread,31/02/2026,4\n');
    await nav('Evidence').click();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel(/Any type of evidence/).check();
    await page.getByLabel('Type of evidence in the file').selectOption('complaint');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv);
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByText(/2 rows read/).waitFor();
    expect(await page.getByRole('button', { name: 'Import 1 record' }).isDisabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('34-import-csv-mapping');
  });

  it('adds a theme through its form, and lists the shortcuts on ?', async () => {
    const { page } = e;
    await nav('Themes').click();
    await page.getByRole('link', { name: 'Add a theme' }).click();
    await page.getByLabel(/^Title/).fill('Deaths after a sanction');
    await page.getByLabel('Owner (a Director General)').selectOption({ label: 'Tom Okafor (Work and Health Services)' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('35-theme-form', { viewport: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deaths after a sanction' }).waitFor();
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('36-shortcuts', { viewport: true });
    await page.keyboard.press('Escape');
  });

  it('goes anywhere from the keyboard with Ctrl+K', async () => {
    const { page } = e;
    await nav('Dashboard').click();
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Page, panel, theme or evidence' });
    await box.waitFor();
    await page.keyboard.type('appointee');
    await page.getByRole('option').filter({ hasText: 'Evidence' }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('33-command-palette', { viewport: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Appointee/ }).waitFor();
  });

  it('stays usable in a small window', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 760, height: 720 });
    await nav('Evidence').click();
    await page.getByRole('heading', { level: 1, name: 'Evidence register' }).waitFor();
    await expect.poll(() => page.locator('.count').textContent()).toMatch(/records/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await e.shot('29-evidence-register-small');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
