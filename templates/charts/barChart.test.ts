// The SVG chart builder: bars in proportion to the numbers, every label written, nothing outside
// the picture, no NaN whatever the input, and a chart that says "No data" when there is none.
import { describe, expect, it } from 'vitest';
import { barChart, emptyChart, niceScale, type BarChartSpec } from './barChart';
import { fit, textWidth, wrapText } from './measure';
import { CHART_COLOUR, contrast } from './palette';
import { COLOUR } from '../style/theme';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bar drawn for series `k`, category `i`, or undefined when none is drawn. */
function bar(svg: string, k: number, i: number): Box | undefined {
  const m = new RegExp(`<rect id="bar-${k}-${i}" x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`).exec(svg);
  return m ? { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) } : undefined;
}
const texts = (svg: string) => [...svg.matchAll(/<text x="([-\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
const words = (svg: string) => texts(svg).map((t) => t.text);
const size = (svg: string) => /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);

const statuses: BarChartSpec = {
  direction: 'horizontal',
  width: 600,
  categories: ['Proposed', 'Accepted', 'Not accepted', 'In progress', 'Implemented', 'Closed'],
  series: [{ name: 'Recommendations', colour: CHART_COLOUR.bar, values: [3, 8, 1, 13, 10, 6] }],
  axisTitle: 'Recommendations',
};

describe('bar chart SVG', () => {
  it('draws horizontal bars in proportion to the numbers, on a round scale, each with its number', () => {
    const { svg, width, height } = barChart(statuses);
    expect([width, height]).toEqual(size(svg));
    const values = statuses.series[0].values;
    const widths = values.map((_, i) => bar(svg, 0, i)!.width);
    // 13 on a scale of 15: each bar's width over its count is the same, within the 0.1 px rounding
    const perUnit = widths[3] / 13;
    values.forEach((v, i) => expect(widths[i]).toBeCloseTo(v * perUnit, 0));
    expect(widths[3] / widths[1]).toBeCloseTo(13 / 8, 2);
    // all bars start at the axis
    expect(new Set(values.map((_, i) => bar(svg, 0, i)!.x)).size).toBe(1);
    const w = words(svg);
    for (const c of statuses.categories) expect(w).toContain(c);
    for (const v of values) expect(w).toContain(String(v));
    expect(w).toEqual(expect.arrayContaining(['0', '5', '10', '15', 'Recommendations']));
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('stacks the series from the axis, parts touching, the legend naming each and the words at the end', () => {
    const spec: BarChartSpec = {
      direction: 'horizontal',
      width: 600,
      categories: ['Dana General', 'Evan Director', 'Gwen Price-Llewellyn'],
      series: [
        { name: 'Overdue', colour: CHART_COLOUR.overdue, values: [4, 0, 0] },
        { name: 'Open, not overdue', colour: CHART_COLOUR.open, values: [6, 5, 0] },
      ],
      valueLabels: ['10 open, 4 overdue', '5 open, 0 overdue', 'none open'],
      axisTitle: 'Open recommendations',
    };
    const { svg } = barChart(spec);
    const late = bar(svg, 0, 0)!;
    const rest = bar(svg, 1, 0)!;
    expect(rest.x).toBeCloseTo(late.x + late.width, 0);
    expect(rest.width / late.width).toBeCloseTo(6 / 4, 1);
    expect((late.width + rest.width) / bar(svg, 1, 1)!.width).toBeCloseTo(10 / 5, 1);
    // a zero draws no bar at all, and its words still say so
    expect(bar(svg, 0, 1)).toBeUndefined();
    expect(bar(svg, 0, 2)).toBeUndefined();
    expect(bar(svg, 1, 2)).toBeUndefined();
    expect(words(svg)).toEqual(expect.arrayContaining(['Overdue', 'Open, not overdue', '10 open, 4 overdue', 'none open', 'Gwen Price-Llewellyn']));
    expect(svg).toContain(`fill="#${CHART_COLOUR.overdue}"`);
  });

  it('draws columns in proportion, writes each quarter once and each year once under its quarters', () => {
    const counts = [1, 3, 0, 6, 4, 12];
    const categories = ['Q3\n2024-25', 'Q4\n2024-25', 'Q1\n2025-26', 'Q2\n2025-26', 'Q3\n2025-26', 'Q4\n2025-26'];
    const { svg } = barChart({ direction: 'vertical', width: 600, categories, series: [{ name: 'Items', colour: CHART_COLOUR.bar, values: counts }], axisTitle: 'Items of evidence received' });
    const heights = counts.map((_, i) => bar(svg, 0, i)?.height ?? 0);
    counts.forEach((c, i) => expect(heights[i]).toBeCloseTo((c / 12) * heights[5], 0));
    expect(heights[2]).toBe(0);
    // columns stand on the same line
    const bottoms = counts.map((_, i) => bar(svg, 0, i)).filter(Boolean).map((b) => b!.y + b!.height);
    expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThan(0.2);
    const w = words(svg);
    expect(w.filter((t) => t === '2024-25')).toHaveLength(1);
    expect(w.filter((t) => t === '2025-26')).toHaveLength(1);
    expect(w.filter((t) => /^Q\d$/.test(t))).toHaveLength(6);
    for (const c of counts) expect(w).toContain(String(c));
    expect(w).toContain('Items of evidence received');
  });

  it('gives a clear "No data" chart for no categories or no series, never NaN', () => {
    for (const spec of [
      { ...statuses, categories: [] },
      { ...statuses, series: [] },
      { ...statuses, direction: 'vertical' as const, categories: [] },
    ]) {
      const { svg, width, height } = barChart(spec);
      expect(words(svg)).toEqual(['No data']);
      expect(width).toBe(600);
      expect(height).toBeGreaterThan(40);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
    expect(words(emptyChart(300, 'Nothing recorded yet').svg)).toEqual(['Nothing recorded yet']);
  });

  it('draws all-zero, negative and non-numbers as nothing, with a scale and no NaN', () => {
    for (const direction of ['horizontal', 'vertical'] as const) {
      const { svg } = barChart({ ...statuses, direction, series: [{ name: 'x', colour: CHART_COLOUR.bar, values: [0, Number.NaN, -3, Infinity, 0, 0] }] });
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      expect(svg).not.toContain('id="bar-');
      expect(words(svg).filter((t) => t === '0').length).toBeGreaterThanOrEqual(6);
    }
  });

  it('escapes labels and keeps every word inside the picture, long names wrapped or cut', () => {
    const long = 'Director General, Work and Health Services Transformation and Change Portfolio';
    const { svg, width } = barChart({ ...statuses, categories: ['Fraud & Error <Ops>', long], series: [{ name: 'n', colour: CHART_COLOUR.bar, values: [2, 200] }] });
    expect(svg).toContain('Fraud &amp; Error &lt;Ops&gt;');
    expect(svg).not.toContain('<Ops>');
    for (const t of texts(svg)) expect(t.x, t.text).toBeGreaterThanOrEqual(0);
    for (const t of texts(svg)) expect(t.x, t.text).toBeLessThanOrEqual(width);
    expect(words(svg).some((t) => t.endsWith('…'))).toBe(true);
    // the longest bar ends before the words that follow it, and they end inside the picture
    const longest = bar(svg, 0, 1)!;
    expect(longest.x + longest.width + 6 + textWidth('200', 12)).toBeLessThanOrEqual(width);
  });
});

describe('chart helpers', () => {
  it('puts the scale on a round number at or above the largest count, in whole steps', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(7)).toEqual({ max: 8, step: 2 });
    expect(niceScale(10)).toEqual({ max: 10, step: 2 });
    expect(niceScale(13)).toEqual({ max: 15, step: 5 });
    expect(niceScale(24)).toEqual({ max: 25, step: 5 });
    expect(niceScale(130)).toEqual({ max: 150, step: 50 });
    for (let m = 1; m < 500; m += 7) {
      const s = niceScale(m);
      expect(s.max).toBeGreaterThanOrEqual(m);
      expect(Number.isInteger(s.step)).toBe(true);
      expect(s.max / s.step).toBeLessThanOrEqual(10);
    }
  });

  it('measures, wraps and cuts text as Arial sets it', () => {
    expect(textWidth('0000', 10)).toBeCloseTo(22.24, 2);
    expect(textWidth('Closed', 12, true)).toBeGreaterThan(textWidth('Closed', 12));
    expect(wrapText('Director General for Work and Health', 120, 12, 2)).toEqual(['Director General for', 'Work and Health']);
    const cut = wrapText('Director General for Work and Health Services Transformation', 120, 12, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith('…')).toBe(true);
    expect(textWidth(fit('A very long label indeed', 60, 12), 12)).toBeLessThanOrEqual(60);
  });

  it('uses colours that stand out from the page, and text that can be read', () => {
    for (const c of Object.values(CHART_COLOUR)) expect(contrast(c, 'FFFFFF'), c).toBeGreaterThanOrEqual(3);
    expect(contrast(COLOUR.ink, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(COLOUR.muted, 'FFFFFF')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 5);
  });
});
