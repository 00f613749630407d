import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'wouter';
import type { ImplementQuarter, RecsByDg } from '#shared/domain/insights';
import { OPEN_REC_STATUSES, REC_STATUSES, REC_STATUS_LABELS, type RecStatus } from '#shared/domain/recommendations';
import { ErrorState, Loading } from '../../ui/States';
import { trackerHref } from '../dashboard/SummaryTiles';
import { ChartCard, chartLabel, fmt, legendProps, SERIES_COLOURS, shortQuarter, tooltipProps } from './ChartCard';
import { useRecommendationCharts } from './hooks';

const BY_DG = 'Recommendations by status and Director General';
const TTI = 'Time to implement';

// Open work in blues and amber, finished work in greens, not accepted in grey.
const STATUS_COLOURS: Record<RecStatus, string> = {
  proposed: SERIES_COLOURS[6],
  accepted: SERIES_COLOURS[0],
  'in-progress': SERIES_COLOURS[1],
  implemented: SERIES_COLOURS[5],
  closed: SERIES_COLOURS[2],
  'not-accepted': '#707b88',
};
// Stacked in the order of the lifecycle, so the finished part of each bar sits at its end.
const STACK: RecStatus[] = ['proposed', 'accepted', 'in-progress', 'implemented', 'closed', 'not-accepted'];

const sum = (rows: RecsByDg[], s: RecStatus) => rows.reduce((t, r) => t + r.counts[s], 0);

export function byDgSummary(rows: RecsByDg[]): string {
  const total = rows.reduce((t, r) => t + r.total, 0);
  if (total === 0) return 'No recommendations yet: they are made at a panel, in meeting mode.';
  const open = (r: RecsByDg) => OPEN_REC_STATUSES.reduce((t, s) => t + r.counts[s], 0);
  const most = [...rows].filter((r) => r.dgId !== null).sort((a, b) => open(b) - open(a))[0];
  const openAll = rows.reduce((t, r) => t + open(r), 0);
  return (
    `${fmt(total)} recommendations: ${fmt(sum(rows, 'closed'))} closed, ${fmt(sum(rows, 'implemented'))} implemented and awaiting closure, ${fmt(openAll)} open ` +
    `(proposed, accepted or in progress) and ${fmt(sum(rows, 'not-accepted'))} not accepted.` +
    (most && open(most) > 0 ? ` ${most.dgName} is accountable for the most open ones (${fmt(open(most))}).` : '')
  );
}

export function ttiSummary(rows: ImplementQuarter[]): string {
  const withData = rows.filter((r) => r.medianDays !== null);
  if (withData.length === 0) return 'No recommendation has been implemented yet, so there is no time to implement to show.';
  const made = rows.reduce((t, r) => t + r.made, 0);
  const done = rows.reduce((t, r) => t + r.implemented, 0);
  const fastest = withData.reduce((m, r) => (r.medianDays! < m.medianDays! ? r : m));
  const slowest = withData.reduce((m, r) => (r.medianDays! > m.medianDays! ? r : m));
  return (
    `${fmt(done)} of the ${fmt(made)} recommendations made from ${rows[0].quarter} to ${rows[rows.length - 1].quarter} are implemented. ` +
    `The median time from the panel to implementation ranged from ${fmt(fastest.medianDays!)} days (made in ${fastest.quarter}) to ${fmt(slowest.medianDays!)} days (made in ${slowest.quarter}); recent quarters are still being implemented.`
  );
}

