// The quarterly report to the departmental Board: the totals, the picture by Director General
// (a table and a bar chart drawn as a Word table), what needs the Board's attention, and what was
// made and implemented in the quarter.
import { AlignmentType, BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type Document, type FileChild } from 'docx';
import { formatDateCompact, formatDateLong } from '#shared/format';
import { h1, h2, houseTable, note, para, paragraphs, refCell, shorten, titleBlock } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';
import { COLOUR, PAGE } from '../style/theme';

export interface BoardReportDocInput {
  marking: string;
  quarter: string; // "2026-27 Q3"
  period: { start: string; end: string }; // ISO dates
  asOf: string;
  totals: { made: number; accepted: number; implemented: number; closed: number; open: number; overdue: number; escalated: number };
  byDg: { dg: string; made: number; open: number; implemented: number; overdue: number; escalated: number }[];
  /** one short narrative per overdue or escalated recommendation */
  attention: { ref: string; text: string; dg: string | null; owner: string; targetDate: string | null; status: string; overdueDays: number | null; escalation: string | null; narrative: string }[];
  made: { ref: string; text: string; dg: string | null; targetDate: string | null; panelDate: string }[];
  implemented: { ref: string; text: string; dg: string | null; on: string }[];
}

type DgRow = BoardReportDocInput['byDg'][number];

const NO_DG = 'No Director General named';
/** About what a heading 2 holds on one line of a portrait page. */
const HEADING_CHARS = 66;
const date = (iso: string | null) => (iso ? formatDateCompact(iso) : '—');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// The chart is one table on a fixed grid: a name column, BAR_UNITS equal columns that the bars
// span (so every client draws the same lengths), and a column giving the numbers in words. The
// legend is the table's last row: two tables side by side would be joined into one by Word.
const BAR = { overdue: 'A4262C', open: '8EB4DA' } as const;
const BAR_UNITS = 50;
const CHART = { name: 2500, numbers: 2200 };
const UNIT = Math.floor((PAGE.width - 2 * PAGE.margin - CHART.name - CHART.numbers) / BAR_UNITS);

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none };
const axis = { style: BorderStyle.SINGLE, size: 6, color: COLOUR.muted };
/** White rules above and below each bar leave a gap between one bar and the next. */
const gap = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function text(t: string, o: { bold?: boolean; muted?: boolean; align?: Align } = {}): Paragraph {
  return new Paragraph({ style: 'TableText', keepNext: true, alignment: o.align, children: t ? [new TextRun({ text: t, bold: o.bold, color: o.muted ? COLOUR.muted : undefined })] : [] });
}

function textCell(t: string, width: number, o: { bold?: boolean; muted?: boolean; align?: Align; span?: number; borders?: object } = {}): TableCell {
  return new TableCell({
    children: [text(t, o)],
    columnSpan: o.span,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: o.borders ?? noBorders,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
  });
}

function barCell(units: number, fill: string | undefined): TableCell {
  return new TableCell({
    children: [text('')],
    columnSpan: units,
    width: { size: units * UNIT, type: WidthType.DXA },
    borders: { top: gap, bottom: gap, left: none, right: none },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
  });
}

/** Units of the bar: the whole bar is the open count, its overdue part drawn darker; anything above zero shows. */
export function barUnits(open: number, overdue: number, scale: number): { overdue: number; rest: number } {
  if (scale <= 0 || open <= 0) return { overdue: 0, rest: 0 };
  const late = Math.min(overdue, open);
  const total = Math.max(1, Math.round((open / scale) * BAR_UNITS));
  let dark = late > 0 ? Math.max(1, Math.round((late / scale) * BAR_UNITS)) : 0;
  if (late < open && dark >= total) dark = total - 1;
  return { overdue: Math.max(0, dark), rest: Math.max(0, total - dark) };
}

/** A round number at or above the largest count, so the scale reads easily. */
const scaleMax = (max: number) => (max <= 5 ? Math.max(max, 1) : Math.ceil(max / 5) * 5);

const nameCell = (t: string, o: { bold?: boolean; muted?: boolean } = {}) => textCell(t, CHART.name, { ...o, borders: { ...noBorders, right: axis } });

function barRow(d: DgRow, scale: number): TableRow {
  const u = barUnits(d.open, d.overdue, scale);
  const blank = BAR_UNITS - u.overdue - u.rest;
  const bars = [u.overdue && barCell(u.overdue, BAR.overdue), u.rest && barCell(u.rest, BAR.open), blank && barCell(blank, undefined)].filter((c): c is TableCell => c !== 0);
  return new TableRow({
    cantSplit: true,
    height: { value: 440, rule: HeightRule.ATLEAST },
    children: [nameCell(d.dg, { bold: true }), ...bars, textCell(`${d.open} open, ${d.overdue} overdue`, CHART.numbers)],
  });
}

function scaleRow(scale: number): TableRow {
  const half = BAR_UNITS / 2;
  return new TableRow({
    cantSplit: true,
    children: [
      nameCell(''),
      textCell('0', half * UNIT, { muted: true, span: half, borders: { ...noBorders, top: axis } }),
      textCell(String(scale), half * UNIT, { muted: true, span: half, align: AlignmentType.RIGHT, borders: { ...noBorders, top: axis } }),
      textCell('', CHART.numbers),
    ],
  });
}

