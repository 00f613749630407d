import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'wouter';
import { IPR_STAGES, IPR_STAGE_LABELS, type CoronerYear, type IprTimeliness } from '#shared/domain/insights';
import { ErrorState, Loading } from '../../ui/States';
import { ChartCard, chartLabel, fmt, legendProps, niceAxis, SERIES_COLOURS, tooltipProps } from './ChartCard';
import { useCoronerTimeliness, useIprTimeliness } from './hooks';

const CORONER = 'Coroner response timeliness, by year of the report';
const IPR = 'Internal Process Review timeliness';
const YEARS = 6;

const CORONER_SERIES = [
  { key: 'onTime', label: 'On time', colour: SERIES_COLOURS[2] },
  { key: 'late', label: 'Late', colour: SERIES_COLOURS[1] },
  { key: 'overdue', label: 'Overdue', colour: SERIES_COLOURS[4] },
  { key: 'notYetDue', label: 'Not yet due', colour: '#707b88' },
] as const;

const total = (r: CoronerYear) => r.onTime + r.late + r.overdue + r.notYetDue;

export function coronerSummary(rows: CoronerYear[]): string {
  const all = rows.reduce((t, r) => t + total(r), 0);
  if (all === 0) return `No coroner’s report addressed to DWP is recorded for ${rows[0]?.fy ?? 'these years'} onwards.`;
  const s = (k: 'onTime' | 'late' | 'overdue' | 'notYetDue') => rows.reduce((t, r) => t + r[k], 0);
  const answered = s('onTime') + s('late');
  const pct = answered ? ` (${Math.round((s('onTime') / answered) * 100)}% of those answered)` : '';
  return (
    `Of ${fmt(all)} coroners’ reports addressed to DWP since ${rows[0].fy}, ${fmt(s('onTime'))} were answered within the 56 days or the agreed extension${pct} and ${fmt(s('late'))} late; ` +
    `${fmt(s('overdue'))} ${s('overdue') === 1 ? 'is' : 'are'} overdue and ${fmt(s('notYetDue'))} not yet due.`
  );
}

