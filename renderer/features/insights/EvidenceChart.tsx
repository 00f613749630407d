import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, EVIDENCE_TYPE_SHORT, type EvidenceType } from '#shared/domain/evidence';
import type { EvidenceQuarter } from '#shared/domain/insights';
import { ErrorState, Loading } from '../../ui/States';
import { ChartCard, chartLabel, fmt, legendProps, SERIES_COLOURS, shortQuarter, tooltipProps } from './ChartCard';
import { useEvidenceByQuarter } from './hooks';

const TITLE = 'Evidence by source, by financial quarter';
const CHOICES = [8, 12, 20] as const;
const PLURAL: Record<EvidenceType, string> = {
  ipr: 'Internal Process Reviews',
  complaint: 'complaint themes',
  frontline: 'frontline feedback',
  ice: 'ICE reports',
  pfd: 'coroners’ reports',
  sar: 'Safeguarding Adult Reviews',
  other: 'other reports',
};

export function evidenceSummary(rows: EvidenceQuarter[]): string {
  const total = rows.reduce((t, r) => t + r.total, 0);
  if (rows.length === 0 || total === 0) return `No evidence was received in the last ${rows.length} quarters.`;
  const peak = rows.reduce((m, r) => (r.total > m.total ? r : m), rows[0]);
  const bySource = EVIDENCE_TYPES.map((t) => ({ t, n: rows.reduce((s, r) => s + r.counts[t], 0) })).sort((a, b) => b.n - a.n)[0];
  return (
    `${fmt(total)} items of evidence were received from ${rows[0].quarter} to ${rows[rows.length - 1].quarter} (to date), ` +
    `most in ${peak.quarter} (${fmt(peak.total)}). The largest source was ${PLURAL[bySource.t]} (${Math.round((bySource.n / total) * 100)}%).`
  );
}

export function EvidenceChart() {
  const [quarters, setQuarters] = useState<number>(12);
  const q = useEvidenceByQuarter(quarters);
  const rows = q.data ?? [];
  const data = rows.map((r) => ({ label: shortQuarter(r.quarter), ...Object.fromEntries(EVIDENCE_TYPES.map((t) => [EVIDENCE_TYPE_SHORT[t], r.counts[t]])) }));
  return (
    <ChartCard
      id="chart-evidence"
      title={TITLE}
      wide
      summary={q.isPending ? 'Loading…' : q.isError ? 'The figures could not be loaded.' : evidenceSummary(rows)}
      controls={
        <label className="chart-card__control">
          <span>Quarters shown</span>
          <select value={quarters} onChange={(e) => setQuarters(Number(e.target.value))}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                Last {c}
              </option>
            ))}
          </select>
        </label>
      }
      chart={
        q.isPending
          ? () => <Loading what="the evidence figures" />
          : q.isError
            ? () => <ErrorState error={q.error} onRetry={() => q.refetch()} />
            : (width) => (
                <BarChart width={width} height={280} data={data} role="img" aria-label={chartLabel(TITLE)}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
                  <YAxis allowDecimals={false} fontSize={12} width={48} tickFormatter={fmt} />
                  <Tooltip {...tooltipProps('', EVIDENCE_TYPES.map((t) => EVIDENCE_TYPE_SHORT[t]))} />
                  <Legend {...legendProps} />
                  {EVIDENCE_TYPES.map((t, i) => (
                    <Bar key={t} dataKey={EVIDENCE_TYPE_SHORT[t]} stackId="a" fill={SERIES_COLOURS[i]} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
                  ))}
                </BarChart>
              )
      }
      table={
        <table className="table table--compact">
          <caption className="visually-hidden">{TITLE}: items received</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              {EVIDENCE_TYPES.map((t) => (
                <th key={t} scope="col" className="num">
                  <abbr title={EVIDENCE_TYPE_LABELS[t]}>{EVIDENCE_TYPE_SHORT[t]}</abbr>
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.quarter}>
                <th scope="row">{r.quarter}</th>
                {EVIDENCE_TYPES.map((t) => (
                  <td key={t} className="num">
                    {fmt(r.counts[t])}
                  </td>
                ))}
                <td className="num">{fmt(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
