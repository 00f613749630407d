// The panel pack: one Word document holding everything members read before a panel, the cover and
// contents, the agenda, a paper for each theme with its evidence profile, the recommendations
// tracker (on landscape pages), the previous meeting's minutes, the action log and the list of annexes.
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, TableOfContents, TextRun, type Document, type FileChild, type PageNumberEstimator } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { formatDateCompact, formatDateLong, formatDateWithDay, formatTimeRange } from '#shared/format';
import { barChart } from '../charts/barChart';
import { CHART_WIDTH, chartFigure, figureCaption, type Rasterise } from '../charts/figure';
import { CHART_COLOUR } from '../charts/palette';
import { minutesBody, type MinutesDocInput } from '../minutes/buildMinutes';
import { cellLines, documentPlace, h1, houseTable, houseTableShaded, note, para, paragraphs, refCell, shorten, titleBlock, type Cell, type Shaded } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';
import { COLOUR, SIZE } from '../style/theme';
import { RAG_CELLS, type Rag, type TrackerDocInput } from '../tracker/buildTracker';

export interface PackDocInput {
  panel: { date: string; startTime: string; endTime: string; format: 'in-person' | 'online' | 'hybrid'; location: string; quarter: string };
  marking: string;
  /** true until the chair approves the agenda */
  draft: boolean;
  /** "Approved by Chris Chair on 3 November 2026." or null */
  agendaApproval: string | null;
  invited: { name: string; role: string; organisation: string }[];
  agenda: { number: number; title: string; purpose: string; presenter: string | null; startsAt: string; endsAt: string; minutes: number; papers: string[] }[];
  themePapers: {
    itemNumber: number;
    title: string;
    description: string;
    owner: string | null;
    /** why it is on the agenda: the item's notes, or a sentence built from the theme's status */
    why: string;
    bySource: { label: string; count: number }[];
    byQuarter: { quarter: string; count: number }[];
    firstEvidence: string | null;
    latestEvidence: string | null;
    evidence: { ref: string; type: string; receivedOn: string; title: string; summary: string }[];
    evidenceTotal: number;
    recommendations: { ref: string; text: string; status: string; targetDate: string | null; rag: string }[];
  }[];
  tracker: TrackerDocInput['rows'];
  /** the previous held panel's minutes, or null when there is none */
  previousMinutes: MinutesDocInput | null;
  actionLog: { text: string; owner: string; due: string | null; status: string; panelDate: string }[];
  annexes: { itemNumber: number; fileName: string; bytes: number }[];
}

type ThemePaper = PackDocInput['themePapers'][number];

const SECTIONS = ['Agenda', 'Theme papers', 'Recommendations tracker', 'Previous meeting’s minutes', 'Action log', 'Annexes'] as const;
/** An evidence summary stays a short paragraph in the table; the full text is in the app. */
const SUMMARY_CHARS = 300;
const UPDATE_CHARS = 200;

const date = (iso: string | null) => (iso ? formatDateCompact(iso) : '—');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "340 KB", "1.2 MB": the size a member sees in their file manager. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const h2 = (text: string, newPage = false) => new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: newPage, children: [new TextRun(text)] });
const h3 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });
const h1Page = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(text)] });
const label = (text: string) => new Paragraph({ keepNext: true, spacing: { before: 200, after: 60 }, children: [new TextRun({ text, bold: true })] });

// ---- cover -------------------------------------------------------------------------------------

function cover(input: PackDocInput): FileChild[] {
  const { panel } = input;
  const markingBox = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 12, color: COLOUR.ink, space: 6 }, bottom: { style: BorderStyle.SINGLE, size: 12, color: COLOUR.ink, space: 6 } },
    children: [new TextRun({ text: input.marking, bold: true, size: SIZE.h1 }), ...(input.draft ? [new TextRun({ text: '   DRAFT', bold: true, size: SIZE.h1, color: COLOUR.draft })] : [])],
  });
  // Word fills the field from the headings when it opens the file (updateFields); the library also
  // writes an entry for each heading, so a client that never updates fields still lists the sections.
  const contents = new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' });
  return [
    ...titleBlock(
      'Serious Case Panel: panel pack',
      [panel.quarter, formatDateWithDay(panel.date), `${formatTimeRange(panel.startTime, panel.endTime)} (London time)`, documentPlace(panel)],
      input.draft ? 'DRAFT: the agenda is not yet approved by the chair' : undefined,
    ),
    markingBox,
    ...(input.agendaApproval ? [note(input.agendaApproval)] : []),
    new Paragraph({ keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text: 'Contents', bold: true, size: SIZE.h2 })] }),
    contents,
    note('The panel discusses themes, never individual cases. Papers are anonymised; do not forward them.'),
  ];
}