export function CoronerChart() {
  const q = useCoronerTimeliness(YEARS);
  const rows = q.data ?? [];
  return (
    <ChartCard
      id="chart-coroners"
      title={CORONER}
      wide
      summary={q.isPending ? 'Loading…' : q.isError ? 'The figures could not be loaded.' : coronerSummary(rows)}
      chart={
        q.isPending
          ? () => <Loading what="the coroner figures" />
          : q.isError
            ? () => <ErrorState error={q.error} onRetry={() => q.refetch()} />
            : rows.every((r) => total(r) === 0)
              ? null
              : (width) => (
                  <BarChart width={width} height={260} data={rows.map((r) => ({ fy: r.fy, ...Object.fromEntries(CORONER_SERIES.map((c) => [c.label, r[c.key]])) }))} role="img" aria-label={chartLabel(CORONER)}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="fy" fontSize={12} />
                    <YAxis allowDecimals={false} fontSize={12} width={44} tickFormatter={fmt} />
                    <Tooltip {...tooltipProps('', CORONER_SERIES.map((c) => c.label))} />
                    <Legend {...legendProps} />
                    {CORONER_SERIES.map((c) => (
                      <Bar key={c.key} dataKey={c.label} stackId="a" fill={c.colour} stroke="#fff" strokeWidth={1} maxBarSize={72} isAnimationActive={false} />
                    ))}
                  </BarChart>
                )
      }
      table={
        <>
          <table className="table table--compact">
            <caption className="visually-hidden">{CORONER}: responses to reports addressed to DWP</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                {CORONER_SERIES.map((c) => (
                  <th key={c.key} scope="col" className="num">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Reports
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.fy}>
                  <th scope="row">{r.fy}</th>
                  {CORONER_SERIES.map((c) => (
                    <td key={c.key} className="num">
                      {fmt(r[c.key])}
                    </td>
                  ))}
                  <td className="num">{fmt(total(r))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            Financial years (April to March) of the report’s date. A response is due 56 days after the report unless the coroner extended it. <Link href="/coroners">Coroners’ reports</Link>
          </p>
        </>
      }
    />
  );
}

/** The latest year with any review in it: what the summary speaks of. */
function latestYear(d: IprTimeliness) {
  return [...d.years].reverse().find((y) => IPR_STAGES.some((s) => y.stages[s].count > 0));
}

export function iprSummary(d: IprTimeliness): string {
  const y = latestYear(d);
  if (!y) return 'No Internal Process Review in the register has its stage dates recorded for these years.';
  const parts = IPR_STAGES.map((s) => {
    const f = y.stages[s];
    return f.medianDays === null ? `${IPR_STAGE_LABELS[s].toLowerCase()}: none completed` : `${IPR_STAGE_LABELS[s].toLowerCase()} ${fmt(f.medianDays)} days (target ${d.targets[s]})`;
  });
  const over = IPR_STAGES.filter((s) => y.stages[s].medianDays !== null && y.stages[s].medianDays! > d.targets[s]);
  return (
    `Median days in ${y.fy}: ${parts.join('; ')}. ` +
    (over.length ? `Over target: ${over.map((s) => IPR_STAGE_LABELS[s].toLowerCase()).join(' and ')}.` : 'Every stage’s median is within its target.')
  );
}

export function IprChart() {
  const q = useIprTimeliness(YEARS);
  return (
    <ChartCard
      id="chart-ipr"
      title={IPR}
      wide
      summary={q.isPending ? 'Loading…' : q.isError ? 'The figures could not be loaded.' : iprSummary(q.data)}
      chart={
        q.isPending
          ? () => <Loading what="the review figures" />
          : q.isError
            ? () => <ErrorState error={q.error} onRetry={() => q.refetch()} />
            : !latestYear(q.data)
              ? null
              : (width) => {
                  const d = q.data;
                  // Three small charts side by side when there is room, else one above the other.
                  const across = width >= 720 ? 3 : 1;
                  const each = Math.floor((width - (across - 1) * 16) / across);
                  return (
                    <div className="small-multiples" style={{ gridTemplateColumns: `repeat(${across}, minmax(0, 1fr))` }}>
                      {IPR_STAGES.map((s) => {
                        const target = d.targets[s];
                        const data = d.years.map((y) => ({ fy: y.fy.replace(/^20/, ''), 'Median days': y.stages[s].medianDays }));
                        const axis = niceAxis(Math.max(target, ...data.map((x) => x['Median days'] ?? 0)) * 1.15);
                        return (
                          <figure key={s} className="small-multiples__item">
                            <figcaption>
                              {IPR_STAGE_LABELS[s]} <span className="muted">(target {target} days: the dashed line)</span>
                            </figcaption>
                            <BarChart width={each} height={220} data={data} role="img" aria-label={chartLabel(`${IPR_STAGE_LABELS[s]}, median days by year`)} margin={{ top: 18, right: 8 }}>
                              <CartesianGrid strokeDasharray="3 3" vertical={false} />
                              <XAxis dataKey="fy" fontSize={11} interval={0} />
                              <YAxis allowDecimals={false} fontSize={11} width={36} domain={[0, axis.top]} ticks={axis.ticks} />
                              <Tooltip {...tooltipProps(' days')} />
                              <ReferenceLine y={target} stroke="#a4262c" strokeDasharray="6 3" strokeWidth={2} ifOverflow="extendDomain" />
                              <Bar dataKey="Median days" fill={SERIES_COLOURS[0]} maxBarSize={56} isAnimationActive={false}>
                                <LabelList dataKey="Median days" position="top" fontSize={11} fill="#1b1f24" />
                              </Bar>
                            </BarChart>
                          </figure>
                        );
                      })}
                    </div>
                  );
                }
      }
      table={
        q.data && (
          <>
            {IPR_STAGES.map((s) => (
              <table key={s} className="table table--compact">
                <caption className="table__caption">
                  {IPR_STAGE_LABELS[s]} (target {q.data.targets[s]} days)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Year the stage ended</th>
                    <th scope="col" className="num">
                      Reviews
                    </th>
                    <th scope="col" className="num">
                      Median days
                    </th>
                    <th scope="col" className="num">
                      Over target
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.years.map((y) => (
                    <tr key={y.fy}>
                      <th scope="row">{y.fy}</th>
                      <td className="num">{fmt(y.stages[s].count)}</td>
                      <td className="num">{y.stages[s].medianDays === null ? '—' : fmt(y.stages[s].medianDays!)}</td>
                      <td className="num">{fmt(y.stages[s].overTarget)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
            <p className="muted">
              Each stage is counted in the financial year it ended. The targets are set in <Link href="/settings">Settings</Link>.
            </p>
          </>
        )
      }
    />
  );
}
