// Minutes, the recommendations tracker and the Board report, opened in LibreOffice: every page
// carries the marking top and bottom, "Page X of Y" and the title; drafts say so on every page;
// every item, reference and name is there; the tracker is landscape; the Board report's charts are
// pictures (SVG with a PNG fallback) with their numbers in alt text and in tables.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rasteriseSvg } from '../../electron/docs/chartRaster';
import { buildBoardReport } from '../../templates/board/buildBoardReport';
import { buildMinutes } from '../../templates/minutes/buildMinutes';
import { packDocx } from '../../templates/style/pack';
import { buildTracker } from '../../templates/tracker/buildTracker';
import { libreOfficeAvailable, listImages, renderDocx, squeeze } from './libreoffice';
import { boardInput, minutesInput, trackerInput } from './meetingFixtures';
import { docxFigures, expectChart, mediaParts, pdfImages } from './figures';
import { expectFramed } from './framing';

/** The portrait page between its margins, in inches. */
const PORTRAIT_WIDTH = (11906 - 2 * 1440) / 1440;

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
    // nor is a word in the matters arising's narrow columns (fixed widths break a word that does not fit)
    for (const word of ['Development', 'Implemented', '31 May 2027']) expect(laidOut, word).toContain(word);
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

  it('Board report: totals, the status and Director General charts with their tables, each attention narrative, made and implemented', async () => {
    const input = boardInput();
    const { pages, pdf, imagesDir } = renderDocx('board-report', await packDocx(buildBoardReport(input, rasteriseSvg)));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Report to the Board', false);
    const all = flat(pages);
    const text = reading(pdf);
    const has = (s: string) => expect(text, s).toContain(compact(s));
    expect(all).toContain('Serious Case Panel: report to the Board');
    expect(all).toContain('1 January 2027 to 31 March 2027');
    for (const [label, n] of [['Recommendations made', 18], ['Accepted', 15], ['Implemented', 10], ['Closed', 6], ['Open at 31 March 2027', 24], ['of which overdue', 7], ['Escalated', 2]] as const)
      expect(all).toMatch(new RegExp(`${label} ${n}\\b`));
    // the status chart's numbers, in two pairs of columns under it
    expect(all).toContain('Figure 1: recommendations by status');
    expect(all).toMatch(/Proposed 3 In progress 13 Accepted 8 Implemented 10 Not accepted 1 Closed 6 All 41/);
    expect(all).toContain('All 41 recommendations the panel had made by 31 March 2027, by their status.');
    for (const d of input.byDg) expect(all).toMatch(new RegExp(`${d.dg} ${d.made} ${d.open} ${d.implemented} ${d.overdue} ${d.escalated}`));
    expect(all).toContain('Figure 2: open and overdue recommendations by Director General');
    // LibreOffice lays both charts out as pictures at about 190 dots to the inch, each under its caption
    const images = pdfImages(pdf);
    expect(images).toHaveLength(2);
    for (const img of images) expect(img.ppi).toBeGreaterThanOrEqual(190);
    const captionPage = (s: string) => pages.findIndex((p) => squeeze(p).includes(s)) + 1;
    expect(images[0].page).toBe(captionPage('Figure 1: recommendations by status'));
    expect(images[1].page).toBe(captionPage('Figure 2: open and overdue recommendations by Director General'));
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

  it('Board report: an empty quarter says so in sentences, with no charts', async () => {
    const input = { ...boardInput(), byDg: [], byStatus: [], attention: [], made: [], implemented: [] };
    const bytes = await packDocx(buildBoardReport(input, rasteriseSvg));
    const { pages, pdf } = renderDocx('board-report-empty', bytes);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Report to the Board', false);
    const all = flat(pages);
    for (const s of [
      'No recommendations had been made by 31 March 2027.',
      'No recommendations are assigned to a Director General.',
      'No recommendation is overdue or escalated.',
      'No recommendations were made this quarter.',
      'No recommendations were implemented this quarter.',
    ])
      expect(all).toContain(s);
    expect(all).not.toContain('Figure');
    expect(docxFigures(bytes)).toEqual([]);
    expect(pdfImages(pdf)).toEqual([]);
  }, 200_000);
});

describe('Board report charts in the Word file', () => {
  it('carries each chart as an SVG with a PNG fallback, within the margins, its numbers in the alt text', async () => {
    const input = boardInput();
    const bytes = await packDocx(buildBoardReport(input, rasteriseSvg));
    const media = mediaParts(bytes);
    expect(Object.keys(media).filter((m) => m.endsWith('.png'))).toHaveLength(2);
    expect(Object.keys(media).filter((m) => m.endsWith('.svg'))).toHaveLength(2);
    for (const [name, size] of Object.entries(media)) expect(size, name).toBeGreaterThan(1000);

    const [byStatus, byDg] = docxFigures(bytes);
    expectChart(byStatus, 'Figure 1: recommendations by status', PORTRAIT_WIDTH);
    expect(byStatus.description).toBe(
      'Bar chart of the 41 recommendations made up to 31 March 2027, by status: Proposed 3; Accepted 8; Not accepted 1; In progress 13; Implemented 10; Closed 6.',
    );
    for (const s of input.byStatus) expect(byStatus.svg).toContain(`>${s.status}</text>`);

    expectChart(byDg, 'Figure 2: open and overdue recommendations by Director General', PORTRAIT_WIDTH);
    expect(byDg.description).toContain('Dana General, 10 open, 4 overdue; Evan Director, 5 open, none overdue;');
    expect(byDg.description).toContain('Gwen Price-Llewellyn, none open;');
    for (const d of input.byDg) expect(byDg.svg).toContain(`>${d.dg}</text>`);
    expect(byDg.svg).toContain('>10 open, 4 overdue</text>');
    expect(byDg.svg).toContain('>Overdue</text>');
    expect(byDg.svg).toContain('>Open, not overdue</text>');
  });
});
