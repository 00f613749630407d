// The panel pack: one Word document holding everything members read before a panel, the cover and
// contents, the agenda, a paper for each theme with its evidence profile, the recommendations
// tracker (on landscape pages), the previous meeting's minutes, the action log and the list of annexes.
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type Document,
  type FileChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { formatDateCompact, formatDateLong, formatDateWithDay, formatTimeRange } from '#shared/format';
import { minutesBody, type MinutesDocInput } from '../minutes/buildMinutes';
import { cellLines, documentPlace, h1, houseTable, houseTableShaded, note, para, paragraphs, refCell, shorten, titleBlock, type Cell, type Shaded } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';
import { COLOUR, PAGE, SIZE } from '../style/theme';
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
const caption = (text: string) => new Paragraph({ style: 'Note', keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text, bold: true, color: COLOUR.ink })] });
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

// ---- theme papers: the bar chart is one table on a fixed grid, as in the Board report ------------

const BAR_FILL = COLOUR.accent;
const BAR_UNITS = 40;
const CHART = { name: 1900, numbers: 1500 };
const UNIT = Math.floor((PAGE.width - 2 * PAGE.margin - CHART.name - CHART.numbers) / BAR_UNITS);
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };
const axis = { style: BorderStyle.SINGLE, size: 6, color: COLOUR.muted };
const gap = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function chartCell(t: string, width: number, o: { bold?: boolean; muted?: boolean; align?: Align; span?: number; borders?: object; bar?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ style: 'TableText', keepNext: true, alignment: o.align, children: t ? [new TextRun({ text: t, bold: o.bold, color: o.muted ? COLOUR.muted : undefined })] : [] })],
    columnSpan: o.span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: o.borders ?? noBorders,
    margins: o.bar ? { top: 0, bottom: 0, left: 0, right: 0 } : { top: 40, bottom: 40, left: 100, right: 100 },
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
  });
}

/** Columns of the bar for a count: in proportion to the scale, and at least one for anything above zero. */
export function quarterBarUnits(count: number, scale: number): number {
  if (scale <= 0 || count <= 0) return 0;
  return Math.min(BAR_UNITS, Math.max(1, Math.round((count / scale) * BAR_UNITS)));
}

const scaleMax = (max: number) => (max <= 5 ? Math.max(max, 1) : Math.ceil(max / 5) * 5);

function quarterChart(byQuarter: ThemePaper['byQuarter']): Table {
  const scale = scaleMax(Math.max(0, ...byQuarter.map((q) => q.count)));
  const nameBorders = { ...noBorders, right: axis };
  const rows = byQuarter.map((q) => {
    const bar = quarterBarUnits(q.count, scale);
    const cells = [chartCell(q.quarter, CHART.name, { bold: true, borders: nameBorders })];
    const barBorders = { top: gap, bottom: gap, left: none, right: none };
    if (bar) cells.push(chartCell('', bar * UNIT, { span: bar, bar: true, fill: BAR_FILL, borders: barBorders }));
    if (bar < BAR_UNITS) cells.push(chartCell('', (BAR_UNITS - bar) * UNIT, { span: BAR_UNITS - bar, bar: true, borders: barBorders }));
    cells.push(chartCell(plural(q.count, 'item'), CHART.numbers));
    return new TableRow({ cantSplit: true, height: { value: 400, rule: HeightRule.ATLEAST }, children: cells });
  });
  const half = BAR_UNITS / 2;
  const scaleRow = new TableRow({
    cantSplit: true,
    children: [
      chartCell('', CHART.name, { borders: nameBorders }),
      chartCell('0', half * UNIT, { muted: true, span: half, borders: { ...noBorders, top: axis } }),
      chartCell(String(scale), half * UNIT, { muted: true, span: half, align: AlignmentType.RIGHT, borders: { ...noBorders, top: axis } }),
      chartCell('', CHART.numbers),
    ],
  });
  return new Table({
    width: { size: CHART.name + BAR_UNITS * UNIT + CHART.numbers, type: WidthType.DXA },
    columnWidths: [CHART.name, ...Array<number>(BAR_UNITS).fill(UNIT), CHART.numbers],
    layout: TableLayoutType.FIXED,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [...rows, scaleRow],
  });
}

const ragCell = (rag: string): Cell | Shaded => (rag in RAG_CELLS ? RAG_CELLS[rag as Rag] : rag || '—');

function evidenceProfile(t: ThemePaper, figure: number): FileChild[] {
  const out: FileChild[] = [h3('Evidence profile')];
  if (!t.evidenceTotal) return [...out, para('No evidence is linked to this theme yet.')];
  const span =
    t.firstEvidence && t.latestEvidence
      ? `First received ${formatDateLong(t.firstEvidence)}; latest ${formatDateLong(t.latestEvidence)}.`
      : 'The dates the evidence was received are not recorded.';
  out.push(para(`${plural(t.evidenceTotal, 'item')} of evidence. ${span}`));
  if (t.bySource.length) out.push(houseTable(['Source', 'Items'], t.bySource.map((s) => [s.label, String(s.count)]), [75, 25]));
  if (t.byQuarter.length)
    out.push(
      caption(`Figure ${figure}: evidence by quarter`),
      quarterChart(t.byQuarter),
      note('Each bar is the number of items of evidence received in that financial quarter; the numbers are also given in words.'),
    );
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
      [22, 38, 14, 14, 12],
    ),
  );
  return out;
}

function themePaper(t: ThemePaper, figure: number, first: boolean): FileChild[] {
  return [
    // the first paper follows the section heading on its page; each later one starts a page
    h2(`Item ${t.itemNumber}: ${t.title}`, !first),
    note(t.owner ? `Theme owner: ${t.owner}` : 'No theme owner named'),
    ...paragraphs(t.description),
    label('Why it is on the agenda'),
    ...(t.why.trim() ? paragraphs(t.why) : [para('—')]),
    ...evidenceProfile(t, figure),
    ...evidenceTable(t),
    ...recommendations(t),
  ];
}

function themePapers(input: PackDocInput): FileChild[] {
  const out: FileChild[] = [h1Page('Theme papers')];
  if (!input.themePapers.length) return [...out, para('No themes are on the agenda for this panel.')];
  let figure = 0;
  input.themePapers.forEach((t, i) => out.push(...themePaper(t, t.byQuarter.length && t.evidenceTotal ? ++figure : figure, i === 0)));
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

export function buildPack(input: PackDocInput): Document {
  const { panel } = input;
  return houseDocument({
    title: 'Panel pack',
    context: `Serious Case Panel ${panel.quarter} · ${formatDateLong(panel.date)}`,
    marking: input.marking,
    draft: input.draft,
    updateFields: true,
    pageNumbers: estimatePageNumbers,
    children: [...cover(input), ...agenda(input), ...themePapers(input)],
    moreSections: [{ landscape: true, children: tracker(input.tracker) }, { children: [...previousMinutes(input.previousMinutes), ...actionLog(input.actionLog), ...annexes(input.annexes)] }],
    description: `Panel pack for the Serious Case Panel on ${formatDateLong(panel.date)}: ${SECTIONS.join(', ')}.`,
  });
}
