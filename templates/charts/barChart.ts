// Bar charts drawn as SVG from plain numbers, for Word documents: horizontal bars (one row per
// category) or columns (one per category), simple or stacked, with a scale, gridlines, a legend
// and the number at the end of every bar, so no bar has to be read by its colour or length alone.
// Only attributes every SVG reader knows (Word, LibreOffice, resvg): no CSS, no fonts embedded.
import { COLOUR } from '../style/theme';
import { fit, textWidth, wrapText } from './measure';

export interface BarSeries {
  name: string;
  /** "RRGGBB", as the house colours are written */
  colour: string;
  values: number[];
}

export interface BarChartSpec {
  direction: 'horizontal' | 'vertical';
  /**
   * One per bar. A column's label may have a second line after "\n" that neighbouring columns
   * share (the year under its quarters): it is written once, under the run.
   */
  categories: string[];
  /** One series draws simple bars; more are stacked, the first next to the axis. */
  series: BarSeries[];
  /** The words at the end of each bar; the bar's total when not given. */
  valueLabels?: string[];
  /** What the scale counts, e.g. "Recommendations". */
  axisTitle: string;
  /** Pixels at 96 to the inch: the width the picture takes on the page. */
  width: number;
  /** Columns only: the height of the plot area. */
  plotHeight?: number;
  /** Said instead of a chart when there is nothing to draw. */
  empty?: string;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

export const CHART_FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', Helvetica, sans-serif";
const SIZE = { label: 12, tick: 11, value: 12, legend: 12, empty: 14 } as const;
const INK = `#${COLOUR.ink}`;
const MUTED = `#${COLOUR.muted}`;
/** Gridlines only guide the eye; the numbers are written on the bars. */
const GRID = '#D5DBE1';
const PAD = 8;
/** A bar above zero is drawn at least this wide, so it is never lost. */
const MIN_BAR = 2;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => String(Math.round(x * 10) / 10);
const count = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

type Anchor = 'start' | 'middle' | 'end';
function text(x: number, y: number, t: string, o: { size: number; anchor?: Anchor; bold?: boolean; fill?: string }): string {
  const weight = o.bold ? ' font-weight="bold"' : '';
  return `<text x="${n(x)}" y="${n(y)}" font-family="${esc(CHART_FONT)}" font-size="${o.size}"${weight} fill="${o.fill ?? INK}" text-anchor="${o.anchor ?? 'start'}">${esc(t)}</text>`;
}
/** Text on a white ground, so a gridline never runs through a bar's number. */
function backedText(x: number, y: number, t: string, o: { size: number; anchor?: Anchor; bold?: boolean }): string {
  const w = textWidth(t, o.size, o.bold) + 4;
  const left = o.anchor === 'middle' ? x - w / 2 : o.anchor === 'end' ? x - w + 2 : x - 2;
  return `<rect x="${n(left)}" y="${n(y - o.size)}" width="${n(w)}" height="${n(o.size + 4)}" fill="#FFFFFF"/>${text(x, y, t, o)}`;
}
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string) => `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="1"/>`;
function rect(x: number, y: number, w: number, h: number, fill: string, o: { id?: string; separate?: boolean } = {}): string {
  const id = o.id ? ` id="${o.id}"` : '';
  // a white edge between stacked parts, so two parts never touch colour to colour
  const edge = o.separate ? ' stroke="#FFFFFF" stroke-width="1"' : '';
  return `<rect${id} x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="#${fill}"${edge}/>`;
}

function svg(width: number, height: number, body: string[]): Chart {
  const h = Math.ceil(height);
  return {
    width,
    height: h,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}"><rect width="${width}" height="${h}" fill="#FFFFFF"/>${body.join('')}</svg>`,
  };
}

/** A round top for the scale at or above the largest total, in whole-number steps (these are counts). */
export function niceScale(largest: number): { max: number; step: number } {
  const m = count(largest);
  if (m === 0) return { max: 1, step: 1 };
  const rough = m / 5;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * pow).find((s) => s >= rough && Number.isInteger(s)) ?? Math.max(1, 10 * pow);
  return { max: Math.ceil(m / step) * step, step };
}

function ticks(scale: { max: number; step: number }): number[] {
  const out: number[] = [];
  for (let t = 0; t <= scale.max + 1e-9; t += scale.step) out.push(t);
  return out;
}

/** The chart for no data: the same width, a frame and the words, never NaN or an empty picture. */
export function emptyChart(width: number, message = 'No data'): Chart {
  const height = 72;
  return svg(width, height, [
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${GRID}" stroke-width="1"/>`,
    text(width / 2, height / 2 + 5, message, { size: SIZE.empty, anchor: 'middle', fill: MUTED }),
  ]);
}

function legend(series: BarSeries[], x: number, y: number): string[] {
  const out: string[] = [];
  for (const s of series) {
    out.push(rect(x, y, 12, 12, s.colour), text(x + 17, y + 10.5, s.name, { size: SIZE.legend }));
    x += 17 + textWidth(s.name, SIZE.legend) + 18;
  }
  return out;
}