// ---- agenda ------------------------------------------------------------------------------------

function agenda(input: PackDocInput): FileChild[] {
  const paperFor = new Map(input.themePapers.map((t) => [t.itemNumber, t]));
  return [
    h1Page('Agenda'),
    h3('Invited'),
    houseTable(
      ['Name', 'Role', 'Organisation or directorate'],
      input.invited.map((m) => [m.name, m.role, m.organisation || '—']),
      [34, 33, 33],
    ),
    h3('Items'),
    houseTable(
      ['No.', 'Item', 'Presenter', 'Timing'],
      input.agenda.map((item) => [
        String(item.number),
        cellLines([
          { text: item.title, bold: true },
          { text: item.purpose, muted: true },
          ...(paperFor.has(item.number) ? [{ text: 'Theme paper in this pack', muted: true }] : []),
          ...item.papers.map((p) => ({ text: `Paper: ${p}`, muted: true })),
        ]),
        item.presenter ?? '—',
        `${item.startsAt}–${item.endsAt}\n(${item.minutes} min)`,
      ]),
      [7, 55, 20, 18],
    ),
  ];
}

// ---- theme papers ------------------------------------------------------------------------------

const QUARTER = /^(\S+) (Q[1-4])$/;

/** The quarter chart's numbers as a table, a row per financial year and a column per quarter, kept whole with the chart. */
function quarterTable(byQuarter: ThemePaper['byQuarter']): FileChild {
  const parsed = byQuarter.map((q) => ({ m: QUARTER.exec(q.quarter), count: q.count }));
  let headers = ['Financial year', 'Q1', 'Q2', 'Q3', 'Q4'];
  let widths = [28, 18, 18, 18, 18];
  let rows: string[][];
  if (parsed.some((p) => !p.m)) {
    headers = ['Quarter', 'Items'];
    widths = [70, 30];
    rows = byQuarter.map((q) => [q.quarter, String(q.count)]);
  } else {
    const years = new Map<string, Map<string, number>>();
    for (const p of parsed) {
      const [, year, q] = p.m!;
      if (!years.has(year)) years.set(year, new Map());
      years.get(year)!.set(q, p.count);
    }
    rows = [...years].map(([year, qs]) => [year, ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => (qs.has(q) ? String(qs.get(q)) : ''))]);
  }
  return houseTable(headers, rows, widths, { keepTogether: true });
}

const quarterSpan = (q: ThemePaper['byQuarter']) => (q.length > 1 ? `from ${q[0].quarter} to ${q[q.length - 1].quarter}` : `in ${q[0].quarter}`);

function quarterChart(q: ThemePaper['byQuarter']) {
  return barChart({
    direction: 'vertical',
    width: CHART_WIDTH,
    // "2026-27 Q2" is drawn "Q2" over its year, and the year written once under its quarters
    categories: q.map((x) => {
      const m = QUARTER.exec(x.quarter);
      return m ? `${m[2]}\n${m[1]}` : x.quarter;
    }),
    series: [{ name: 'Items of evidence', colour: CHART_COLOUR.bar, values: q.map((x) => x.count) }],
    axisTitle: 'Items of evidence received',
  });
}

/**
 * The SVG of the chart a theme paper shows (its evidence by quarter), or null when it shows none:
 * the export draws these ahead while it reads the rest of the pack's data.
 */
export function themePaperChartSvg(t: ThemePaper): string | null {
  return t.evidenceTotal && t.byQuarter.length ? quarterChart(t.byQuarter).svg : null;
}

function quarterFigure(q: ThemePaper['byQuarter'], title: string, rasterise: Rasterise): Paragraph {
  const chart = quarterChart(q);
  const description = `Column chart of the items of evidence on this theme received each financial quarter ${quarterSpan(q)}: ${q.map((x) => `${x.quarter}, ${plural(x.count, 'item')}`).join('; ')}.`;
  return chartFigure(chart, { title, description }, rasterise);
}

const ragCell = (rag: string): Cell | Shaded => (rag in RAG_CELLS ? RAG_CELLS[rag as Rag] : rag || '—');

