import type { ReactNode } from 'react';
import { useWidth } from '../../ui/useWidth';

/**
 * Colours for series, each at least 4.5:1 against white (so legend text and thin bars read), in
 * an order where neighbours differ in lightness as well as hue. Colour is never the only signal:
 * every chart has a legend and tooltip in words and its figures in a table.
 */
export const SERIES_COLOURS = ['#1d5c96', '#b04a0a', '#2e7d32', '#6a3d9a', '#a4262c', '#00707a', '#4f5a68'] as const;

interface Props {
  id: string;
  title: string;
  /** one or two sentences saying what the chart shows; read before the chart */
  summary: ReactNode;
  controls?: ReactNode;
  /** the chart, drawn to the given width */
  chart: ((width: number) => ReactNode) | null;
  /** the same figures as a table (or tables) */
  table: ReactNode;
  wide?: boolean;
}

/** A chart with its text alternative: a heading, a summary in words, and the figures as a table. */
export function ChartCard({ id, title, summary, controls, chart, table, wide }: Props) {
  const [box, width] = useWidth<HTMLDivElement>(560);
  return (
    <section className={`chart-card${wide ? ' chart-card--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="chart-card__summary">{summary}</p>
      {controls}
      <div ref={box} className="chart-card__figure">
        {chart?.(Math.max(260, width))}
      </div>
      <details className="chart-card__data">
        <summary>Figures as a table</summary>
        {/* Focusable so that a table wider than a small window can be scrolled from the keyboard. */}
        <div className="chart-card__table" role="region" aria-label={`${title}: figures`} tabIndex={0}>
          {table}
        </div>
      </details>
    </section>
  );
}

/** The image's own name: the summary above and the table below carry the detail. */
export const chartLabel = (title: string) => `Chart: ${title}. The summary above and the table below give the figures.`;

/** Legend entries in the page's ink, so their text does not depend on the series colour. */
export const legendProps = {
  formatter: (value: string) => <span className="chart-legend__text">{value}</span>,
  wrapperStyle: { fontSize: 13 },
  // In the order the series are stacked, not alphabetical.
  itemSorter: null,
};

/** Tooltip settings; `order` keeps the series in stacking order (Recharts sorts by name otherwise). */
export const tooltipProps = (unit = '', order?: readonly string[]) => ({
  formatter: (v: unknown) => `${Number(v).toLocaleString('en-GB')}${unit}`,
  cursor: { fill: '#eef2f6' },
  wrapperStyle: { fontSize: 13 },
  isAnimationActive: false,
  ...(order && { itemSorter: (item: { dataKey?: unknown }) => order.indexOf(String(item.dataKey)) }),
});

/** A round top for a value axis and its ticks (0, 25, 50…), leaving some room above `max`. */
export function niceAxis(max: number, ticks = 4): { top: number; ticks: number[] } {
  const raw = Math.max(1, max) / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => raw / magnitude <= m) ?? 10) * magnitude;
  const top = Math.ceil(max / step) * step;
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Math.round(i * step * 100) / 100) };
}

export const fmt = (n: number) => n.toLocaleString('en-GB');
export const shortQuarter = (q: string) => q.replace(/^20(\d\d)-(\d\d) /, '$1/$2 ');
