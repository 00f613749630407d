// The quarterly report to the departmental Board: the totals, recommendations by status and by
// Director General (each a chart with its numbers in a table), what needs the Board's attention,
// and what was made and implemented in the quarter.
import type { Document, FileChild } from 'docx';
import { formatDateCompact, formatDateLong } from '#shared/format';
import { barChart } from '../charts/barChart';
import { CHART_WIDTH, chartFigure, figureCaption, type Rasterise } from '../charts/figure';
import { CHART_COLOUR } from '../charts/palette';
import { h1, h2, houseTable, note, para, paragraphs, refCell, shorten, titleBlock } from '../style/blocks';
import { houseDocument } from '../style/houseDocument';

export interface BoardReportDocInput {
  marking: string;
  quarter: string; // "2026-27 Q3"
  period: { start: string; end: string }; // ISO dates
  asOf: string;
  totals: { made: number; accepted: number; implemented: number; closed: number; open: number; overdue: number; escalated: number };
  byDg: { dg: string; made: number; open: number; implemented: number; overdue: number; escalated: number }[];
  /** every recommendation made up to asOf, counted by status, in the order of the lifecycle */
  byStatus: { status: string; count: number }[];
  /** one short narrative per overdue or escalated recommendation */
  attention: { ref: string; text: string; dg: string | null; owner: string; targetDate: string | null; status: string; overdueDays: number | null; escalation: string | null; narrative: string }[];
  made: { ref: string; text: string; dg: string | null; targetDate: string | null; panelDate: string }[];
  implemented: { ref: string; text: string; dg: string | null; on: string }[];
}

const NO_DG = 'No Director General named';
/** About what a heading 2 holds on one line of a portrait page. */
const HEADING_CHARS = 66;
const date = (iso: string | null) => (iso ? formatDateCompact(iso) : '—');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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

function byStatus(rows: BoardReportDocInput['byStatus'], asOf: string, rasterise: Rasterise): FileChild[] {
  const out: FileChild[] = [h1('By status')];
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (!total) return [...out, para(`No recommendations had been made by ${asOf}.`)];
  const title = 'Figure 1: recommendations by status';
  const chart = barChart({
    direction: 'horizontal',
    width: CHART_WIDTH,
    categories: rows.map((r) => r.status),
    series: [{ name: 'Recommendations', colour: CHART_COLOUR.bar, values: rows.map((r) => r.count) }],
    axisTitle: 'Recommendations',
  });
  const description = `Bar chart of the ${plural(total, 'recommendation')} made up to ${asOf}, by status: ${rows.map((r) => `${r.status} ${r.count}`).join('; ')}.`;
  return [
    ...out,
    figureCaption(title),
    chartFigure(chart, { title, description }, rasterise),
    statusTable(rows, total),
    note(`All ${plural(total, 'recommendation')} the panel had made by ${asOf}, by their status.`),
  ];
}

/** The chart's numbers in two pairs of columns, as the summary is laid out, and the total. */
function statusTable(rows: BoardReportDocInput['byStatus'], total: number) {
  const half = Math.ceil(rows.length / 2);
  const cells = (r: BoardReportDocInput['byStatus'][number] | undefined) => (r ? [r.status, String(r.count)] : ['', '']);
  const body = rows.slice(0, half).map((r, i) => [...cells(r), ...cells(rows[half + i])]);
  return houseTable(['Status', 'Number', 'Status', 'Number'], [...body, ['All', String(total), '', '']], [34, 16, 34, 16], { keepTogether: true });
}

function byDirectorGeneral(byDg: BoardReportDocInput['byDg'], rasterise: Rasterise): FileChild[] {
  const out: FileChild[] = [h1('By Director General')];
  if (!byDg.length) return [...out, para('No recommendations are assigned to a Director General.')];
  const title = 'Figure 2: open and overdue recommendations by Director General';
  const overdue = byDg.map((d) => Math.min(d.overdue, d.open));
  const chart = barChart({
    direction: 'horizontal',
    width: CHART_WIDTH,
    categories: byDg.map((d) => d.dg),
    series: [
      { name: 'Overdue', colour: CHART_COLOUR.overdue, values: overdue },
      { name: 'Open, not overdue', colour: CHART_COLOUR.open, values: byDg.map((d, i) => d.open - overdue[i]) },
    ],
    valueLabels: byDg.map((d) => (d.open ? `${d.open} open, ${d.overdue} overdue` : 'none open')),
    axisTitle: 'Open recommendations',
  });
  const description = `Bar chart, one bar per Director General, of open recommendations with the overdue part drawn first: ${byDg
    .map((d) => `${d.dg}, ${d.open ? `${d.open} open, ${d.overdue ? `${d.overdue} overdue` : 'none overdue'}` : 'none open'}`)
    .join('; ')}.`;
  out.push(
    houseTable(['Director General', 'Made', 'Open', 'Implemented', 'Overdue', 'Escalated'], byDg.map((d) => [d.dg, ...[d.made, d.open, d.implemented, d.overdue, d.escalated].map(String)]), [28, 13, 13, 17, 14, 15]),
    figureCaption(title),
    chartFigure(chart, { title, description }, rasterise),
    note('Each bar is the number of open recommendations; its darker first part is those overdue. The numbers are also in the table above.'),
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

/** `rasterise` draws the charts' PNG for readers without SVG; main passes its resvg one. */
export function buildBoardReport(input: BoardReportDocInput, rasterise: Rasterise): Document {
  const asOf = formatDateLong(input.asOf);
  const children: FileChild[] = [
    ...titleBlock('Serious Case Panel: report to the Board', [input.quarter, `${formatDateLong(input.period.start)} to ${formatDateLong(input.period.end)}`, `Position as at ${asOf}`]),
    ...summary(input.totals, asOf),
    ...byStatus(input.byStatus, asOf, rasterise),
    ...byDirectorGeneral(input.byDg, rasterise),
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