export function RecommendationCharts() {
  const q = useRecommendationCharts();
  const pending = () => <Loading what="the recommendation figures" />;
  const failed = () => <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const byDg = q.data?.byDg ?? [];
  const tti = q.data?.timeToImplement ?? [];
  const summaryOr = (f: () => string) => (q.isPending ? 'Loading…' : q.isError ? 'The figures could not be loaded.' : f());
  const none = byDg.length === 0;
  return (
    <>
      <ChartCard
        id="chart-recs-dg"
        title={BY_DG}
        summary={summaryOr(() => byDgSummary(byDg))}
        chart={
          q.isPending
            ? pending
            : q.isError
              ? failed
              : none
                ? null
                : (width) => (
                    <BarChart
                      width={width}
                      height={Math.max(160, 44 * byDg.length + 70)}
                      layout="vertical"
                      data={byDg.map((g) => ({ name: g.dgName, ...Object.fromEntries(REC_STATUSES.map((s) => [REC_STATUS_LABELS[s], g.counts[s]])) }))}
                      role="img"
                      aria-label={chartLabel(BY_DG)}
                      margin={{ left: 8, right: 16 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" allowDecimals={false} fontSize={12} />
                      <YAxis type="category" dataKey="name" width={Math.min(170, Math.round(width * 0.35))} fontSize={12} />
                      <Tooltip {...tooltipProps('', STACK.map((s) => REC_STATUS_LABELS[s]))} />
                      <Legend {...legendProps} />
                      {STACK.map((s) => (
                        <Bar key={s} dataKey={REC_STATUS_LABELS[s]} stackId="a" fill={STATUS_COLOURS[s]} stroke="#fff" strokeWidth={1} isAnimationActive={false} />
                      ))}
                    </BarChart>
                  )
        }
        table={
          <table className="table table--compact">
            <caption className="visually-hidden">{BY_DG}</caption>
            <thead>
              <tr>
                <th scope="col">Director General</th>
                {STACK.map((s) => (
                  <th key={s} scope="col" className="num">
                    {REC_STATUS_LABELS[s]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {byDg.map((g) => (
                <tr key={g.dgId ?? 'none'}>
                  <th scope="row">{g.dgId === null ? g.dgName : <Link href={trackerHref({ dgId: g.dgId })}>{g.dgName}</Link>}</th>
                  {STACK.map((s) => (
                    <td key={s} className="num">
                      {fmt(g.counts[s])}
                    </td>
                  ))}
                  <td className="num">{fmt(g.total)}</td>
                </tr>
              ))}
            </tbody>
            {byDg.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">All</th>
                  {STACK.map((s) => (
                    <td key={s} className="num">
                      {fmt(sum(byDg, s))}
                    </td>
                  ))}
                  <td className="num">{fmt(byDg.reduce((t, r) => t + r.total, 0))}</td>
                </tr>
              </tfoot>
            )}
          </table>
        }
      />
      <ChartCard
        id="chart-tti"
        title={TTI}
        summary={summaryOr(() => ttiSummary(tti))}
        chart={
          q.isPending
            ? pending
            : q.isError
              ? failed
              : tti.every((r) => r.medianDays === null)
                ? null
                : (width) => (
                    <BarChart width={width} height={260} data={tti.map((r) => ({ label: shortQuarter(r.quarter), 'Median days': r.medianDays }))} role="img" aria-label={chartLabel(TTI)} margin={{ top: 18 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="label" fontSize={12} />
                      <YAxis allowDecimals={false} fontSize={12} width={44} label={{ value: 'days', angle: -90, position: 'insideLeft', fontSize: 12 }} />
                      <Tooltip {...tooltipProps(' days')} />
                      <Bar dataKey="Median days" fill={SERIES_COLOURS[0]} isAnimationActive={false}>
                        <LabelList dataKey="Median days" position="top" fontSize={12} fill="#1b1f24" />
                      </Bar>
                    </BarChart>
                  )
        }
        table={
          <table className="table table--compact">
            <caption className="visually-hidden">{TTI}: days from the panel to implementation, by the quarter the recommendation was made</caption>
            <thead>
              <tr>
                <th scope="col">Quarter made</th>
                <th scope="col" className="num">
                  Made
                </th>
                <th scope="col" className="num">
                  Implemented
                </th>
                <th scope="col" className="num">
                  Median days
                </th>
                <th scope="col" className="num">
                  Quickest
                </th>
                <th scope="col" className="num">
                  Slowest
                </th>
              </tr>
            </thead>
            <tbody>
              {tti.map((r) => (
                <tr key={r.quarter}>
                  <th scope="row">{r.quarter}</th>
                  <td className="num">{fmt(r.made)}</td>
                  <td className="num">{fmt(r.implemented)}</td>
                  <td className="num">{r.medianDays === null ? '—' : fmt(r.medianDays)}</td>
                  <td className="num">{r.minDays === null ? '—' : fmt(r.minDays)}</td>
                  <td className="num">{r.maxDays === null ? '—' : fmt(r.maxDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}