function horizontal(spec: BarChartSpec, totals: number[], labels: string[]): Chart {
  const { width, series, categories } = spec;
  const scale = niceScale(Math.max(...totals));
  const out: string[] = [];
  const labelMax = Math.round(width * 0.3);
  const names = categories.map((c) => wrapText(c, labelMax, SIZE.label, 2, true));
  const labelW = Math.max(...names.flat().map((l) => textWidth(l, SIZE.label, true)));
  const valueW = Math.min(Math.round(width * 0.3), Math.max(...labels.map((l) => textWidth(l, SIZE.value))));
  const plotX = PAD + labelW + 10;
  const plotW = Math.max(40, width - plotX - 8 - valueW - PAD);
  const x = (v: number) => plotX + (v / scale.max) * plotW;

  let y = PAD;
  if (series.length > 1) {
    out.push(...legend(series, plotX, y));
    y += 26;
  }
  const top = y;
  const rows = names.map((lines) => Math.max(30, lines.length * 15 + 12));
  const bottom = top + rows.reduce((a, b) => a + b, 0);
  for (const t of ticks(scale)) out.push(line(x(t), top, x(t), bottom, GRID), text(x(t), bottom + 15, String(t), { size: SIZE.tick, anchor: 'middle', fill: MUTED }));
  categories.forEach((_, i) => {
    const mid = y + rows[i] / 2;
    names[i].forEach((l, j) => out.push(text(plotX - 8, mid + 4 + (j - (names[i].length - 1) / 2) * 15, l, { size: SIZE.label, anchor: 'end', bold: true })));
    let at = 0;
    series.forEach((s, k) => {
      const v = count(s.values[i]);
      if (!v) return;
      const w = Math.max(MIN_BAR, x(at + v) - x(at));
      out.push(rect(x(at), mid - 9, w, 18, s.colour, { id: `bar-${k}-${i}`, separate: series.length > 1 }));
      at += v;
    });
    const end = totals[i] ? Math.max(x(totals[i]), plotX + MIN_BAR) : plotX;
    out.push(backedText(end + 6, mid + 4, fit(labels[i], valueW, SIZE.value), { size: SIZE.value }));
    y += rows[i];
  });
  out.push(line(plotX, top, plotX, bottom, MUTED), line(plotX, bottom, plotX + plotW, bottom, MUTED));
  out.push(text(plotX + plotW / 2, bottom + 33, spec.axisTitle, { size: SIZE.tick, anchor: 'middle', fill: MUTED }));
  return svg(width, bottom + 33 + 5 + PAD, out);
}

function vertical(spec: BarChartSpec, totals: number[], labels: string[]): Chart {
  const { width, series, categories } = spec;
  const scale = niceScale(Math.max(...totals));
  const out: string[] = [];
  let y = PAD;
  if (series.length > 1) {
    out.push(...legend(series, PAD, y));
    y += 26;
  }
  out.push(text(PAD, y + 11, spec.axisTitle, { size: SIZE.tick, fill: MUTED }));
  y += 18;
  const tickW = Math.max(...ticks(scale).map((t) => textWidth(String(t), SIZE.tick)));
  const plotX = PAD + tickW + 8;
  const plotW = width - plotX - PAD;
  const top = y + 16; // room for the number over the tallest column
  const plotH = spec.plotHeight ?? 140;
  const bottom = top + plotH;
  const yOf = (v: number) => bottom - (v / scale.max) * plotH;
  const slot = plotW / categories.length;
  const barW = Math.min(48, slot * 0.62);
  for (const t of ticks(scale)) out.push(line(plotX, yOf(t), plotX + plotW, yOf(t), GRID), text(plotX - 6, yOf(t) + 4, String(t), { size: SIZE.tick, anchor: 'end', fill: MUTED }));
  categories.forEach((_, i) => {
    const left = plotX + slot * i + (slot - barW) / 2;
    let at = 0;
    series.forEach((s, k) => {
      const v = count(s.values[i]);
      if (!v) return;
      const h = Math.max(MIN_BAR, yOf(at) - yOf(at + v));
      out.push(rect(left, yOf(at) - h, barW, h, s.colour, { id: `bar-${k}-${i}`, separate: series.length > 1 }));
      at += v;
    });
    const tip = totals[i] ? Math.min(yOf(totals[i]), bottom - MIN_BAR) : bottom;
    const centre = left + barW / 2;
    out.push(backedText(centre, tip - 5, fit(labels[i], slot - 2, SIZE.value), { size: SIZE.value, anchor: 'middle', bold: true }));
    out.push(text(centre, bottom + 16, fit(categories[i].split('\n')[0], slot - 2, SIZE.label), { size: SIZE.label, anchor: 'middle' }));
  });
  out.push(line(plotX, bottom, plotX + plotW, bottom, MUTED));
  const groups = groupLabels(categories);
  for (const g of groups) {
    const from = plotX + slot * g.from;
    const to = plotX + slot * (g.to + 1);
    out.push(text((from + to) / 2, bottom + 31, fit(g.label, to - from - 4, SIZE.tick), { size: SIZE.tick, anchor: 'middle', fill: MUTED }));
    if (g.from > 0) out.push(line(from, bottom, from, bottom + 34, GRID));
  }
  return svg(width, bottom + (groups.length ? 31 : 16) + 5 + PAD, out);
}

/** Runs of columns whose labels share a second line ("Q3\n2024-25", "Q4\n2024-25"): the year is written once under its run. */
function groupLabels(categories: string[]): { label: string; from: number; to: number }[] {
  const out: { label: string; from: number; to: number }[] = [];
  categories.forEach((c, i) => {
    const label = c.split('\n')[1];
    if (label === undefined) return;
    const last = out[out.length - 1];
    if (last && last.label === label && last.to === i - 1) last.to = i;
    else out.push({ label, from: i, to: i });
  });
  return out;
}

export function barChart(spec: BarChartSpec): Chart {
  const { categories, series } = spec;
  if (!categories.length || !series.length) return emptyChart(spec.width, spec.empty);
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + count(s.values[i]), 0));
  const labels = categories.map((_, i) => spec.valueLabels?.[i] ?? String(totals[i]));
  return spec.direction === 'horizontal' ? horizontal(spec, totals, labels) : vertical(spec, totals, labels);
}