function evidenceProfile(t: ThemePaper, figure: number, rasterise: Rasterise): FileChild[] {
  const out: FileChild[] = [h3('Evidence profile')];
  if (!t.evidenceTotal) return [...out, para('No evidence is linked to this theme yet.')];
  const span =
    t.firstEvidence && t.latestEvidence
      ? `First received ${formatDateLong(t.firstEvidence)}; latest ${formatDateLong(t.latestEvidence)}.`
      : 'The dates the evidence was received are not recorded.';
  out.push(para(`${plural(t.evidenceTotal, 'item')} of evidence. ${span}`));
  if (t.bySource.length) out.push(houseTable(['Source', 'Items'], t.bySource.map((s) => [s.label, String(s.count)]), [75, 25]));
  if (t.byQuarter.length) {
    const title = `Figure ${figure}: evidence by quarter`;
    out.push(
      figureCaption(title),
      quarterFigure(t.byQuarter, title, rasterise),
      quarterTable(t.byQuarter),
      note(`Each column is the number of items of evidence received in that financial quarter, ${quarterSpan(t.byQuarter)}; the table gives the same numbers.`),
    );
  }
  return out;
}

function evidenceTable(t: ThemePaper): FileChild[] {
  if (!t.evidence.length) return [];
  const out: FileChild[] = [
    h3('Evidence'),
    houseTable(
      ['Ref', 'Source', 'Received', 'Title and summary'],
      t.evidence.map((e) => [refCell(e.ref), e.type, date(e.receivedOn), cellLines([{ text: e.title, bold: true }, ...(e.summary.trim() ? [{ text: shorten(e.summary, SUMMARY_CHARS) }] : [])])]),
      [18, 18, 14, 50],
    ),
  ];
  if (t.evidenceTotal > t.evidence.length) out.push(note(`Showing ${t.evidence.length} of ${t.evidenceTotal} items of evidence, most recent first; the rest are in the app.`));
  return out;
}

function recommendations(t: ThemePaper): FileChild[] {
  const out: FileChild[] = [h3('Related open recommendations')];
  if (!t.recommendations.length) return [...out, para('No open recommendations are linked to this theme.')];
  out.push(
    houseTableShaded(
      ['Ref', 'Recommendation', 'Status', 'Target date', 'RAG'],
      t.recommendations.map((r) => [refCell(r.ref), r.text, r.status, r.targetDate ? formatDateCompact(r.targetDate) : 'No target date', ragCell(r.rag)]),
      // Status and RAG wide enough for their longest words, "Implemented" and "Complete" (fixed
      // columns break a word that does not fit).
      [22, 30, 18, 14, 16],
    ),
  );
  return out;
}

function themePaper(t: ThemePaper, figure: number, first: boolean, rasterise: Rasterise): FileChild[] {
  return [
    // the first paper follows the section heading on its page; each later one starts a page
    h2(`Item ${t.itemNumber}: ${t.title}`, !first),
    note(t.owner ? `Theme owner: ${t.owner}` : 'No theme owner named'),
    ...paragraphs(t.description),
    label('Why it is on the agenda'),
    ...(t.why.trim() ? paragraphs(t.why) : [para('—')]),
    ...evidenceProfile(t, figure, rasterise),
    ...evidenceTable(t),
    ...recommendations(t),
  ];
}

function themePapers(input: PackDocInput, rasterise: Rasterise): FileChild[] {
  const out: FileChild[] = [h1Page('Theme papers')];
  if (!input.themePapers.length) return [...out, para('No themes are on the agenda for this panel.')];
  let figure = 0;
  input.themePapers.forEach((t, i) => out.push(...themePaper(t, t.byQuarter.length && t.evidenceTotal ? ++figure : figure, i === 0, rasterise)));
  return out;
}

// ---- tracker, minutes, action log, annexes -----------------------------------------------------

function trackerRow(r: PackDocInput['tracker'][number]): (Cell | Shaded)[] {
  const target = [
    { text: r.targetDate ? formatDateCompact(r.targetDate) : 'No target date', muted: !r.targetDate },
    ...(r.overdue ? [{ text: 'Overdue', bold: true }] : []),
    ...(r.targetChanges > 0 ? [{ text: r.targetChanges === 1 ? 'moved once' : `moved ${r.targetChanges} times`, muted: true }] : []),
  ];
  return [
    refCell(r.ref),
    r.text,
    cellLines([{ text: r.status }, ...(r.escalation ? [{ text: r.escalation, bold: true }] : [])]),
    cellLines([{ text: r.dg ?? 'No Director General named', bold: r.dg !== null, muted: r.dg === null }, { text: r.owner || '—' }]),
    cellLines(target),
    RAG_CELLS[r.rag],
    r.latestUpdate
      ? cellLines([{ text: shorten(r.latestUpdate.narrative, UPDATE_CHARS) }, { text: `${formatDateCompact(r.latestUpdate.date)}, ${r.latestUpdate.author}`, muted: true }])
      : cellLines([{ text: 'No update yet', muted: true }]),
  ];
}