/** Swatch, label, swatch, label across the bar columns. */
function legendRow(): TableRow {
  const swatch = 3;
  const label = (BAR_UNITS - 2 * swatch) / 2;
  return new TableRow({
    cantSplit: true,
    children: [
      textCell('', CHART.name),
      barCell(swatch, BAR.overdue),
      textCell('Overdue', label * UNIT, { span: label }),
      barCell(swatch, BAR.open),
      textCell('Open, not overdue', label * UNIT, { span: label }),
      textCell('', CHART.numbers),
    ],
  });
}

function chart(byDg: BoardReportDocInput['byDg']): Table {
  const scale = scaleMax(Math.max(0, ...byDg.map((d) => d.open)));
  return new Table({
    width: { size: CHART.name + BAR_UNITS * UNIT + CHART.numbers, type: WidthType.DXA },
    columnWidths: [CHART.name, ...Array<number>(BAR_UNITS).fill(UNIT), CHART.numbers],
    layout: TableLayoutType.FIXED,
    borders: { ...noBorders, insideHorizontal: none, insideVertical: none },
    rows: [...byDg.map((d) => barRow(d, scale)), scaleRow(scale), legendRow()],
  });
}

/** Two pairs of columns, the flow through the lifecycle beside the position now, to keep it short. */
function summary(t: BoardReportDocInput['totals'], asOf: string): FileChild[] {
  const flow: [string, number][] = [
    ['Recommendations made', t.made],
    ['Accepted', t.accepted],
    ['Implemented', t.implemented],
    ['Closed', t.closed],
  ];
  const now: [string, number][] = [
    [`Open at ${asOf}`, t.open],
    ['of which overdue', t.overdue],
    ['Escalated', t.escalated],
  ];
  const rows = flow.map(([label, n], i) => [label, String(n), now[i]?.[0] ?? '', now[i] ? String(now[i][1]) : '']);
  return [h1('Summary'), houseTable(['Measure', 'Number', 'Measure', 'Number'], rows, [34, 16, 34, 16])];
}

function byDirectorGeneral(byDg: BoardReportDocInput['byDg']): FileChild[] {
  const out: FileChild[] = [h1('By Director General')];
  if (!byDg.length) return [...out, para('No recommendations are assigned to a Director General.')];
  out.push(
    houseTable(['Director General', 'Made', 'Open', 'Implemented', 'Overdue', 'Escalated'], byDg.map((d) => [d.dg, ...[d.made, d.open, d.implemented, d.overdue, d.escalated].map(String)]), [28, 13, 13, 17, 14, 15]),
    new Paragraph({ style: 'Note', keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text: 'Figure 1: open and overdue recommendations by Director General', bold: true, color: COLOUR.ink })] }),
    chart(byDg),
    note('Each bar is the number of open recommendations; its darker part is those overdue. The numbers are also in the table above.'),
  );
  return out;
}

function attention(items: BoardReportDocInput['attention']): FileChild[] {
  const out: FileChild[] = [h1('Needing the Board’s attention')];
  if (!items.length) return [...out, para('No recommendation is overdue or escalated.')];
  for (const a of items) {
    const facts = [
      a.dg ?? NO_DG,
      `owner ${a.owner || '—'}`,
      a.targetDate ? `target ${formatDateLong(a.targetDate)}` : 'no target date',
      a.status,
      a.overdueDays !== null && `overdue by ${plural(a.overdueDays, 'day')}`,
      a.escalation,
    ].filter((f): f is string => Boolean(f));
    const short = shorten(a.text, HEADING_CHARS - a.ref.length - 2);
    out.push(h2(`${a.ref}: ${short}`), note(facts.join(' · ')));
    if (short !== a.text.replace(/\s+/g, ' ').trim()) out.push(para(`Recommendation: ${a.text}`));
    out.push(...paragraphs(a.narrative));
  }
  return out;
}

function madeAndImplemented(input: BoardReportDocInput): FileChild[] {
  return [
    h1('Made this quarter'),
    input.made.length
      ? houseTable(['Ref', 'Recommendation', 'Accountable DG', 'Panel date', 'Target date'], input.made.map((m) => [refCell(m.ref), m.text, m.dg ?? NO_DG, date(m.panelDate), date(m.targetDate)]), [23, 28, 19, 15, 15])
      : para('No recommendations were made this quarter.'),
    h1('Implemented this quarter'),
    input.implemented.length
      ? houseTable(['Ref', 'Recommendation', 'Accountable DG', 'Implemented'], input.implemented.map((m) => [refCell(m.ref), m.text, m.dg ?? NO_DG, date(m.on)]), [23, 41, 19, 17])
      : para('No recommendations were implemented this quarter.'),
  ];
}

export function buildBoardReport(input: BoardReportDocInput): Document {
  const asOf = formatDateLong(input.asOf);
  const children: FileChild[] = [
    ...titleBlock('Serious Case Panel: report to the Board', [input.quarter, `${formatDateLong(input.period.start)} to ${formatDateLong(input.period.end)}`, `Position as at ${asOf}`]),
    ...summary(input.totals, asOf),
    ...byDirectorGeneral(input.byDg),
    ...attention(input.attention),
    ...madeAndImplemented(input),
    note('The panel discusses themes, never individual cases.'),
  ];
  return houseDocument({
    title: 'Report to the Board',
    context: `Serious Case Panel ${input.quarter}`,
    marking: input.marking,
    draft: false,
    children,
    description: `Report to the Board on the Serious Case Panel's recommendations, ${input.quarter}.`,
  });
}
