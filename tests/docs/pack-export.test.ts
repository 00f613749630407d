// The panel pack from the demonstration data, and the personal-data gate on every document: a
// National Insurance number, postcode, phone number, e-mail address or date of birth planted in any
// panel-facing field stops every document that would carry it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/demo/demo';
import type { PiiKind } from '#shared/pii/scan';
import type { Result } from '#shared/ipc/result';
import { makeHarness, ok, type Harness } from '../support/harness';
import { libreOfficeAvailable, renderDocx, squeeze } from './libreoffice';

let h: Harness;
let nextPanel: number;
let heldPanel: number;
beforeAll(async () => {
  h = await makeHarness({ now: '2026-11-23T10:00:00Z' });
  await loadDemo(h.ctx);
  await h.api.setIdentity({ name: 'Sam Secretariat', role: 'secretariat' });
  const panels = ok(await h.api.listPanels({}));
  nextPanel = panels.upcoming[0].id;
  heldPanel = panels.past.find((p) => p.status === 'minutes-approved')!.id;
}, 120_000);
afterAll(async () => h?.close());

const PLANTS: Record<PiiKind, string> = {
  'ni-number': 'QQ 12 34 56 C',
  postcode: 'SW1A 2AA',
  phone: '020 7946 0991',
  email: 'alex.person@example.com',
  'date-of-birth': 'date of birth 12th March 1961',
};

function stoppedBy(r: Result<unknown>, kind: PiiKind): boolean {
  return !r.ok && r.error.code === 'personal-data' && (r.error.findings ?? []).some((f) => f.kind === kind);
}

describe('panel pack', () => {
  it.skipIf(!libreOfficeAvailable)('renders the next panel’s pack in LibreOffice: cover and contents, agenda, theme papers, tracker, previous minutes, action log', async () => {
    const r = ok(await h.api.exportPack({ panelId: nextPanel }));
    const { pages, pdf } = renderDocx('demo-pack', readFileSync(r.path));
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((p, i) => {
      expect(squeeze(p), `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(p, `page ${i + 1}`).toContain('OFFICIAL-SENSITIVE');
    });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const heading of ['Agenda', 'Theme papers', 'Recommendations tracker', 'Action log']) expect(text).toContain(heading);
    const agenda = ok(await h.api.getAgenda({ panelId: nextPanel }));
    for (const item of agenda.items.filter((i) => i.themeTitle)) expect(text).toContain(item.themeTitle!.slice(0, 30));
    const overdue = ok(await h.api.listRecommendations({ overdue: true })).rows;
    expect(text.replace(/\s/g, '')).toContain(overdue[0].ref);
    // The restricted names of the evidence behind the themes never reach the pack.
    const names = h.opened.sqlite.prepare("select person_name from evidence_personal where person_name != ''").pluck().all() as string[];
    expect(names.filter((n) => text.includes(n))).toEqual([]);
    expect(ok(await h.api.listExports({}))[0]).toMatchObject({ kind: 'pack', panelId: nextPanel });
  }, 300_000);

  it('stops every document that would carry personal data planted in a panel-facing field', async () => {
    const agenda = ok(await h.api.getAgenda({ panelId: nextPanel }));
    const themeItem = agenda.items.find((i) => i.themeId !== null)!;
    const theme = ok(await h.api.getTheme({ id: themeItem.themeId! }));
    const evidenceId = [...theme.links].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))[0].evidenceId;
    const held = ok(await h.api.getMeeting({ panelId: heldPanel }));
    const decisionId = held.items.flatMap((i) => i.decisions)[0].id;
    const openRec = ok(await h.api.listRecommendations({ open: true })).rows[0];

    // Each field, the way to plant text in it (bypassing the app's own checks, as an import or an
    // older version might), and the documents that carry it.
    const sql = h.opened.sqlite;
    const fields: { name: string; plant: (t: string) => void; restore: () => void; documents: (() => Promise<Result<unknown>>)[] }[] = [
      {
        name: 'evidence summary behind a theme on the agenda',
        ...swap(sql, 'evidence', 'summary', evidenceId),
        documents: [() => h.api.exportPack({ panelId: nextPanel })],
      },
      {
        name: 'a decision in the previous minutes',
        ...swap(sql, 'decisions', 'text', decisionId),
        documents: [() => h.api.exportMinutes({ panelId: heldPanel })],
      },
      {
        name: 'an open recommendation',
        ...swap(sql, 'recommendations', 'text', openRec.id),
        documents: [() => h.api.exportTracker({}), () => h.api.exportPack({ panelId: nextPanel })],
      },
      {
        name: 'an agenda item title',
        ...swap(sql, 'agenda_items', 'title', themeItem.id),
        documents: [() => h.api.exportAgenda({ panelId: nextPanel }), () => h.api.exportPack({ panelId: nextPanel })],
      },
    ];
    for (const f of fields) {
      for (const [kind, planted] of Object.entries(PLANTS) as [PiiKind, string][]) {
        f.plant(planted);
        for (const [n, doc] of f.documents.entries()) expect(stoppedBy(await doc(), kind), `${kind} in ${f.name}, document ${n + 1}`).toBe(true);
        f.restore();
      }
    }
    // With everything restored, they all go through again.
    ok(await h.api.exportPack({ panelId: nextPanel }));
    ok(await h.api.exportTracker({}));
  }, 300_000);
});

/** Appends planted text to one field of one row, and puts the original back. */
function swap(sql: Harness['opened']['sqlite'], table: string, column: string, id: number) {
  const original = sql.prepare(`select ${column} from ${table} where id = ?`).pluck().get(id) as string;
  return {
    plant: (t: string) => void sql.prepare(`update ${table} set ${column} = ? where id = ?`).run(`${original} ${t}`, id),
    restore: () => void sql.prepare(`update ${table} set ${column} = ? where id = ?`).run(original, id),
  };
}