function tracker(rows: PackDocInput['tracker']): FileChild[] {
  const out: FileChild[] = [h1('Recommendations tracker')];
  if (!rows.length) return [...out, para('There are no open recommendations.')];
  return [
    ...out,
    para(`${plural(rows.length, 'open recommendation')}; ${rows.filter((r) => r.overdue).length} overdue; ${rows.filter((r) => r.escalation).length} escalated.`),
    houseTableShaded(['Ref', 'Recommendation', 'Status', 'Accountable DG / owner', 'Target date', 'RAG', 'Latest update'], rows.map(trackerRow), [15, 22, 11, 13, 10, 8, 21]),
    note('RAG: red is overdue or escalated to the Secretary of State or ministers; amber is due within 30 days, moved twice or more, or escalated to the panel; green is on track. Long updates are shortened; the full history is in the app.'),
  ];
}

function previousMinutes(m: MinutesDocInput | null): FileChild[] {
  const out: FileChild[] = [h1('Previous meeting’s minutes')];
  if (!m) return [...out, para('This is the panel’s first meeting: there are no previous minutes.')];
  const when = `${formatDateWithDay(m.panel.date)}, ${formatTimeRange(m.panel.startTime, m.panel.endTime)} (London time), ${documentPlace(m.panel)}.`;
  return [...out, para(`Minutes of the panel held on ${when}`), ...(m.draft ? [new Paragraph({ children: [new TextRun({ text: 'DRAFT: these minutes are not yet approved by the chair', bold: true, color: COLOUR.draft })] })] : []), ...minutesBody(m, { nested: true })];
}

function actionLog(actions: PackDocInput['actionLog']): FileChild[] {
  const out: FileChild[] = [h1Page('Action log')];
  if (!actions.length) return [...out, para('There are no actions to report.')];
  return [...out, houseTable(['Action', 'Owner', 'Due', 'Status', 'From the panel of'], actions.map((a) => [a.text, a.owner || '—', date(a.due), a.status, date(a.panelDate)]), [40, 18, 13, 13, 16])];
}

function annexes(list: PackDocInput['annexes']): FileChild[] {
  const out: FileChild[] = [h1('Annexes')];
  if (!list.length) return [...out, para('No papers are attached to the agenda items.')];
  const sorted = [...list].sort((a, b) => a.itemNumber - b.itemNumber || a.fileName.localeCompare(b.fileName));
  return [
    ...out,
    para('These papers are attached to agenda items and supplied as separate files with this pack.'),
    houseTable(['Item', 'File', 'Size'], sorted.map((a) => [`Item ${a.itemNumber}`, a.fileName, fileSize(a.bytes)]), [14, 66, 20]),
  ];
}

/**
 * The pack begun: its sections without charts (cover, agenda, tracker, previous minutes, action
 * log, annexes) are built now, while the theme papers' charts are still being drawn on other
 * threads; the function it gives builds the theme papers, with their charts, and the document.
 */
export function startPack(input: PackDocInput): (rasterise: Rasterise, pageNumbers?: PageNumberEstimator) => Document {
  const { panel } = input;
  const opening = [...cover(input), ...agenda(input)];
  const trackerPages = tracker(input.tracker);
  const closing = [...previousMinutes(input.previousMinutes), ...actionLog(input.actionLog), ...annexes(input.annexes)];
  return (rasterise, pageNumbers = estimatePageNumbers) =>
    houseDocument({
      title: 'Panel pack',
      context: `Serious Case Panel ${panel.quarter} · ${formatDateLong(panel.date)}`,
      marking: input.marking,
      draft: input.draft,
      updateFields: true,
      pageNumbers,
      children: [...opening, ...themePapers(input, rasterise)],
      moreSections: [{ landscape: true, children: trackerPages }, { children: closing }],
      description: `Panel pack for the Serious Case Panel on ${formatDateLong(panel.date)}: ${SECTIONS.join(', ')}.`,
    });
}

/** `rasterise` draws the charts' PNG for readers without SVG; main passes its resvg one. */
export function buildPack(input: PackDocInput, rasterise: Rasterise, pageNumbers: PageNumberEstimator = estimatePageNumbers): Document {
  return startPack(input)(rasterise, pageNumbers);
}
