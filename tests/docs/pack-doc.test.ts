// The panel pack opened in LibreOffice: every page framed (marking top and bottom, "Page X of Y",
// DRAFT while the agenda is a draft), the cover lists the sections, and every part is there: the
// agenda, each theme paper with its evidence and figure, the tracker on landscape pages, the
// previous minutes, the action log and the annexes. The Word file carries a real TOC field, and
// each theme paper's chart is a picture (SVG with a PNG fallback) with its numbers in alt text and
// in a table; a pack of twelve theme papers is still quick to build.
import { execFileSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { estimatePageNumbers } from 'docx/layout';
import { chartsAhead, rasteriseSvg } from '../../electron/docs/chartRaster';
import { layoutEstimator, withoutListNumbers } from '../../electron/docs/layoutFonts';
import { PNG_SCALE } from '../../templates/charts/figure';
import { buildPack, fileSize, themePaperChartSvg, type PackDocInput } from '../../templates/pack/buildPack';
import { packDocx } from '../../templates/style/pack';
import { libreOfficeAvailable, listImages, renderDocx, squeeze } from './libreoffice';
import { RAG_LABELS, type Rag } from '#shared/domain/recommendations';
import { packInput, renumberedIds } from './packFixture';
import { docxFigures, expectChart, mediaParts, pdfImages } from './figures';
import { expectFramed } from './framing';

/** The portrait page between its margins, in inches. */
const PORTRAIT_WIDTH = (11906 - 2 * 1440) / 1440;

const SECTIONS = ['Agenda', 'Theme papers', 'Recommendations tracker', 'Previous meeting’s minutes', 'Action log', 'Annexes'];

const flat = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');
const compact = (s: string) => s.replace(/[\s\-‐]+/g, '');
const reading = (pdf: string) => compact(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']);
const settingsXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/settings.xml' })['word/settings.xml']);

function pageSizes(pdf: string, count: number): { w: number; h: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}

describe.skipIf(!libreOfficeAvailable)('panel pack in LibreOffice', () => {
  it('a draft pack: every page framed and DRAFT, the cover lists the sections, every part present', async () => {
    const input = packInput(true);
    const { pages, pdf, imagesDir } = renderDocx('pack-draft', await packDocx(buildPack(input, rasteriseSvg)));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expectFramed(pages, 'OFFICIAL-SENSITIVE', 'Panel pack', true);
    const all = flat(pages);
    const text = reading(pdf);
    const has = (s: string) => expect(text, s).toContain(compact(s));

    const coverPage = flat([pages[0]]);
    expect(coverPage).toContain('Serious Case Panel: panel pack');
    expect(coverPage).toContain('2027-28 Q1');
    expect(coverPage).toContain('Wednesday 12 May 2027');
    expect(coverPage).toContain('10:00 to 12:30 (London time)');
    expect(coverPage).toContain('Caxton House, London, and online (hybrid)');
    expect(coverPage).toContain('DRAFT: the agenda is not yet approved by the chair');
    expect(coverPage).toContain('Contents');
    for (const s of SECTIONS) expect(coverPage, `cover lists ${s}`).toContain(s);
    for (const t of input.themePapers) expect(coverPage, `cover lists item ${t.itemNumber}`).toContain(`Item ${t.itemNumber}:`);
    expect(coverPage).not.toContain('Approved by');
    // the contents carry page numbers written with the file (Word renumbers them when it opens it)
    const numbers = SECTIONS.map((s) => Number(new RegExp(`${s}\\.{3,}\\s*(\\d+)`).exec(pages[0])?.[1]));
    numbers.forEach((n, i) => expect(n, SECTIONS[i]).toBeGreaterThanOrEqual(2));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(numbers[numbers.length - 1]).toBeLessThanOrEqual(pages.length);

    for (const m of input.invited) [m.name, m.organisation].forEach(has);
    for (const a of input.agenda) [a.title, `${a.startsAt}–${a.endsAt}`, ...a.papers].forEach(has);

    let figure = 0;
    for (const t of input.themePapers) {
      expect(all).toContain(`Item ${t.itemNumber}: ${t.title}`);
      has(t.why);
      for (const e of t.evidence) [e.ref, e.title].forEach(has);
      for (const s of t.bySource) has(s.label);
      for (const r of t.recommendations) [r.ref, r.text].forEach(has);
      if (t.byQuarter.length) expect(all).toContain(`Figure ${++figure}: evidence by quarter`);
    }
    expect(figure).toBe(2);
    // each chart is a picture LibreOffice lays out at about 190 dots to the inch, on its caption's page
    const images = pdfImages(pdf);
    expect(images).toHaveLength(2);
    for (const img of images) expect(img.ppi).toBeGreaterThanOrEqual(190);
    for (const [i, img] of images.entries()) expect(squeeze(pages[img.page - 1])).toContain(`Figure ${i + 1}: evidence by quarter`);
    // the table of the chart's numbers is kept whole, on the chart's page
    expect(squeeze(pages[images[0].page - 1])).toMatch(/2025-26 1 3\s[\s\S]*2026-27 0 6 4/);
    expect(all).toContain('Showing 10 of 14 items of evidence');
    expect(all).toContain('First received 14 October 2025; latest 2 March 2027.');
    // the chart's numbers in a table: a row per financial year, a column per quarter
    expect(all).toContain('Financial year Q1 Q2 Q3 Q4 2025-26 1 3 2026-27 0 6 4');
    expect(all).toContain('Each column is the number of items of evidence received in that financial quarter, from 2025-26 Q3 to 2026-27 Q3;');
    expect(all).toContain('Financial year Q1 Q2 Q3 Q4 2026-27 3');
    expect(all).toContain('No open recommendations are linked to this theme.');
    expect(all).toContain('No evidence is linked to this theme yet.');
    expect(all).toContain('No theme owner named');
    // the long summary is shortened in the table
    has('The claimant, recorded as needing additional support');
    expect(text).not.toContain(compact('The case examiner found the same gap in two complaints this year.'));
    // each theme paper starts its own page
    for (const t of input.themePapers) expect(pages.filter((p) => squeeze(p).includes(`Item ${t.itemNumber}: `) && !p.includes('Contents')).length).toBeGreaterThanOrEqual(1);

    const laidOut = squeeze(pages.join('\n'));
    // nor is a word in a theme paper's narrow Status and RAG columns (fixed widths break a word that does not fit)
    const papers = squeeze(pages.filter((p) => p.includes('Related open recommendations')).join('\n'));
    for (const t of input.themePapers) for (const r of t.recommendations) for (const word of [...r.status.split(' '), RAG_LABELS[r.rag as Rag]]) expect(papers, word).toContain(word);
    for (const r of input.tracker) {
      [r.ref, r.text].forEach(has);
      expect(laidOut).toContain(r.ref);
    }
    // the tracker's pages, and only they, are landscape
    const sizes = pageSizes(pdf, pages.length);
    const landscape = pages.map((p, i) => ({ p, wide: sizes[i].w > sizes[i].h })).filter((x) => x.wide);
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    for (const x of landscape) expect(x.p).toMatch(/SCP-2026-27-Q4-R\d\d|Recommendations tracker/);
    expect(sizes[0].h).toBeGreaterThan(sizes[0].w);
    expect(sizes[sizes.length - 1].h).toBeGreaterThan(sizes[sizes.length - 1].w);

    const prev = input.previousMinutes!;
    expect(all).toContain('Minutes of the panel held on Wednesday 10 February 2027');
    for (const item of prev.items) expect(all).toContain(`${item.number}. ${item.title}`);
    for (const item of prev.items) item.decisions.forEach(has);
    expect(all).toContain('Approved by Chris Chair (chair) on 3 March 2027.');

    for (const a of input.actionLog) [a.text, a.owner, a.status].forEach(has);
    has('10 Feb 2027');
    for (const a of input.annexes) has(a.fileName);
    for (const size of ['1.5 MB', '340 KB', '51 KB']) expect(all).toContain(size);
    expect(listImages(imagesDir).length).toBe(pages.length);
  }, 200_000);

  it('an approved pack has no DRAFT anywhere and shows the approval; empty parts say so in sentences', async () => {
    const input = { ...packInput(false), marking: 'OFFICIAL', themePapers: [], tracker: [], previousMinutes: null, actionLog: [], annexes: [] };
    const { pages } = renderDocx('pack-approved-empty', await packDocx(buildPack(input, rasteriseSvg)));
    expectFramed(pages, 'OFFICIAL', 'Panel pack', false);
    const all = flat(pages);
    expect(flat([pages[0]])).toContain('Approved by Chris Chair on 28 April 2027.');
    for (const s of SECTIONS) expect(flat([pages[0]]), `cover lists ${s}`).toContain(s);
    for (const s of [
      'No themes are on the agenda for this panel.',
      'There are no open recommendations.',
      'This is the panel’s first meeting: there are no previous minutes.',
      'There are no actions to report.',
      'No papers are attached to the agenda items.',
    ])
      expect(all).toContain(s);
    expect(all).not.toContain('Figure');
  }, 200_000);
});

describe('panel pack Word file', () => {
  it('has a real table of contents field over headings 1 to 2, which Word updates on opening', async () => {
    const bytes = await packDocx(buildPack(packInput(true), rasteriseSvg));
    const xml = documentXml(bytes);
    expect(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/.test(xml), 'TOC \\o "1-2" field').toBe(true);
    expect(/<w:updateFields(?: w:val="(?:true|1)")?\/>/.test(settingsXml(bytes)), 'updateFields').toBe(true);
    // three sections: portrait, landscape for the tracker, portrait
    expect([...xml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1])).toEqual(['portrait', 'landscape', 'portrait']);
  });

  it('draws every theme paper’s chart ahead from its SVG, the pack the same as one drawn as it is built', async () => {
    const input = packInput(true);
    const ahead = chartsAhead();
    const svgs = input.themePapers.map(themePaperChartSvg);
    expect(svgs.filter(Boolean)).toHaveLength(2); // the paper with no evidence has no chart
    for (const svg of svgs) if (svg) ahead.draw(svg, PNG_SCALE);
    const rasterise = await ahead.rasteriser();
    const drawnAhead = await packDocx(buildPack(input, rasterise));
    expect(rasterise.late).toBe(0);
    expect(mediaParts(drawnAhead)).toEqual(mediaParts(await packDocx(buildPack(input, rasteriseSvg))));
  });

  it('fixes every table’s columns at the widths given, so no client widens one and the layout need not measure each cell to know', async () => {
    const xml = documentXml(await packDocx(buildPack(packInput(true), rasteriseSvg)));
    const tables = xml.match(/<w:tblPr>.*?<\/w:tblPr>/g) ?? [];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('is the same without the layout’s list-number pass, as no heading is numbered by a list', async () => {
    const input = packInput(true);
    const withPass = renumberedIds(documentXml(await packDocx(buildPack(input, rasteriseSvg, estimatePageNumbers))));
    const without = renumberedIds(documentXml(await packDocx(buildPack(input, rasteriseSvg, withoutListNumbers(estimatePageNumbers)))));
    expect(without).toBe(withPass);
    expect(without).toMatch(/PAGEREF _Toc/);
    expect(layoutEstimator().estimator.listNumbers).toBeUndefined();
  });

  it('carries each theme paper’s chart as an SVG with a PNG fallback, within the margins, its numbers in the alt text', async () => {
    const bytes = await packDocx(buildPack(packInput(true), rasteriseSvg));
    const media = mediaParts(bytes);
    expect(Object.keys(media).filter((m) => m.endsWith('.png'))).toHaveLength(2);
    expect(Object.keys(media).filter((m) => m.endsWith('.svg'))).toHaveLength(2);
    for (const [name, size] of Object.entries(media)) expect(size, name).toBeGreaterThan(1000);
    const [first, second] = docxFigures(bytes);
    expectChart(first, 'Figure 1: evidence by quarter', PORTRAIT_WIDTH);
    expect(first.description).toBe(
      'Column chart of the items of evidence on this theme received each financial quarter from 2025-26 Q3 to 2026-27 Q3: 2025-26 Q3, 1 item; 2025-26 Q4, 3 items; 2026-27 Q1, 0 items; 2026-27 Q2, 6 items; 2026-27 Q3, 4 items.',
    );
    for (const w of ['>Q3</text>', '>Q4</text>', '>Q1</text>', '>2025-26</text>', '>2026-27</text>', '>6</text>', '>Items of evidence received</text>']) expect(first.svg).toContain(w);
    expectChart(second, 'Figure 2: evidence by quarter', PORTRAIT_WIDTH);
    expect(second.description).toContain('each financial quarter in 2026-27 Q3: 2026-27 Q3, 3 items.');
  });

  it('builds a pack of twelve theme papers, each with a twelve-quarter chart, in under two seconds, the charts a small part of it', async () => {
    const base = packInput(true);
    const quarters = Array.from({ length: 12 }, (_, i) => `${2024 + Math.floor((i + 2) / 4)}-${String(25 + Math.floor((i + 2) / 4)).slice(-2)} Q${((i + 2) % 4) + 1}`);
    const paper = base.themePapers[0];
    const input: PackDocInput = {
      ...base,
      themePapers: Array.from({ length: 12 }, (_, n) => ({ ...paper, itemNumber: n + 4, title: `${paper.title} (${n + 1})`, byQuarter: quarters.map((quarter, i) => ({ quarter, count: (i * (n + 3)) % 11 })) })),
    };
    await packDocx(buildPack(packInput(false), rasteriseSvg)); // loads the native module, the fonts and docx
    let raster = 0;
    const timed = (svg: string, scale: number) => {
      const t = performance.now();
      const png = rasteriseSvg(svg, scale);
      raster += performance.now() - t;
      return png;
    };
    const start = performance.now();
    const doc = buildPack(input, timed);
    const built = performance.now() - start;
    const bytes = await packDocx(doc);
    console.log(`pack of 12 theme papers: built in ${built.toFixed(0)} ms, of which 12 charts rasterised in ${raster.toFixed(0)} ms; packed in ${(performance.now() - start - built).toFixed(0)} ms more`);
    expect(docxFigures(bytes)).toHaveLength(12);
    // about 250 ms of charts on an idle 2-core machine; the bounds leave room for a busy one
    expect(raster).toBeLessThan(1500);
    expect(built).toBeLessThan(2000);
  });

  it('sizes files as people read them', () => {
    expect(fileSize(512)).toBe('512 bytes');
    expect(fileSize(348_160)).toBe('340 KB');
    expect(fileSize(1_572_864)).toBe('1.5 MB');
  });
});
