// Minutes, the recommendations tracker and the Board report, opened in LibreOffice: every page
// carries the marking top and bottom, "Page X of Y" and the title; drafts say so on every page;
// every item, reference and name is there; the tracker is landscape; the chart's bars are to scale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { barUnits, buildBoardReport } from '../../templates/board/buildBoardReport';
import { buildMinutes } from '../../templates/minutes/buildMinutes';
import { packDocx } from '../../templates/style/pack';
import { buildTracker } from '../../templates/tracker/buildTracker';
import { libreOfficeAvailable, listImages, renderDocx, squeeze } from './libreoffice';
import { boardInput, minutesInput, trackerInput } from './meetingFixtures';
import { expectFramed } from './framing';

/** All pages as one line of words, so text that wraps (headings, notes) still matches. */
const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

/**
 * The PDF in reading order (a table cell's lines stay together), without spaces or hyphens: a
 * cell's text matches however LibreOffice wrapped it, even where pdftotext mends a hyphenated break.
 */
const compact = (s: string) => s.replace(/[\s\-‐]+/g, '');
function reading(pdf: string): string {
  return compact(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
}

/** Width and height in points of every page, from pdfinfo. */
function pageSizes(pdf: string, count: number): { w: number; h: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

/** word/document.xml of a .docx, read with Python's zipfile as libreoffice.ts does for core.xml. */
function documentXml(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'scp-zip-'));
  try {
    const f = join(dir, 'x.docx');
    writeFileSync(f, bytes);
    return execFileSync('python3', ['-c', 'import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', f], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!libreOfficeAvailable)('minutes, tracker and Board report in LibreOffice', () => {
  it('minutes: a long draft spans pages, each framed and marked DRAFT, with every item, action and recommendation', async () => {
    const input = minutesInput(7, true);
    expect(input.items).toHaveLength(12);
    const { pages, pdf, imagesDir } = renderDocx('minutes-draft', await packDocx(buildMinutes(input)));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Minutes', true);
    const all = flat(pages);
    const text = reading(pdf);
    const has = (s: string) => expect(text, s).toContain(compact(s));
    expect(all).toContain('Serious Case Panel: minutes');
    expect(all).toContain('DRAFT: not yet approved by the chair');
    expect(all).toContain('Wednesday 10 February 2027');
    expect(all).toContain('10:00 to 12:30 (London time)');
    expect(all).toContain('Caxton House, London, and online (hybrid)');
    for (const item of input.items) {
      expect(all).toContain(`${item.number}. ${item.title}`);
      item.decisions.forEach(has);
      for (const a of item.actions) [a.text, a.owner].forEach(has);
      for (const r of item.recommendations) [r.ref, r.text, r.owner, ...r.themes].forEach(has);
      for (const m of item.mattersArising) [m.ref, m.text, m.status].forEach(has);
    }
    for (const p of input.present) [p.name, p.organisation].forEach(has);
    // references are never broken across lines, so they can be searched for
    const laidOut = squeeze(pages.join('\n'));
    for (const item of input.items) for (const r of [...item.recommendations, ...item.mattersArising]) expect(laidOut).toContain(r.ref);
    expect(all).toContain('Chris Chair (chair)');
    expect(all).toContain('arrived 10:40');
    expect(all).toContain('left 11:50');
    expect(all).toContain('Quinn Deputy for Pat Secretary, Permanent Secretary');
    expect(all).toContain('Hari Shah, Director General');
    expect(all).toContain('Sam Secretariat, Secretariat');
    ['Led the arrears programme under review', 'Took no part in the decision', 'No Director General named'].forEach(has);
    expect(all).toContain('The meeting was quorate');
    expect(all).toContain('Matters arising');
    expect(all).toContain('Wednesday 12 May 2027, 10:00 to 12:30 (London time), Caxton House, London, and online.');
    expect(all).toContain('The panel discusses themes, never individual cases.');
    expect(all).not.toContain('Approved by');
    expect(listImages(imagesDir).length).toBe(pages.length);
  }, 200_000);

  it('minutes: approved minutes have no DRAFT and show the approval, the version and what it corrects', async () => {
    const input = { ...minutesInput(1, false), marking: 'OFFICIAL', declarations: [], nextMeeting: null, apologies: [] };
    const { pages } = renderDocx('minutes-approved', await packDocx(buildMinutes(input)));
    expectFramed(pages, 'OFFICIAL', 'Minutes', false);
    const all = flat(pages);
    expect(all).toContain('Approved by Chris Chair (chair) on 3 March 2027.');
    expect(all).toContain('Version 2');
    expect(all).toContain('Version 2 corrects version 1: the owner of action 4.2 was recorded wrongly (3 March 2027)');
    expect(all).toContain('None declared.');
    expect(all).toContain('Apologies None received.');
    expect(all).toContain('The date of the next meeting is to be confirmed.');
    // "Any other business" has nothing recorded: no empty headings, one sentence saying so
    expect(all).toMatch(/Any other business For discussion · Presented by Chris Chair Nothing was recorded under this item\./);
  }, 200_000);

  it('tracker: 40 open recommendations on landscape pages, each framed, rated in words, with the key', async () => {
    const input = trackerInput(40);
    const { pages, pdf, imagesDir } = renderDocx('tracker', await packDocx(buildTracker(input)));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Recommendations tracker', false);
    const sizes = pageSizes(pdf, pages.length);
    expect(sizes).toHaveLength(pages.length);
    for (const s of sizes) expect(s.w).toBeGreaterThan(s.h);
    const all = flat(pages);
    const text = reading(pdf);
    const has = (s: string) => expect(text, s).toContain(compact(s));
    expect(all).toContain('Open recommendations as at 10 February 2027');
    expect(all).toMatch(/40 open recommendations: 6 red, 12 amber, 12 green, 5 complete\. 3 overdue; 3 escalated\./);
    for (const r of input.rows) [r.ref, r.text, r.owner].forEach(has);
    for (const r of input.rows) expect(squeeze(pages.join('\n'))).toContain(r.ref);
    for (const word of ['Red', 'Amber', 'Green', 'Complete', 'Overdue', 'moved 2 times', 'moved once', 'Escalated to ministers', 'No update yet', 'No target date', 'Open 303 days']) has(word);
    has('Update 2: work on track; guidance drafted.');
    has('The new check went live in two pilot sites in January.');
    expect(text).not.toContain(compact('with the data on how many claimants were contacted'));
    expect(all).toContain('Due within 30 days, or the target date has moved twice or more');
    expect(all).toContain('Long updates are shortened here');
    expect(listImages(imagesDir).length).toBe(pages.length);
  }, 200_000);

  it('tracker: with nothing open it says so, still landscape and framed', async () => {
    const { pages, pdf } = renderDocx('tracker-empty', await packDocx(buildTracker({ ...trackerInput(0), marking: 'OFFICIAL' })));
    expect(pages).toHaveLength(1);
    expectFramed(pages, 'OFFICIAL', 'Recommendations tracker', false);
    expect(flat(pages)).toContain('There are no open recommendations.');
    const [size] = pageSizes(pdf, 1);
    expect(size.w).toBeGreaterThan(size.h);
  }, 200_000);

  it('Board report: totals, every Director General in table and chart, the figure, each attention narrative, made and implemented', async () => {
    const input = boardInput();
    const { pages, pdf, imagesDir } = renderDocx('board-report', await packDocx(buildBoardReport(input)));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Report to the Board', false);
    const all = flat(pages);
    const text = reading(pdf);
    const has = (s: string) => expect(text, s).toContain(compact(s));
    expect(all).toContain('Serious Case Panel: report to the Board');
    expect(all).toContain('1 January 2027 to 31 March 2027');
    for (const [label, n] of [['Recommendations made', 18], ['Accepted', 15], ['Implemented', 10], ['Closed', 6], ['Open at 31 March 2027', 24], ['of which overdue', 7], ['Escalated', 2]] as const)
      expect(all).toMatch(new RegExp(`${label} ${n}\\b`));
    for (const d of input.byDg) {
      expect(all).toMatch(new RegExp(`${d.dg} ${d.made} ${d.open} ${d.implemented} ${d.overdue} ${d.escalated}`));
      expect(all).toMatch(new RegExp(`${d.dg} ${d.open} open, ${d.overdue} overdue`));
    }
    expect(all).toContain('Figure 1: open and overdue recommendations by Director General');
    expect(all).toContain('Overdue Open, not overdue');
    expect(all).toContain('Needing the Board’s attention');
    for (const a of input.attention) {
      expect(all).toContain(`${a.ref}:`);
      has(a.narrative);
    }
    expect(all).toContain('overdue by 90 days');
    expect(all).toContain('Escalated to the Secretary of State');
    for (const m of input.made) [m.ref, m.text].forEach(has);
    for (const m of input.implemented) [m.ref, m.text, m.dg ?? ''].forEach(has);
    for (const m of [...input.made, ...input.implemented]) expect(squeeze(pages.join('\n'))).toContain(m.ref);
    expect(listImages(imagesDir).length).toBe(pages.length);
  }, 200_000);

  it('Board report: an empty quarter says so in sentences', async () => {
    const input = { ...boardInput(), byDg: [], attention: [], made: [], implemented: [] };
    const { pages } = renderDocx('board-report-empty', await packDocx(buildBoardReport(input)));
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Report to the Board', false);
    const all = flat(pages);
    for (const s of [
      'No recommendations are assigned to a Director General.',
      'No recommendation is overdue or escalated.',
      'No recommendations were made this quarter.',
      'No recommendations were implemented this quarter.',
    ])
      expect(all).toContain(s);
    expect(all).not.toContain('Figure 1');
  }, 200_000);
});

describe('Board report chart', () => {
  it('draws bars to scale: whole bar for open, darker part for overdue, anything above zero visible', () => {
    expect(barUnits(10, 4, 10)).toEqual({ overdue: 20, rest: 30 });
    expect(barUnits(5, 0, 10)).toEqual({ overdue: 0, rest: 25 });
    expect(barUnits(2, 2, 10)).toEqual({ overdue: 10, rest: 0 });
    expect(barUnits(0, 0, 10)).toEqual({ overdue: 0, rest: 0 });
    expect(barUnits(1, 0, 200)).toEqual({ overdue: 0, rest: 1 });
    expect(barUnits(200, 199, 200)).toEqual({ overdue: 49, rest: 1 });
  });

  it('spans the fixed grid in proportion to each Director General’s counts', async () => {
    const input = boardInput();
    const xml = documentXml(await packDocx(buildBoardReport(input)));
    const cells = [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((m) => m[1]);
    const spans = (fill: string) => cells.filter((c) => c.includes(`w:fill="${fill}"`)).map((c) => Number(/w:gridSpan w:val="(\d+)"/.exec(c)?.[1] ?? 1));
    // scale 10 across 50 columns: 5 columns a recommendation; the legend's 3-column swatch is the last of each
    expect(spans('A4262C')).toEqual([20, 10, 5, 3]);
    expect(spans('8EB4DA')).toEqual([30, 25, 30, 3]);
  });
});
