import { Link } from 'wouter';
import type { RecDueGroup } from '#shared/domain/insights';
import { formatDateLong, formatTimestamp } from '#shared/format';
import { ErrorState, Loading } from '../../ui/States';
import { KIND_LABELS } from '../documents/DocumentsPage';
import { useDashboardSummary } from '../insights/hooks';
import { TableScroll } from '../../ui/TableScroll';

/** The tracker's address with these filters; the recommendations page reads them from it. */
export function trackerHref(params: Record<string, string | number>): string {
  return `/recommendations?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** Open recommendations past their target date or due by the end of this month, by accountable Director General. */
export function RecommendationsDueTile() {
  const q = useDashboardSummary();
  return (
    <section className="tile tile--wide" aria-labelledby="recs-due-tile">
      <h2 id="recs-due-tile">Recommendations overdue or due this month</h2>
      {q.isPending ? (
        <Loading what="recommendations" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <RecommendationsDue {...q.data.recommendations} monthFrom={q.data.monthFrom} monthTo={q.data.monthTo} />
      )}
    </section>
  );
}

function RecommendationsDue({ overdue, dueThisMonth, byDg, monthFrom, monthTo }: { overdue: number; dueThisMonth: number; byDg: RecDueGroup[]; monthFrom: string; monthTo: string }) {
  const due = (extra: Record<string, string | number> = {}) => trackerHref({ ...extra, open: 1, targetFrom: monthFrom, targetTo: monthTo });
  const by = formatDateLong(monthTo);
  if (overdue + dueThisMonth === 0) {
    return (
      <p>
        No open recommendation is overdue or due by {by}. <Link href="/recommendations">The recommendations tracker</Link>
      </p>
    );
  }
  return (
    <>
      <p className="tile__headline">
        {overdue > 0 ? (
          <Link href={trackerHref({ overdue: 1 })} className="text-danger">
            {overdue} overdue
          </Link>
        ) : (
          '0 overdue'
        )}
        ,{' '}
        {dueThisMonth > 0 ? <Link href={due()}>{dueThisMonth} due by {by}</Link> : `none due by ${by}`}
      </p>
      <TableScroll label="Recommendations by Director General">
        <table className="table table--compact">
          <caption className="visually-hidden">Open recommendations overdue or due by {by}, by accountable Director General</caption>
          <thead>
            <tr>
              <th scope="col">Director General</th>
              <th scope="col" className="num">
                Overdue
              </th>
              <th scope="col" className="num">
                Due this month
              </th>
            </tr>
          </thead>
          <tbody>
            {byDg.map((g) => {
              const name = g.dgName ?? 'No Director General assigned';
              const dg = g.dgId === null ? null : { dgId: g.dgId };
              return (
                <tr key={g.dgId ?? 'none'}>
                  <th scope="row">{dg ? <Link href={trackerHref({ ...dg, open: 1 })}>{name}</Link> : <span className="muted">{name}</span>}</th>
                  <td className="num">
                    {g.overdue > 0 && dg ? (
                      <Link href={trackerHref({ ...dg, overdue: 1 })} className="text-danger" aria-label={`${g.overdue} overdue for ${name}`}>
                        {g.overdue}
                      </Link>
                    ) : (
                      g.overdue
                    )}
                  </td>
                  <td className="num">
                    {g.dueThisMonth > 0 && dg ? (
                      <Link href={due(dg)} aria-label={`${g.dueThisMonth} due this month for ${name}`}>
                        {g.dueThisMonth}
                      </Link>
                    ) : (
                      g.dueThisMonth
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <Link href="/recommendations">The recommendations tracker</Link>
      </p>
    </>
  );
}

/** A file's name without what the kind already says: "Agenda - Serious Case Panel 2026-27 Q3 - 2026-11-11.docx" -> "Serious Case Panel 2026-27 Q3 - 2026-11-11". */
function fileWords(title: string, kind: string | undefined): string {
  const bare = title.replace(/\.docx$/i, '');
  return kind && bare.startsWith(`${kind} - `) ? bare.slice(kind.length + 3) : bare;
}

/** The last five documents written, newest first. */
export function RecentExportsTile() {
  const q = useDashboardSummary();
  return (
    <section className="tile" aria-labelledby="exports-tile">
      <h2 id="exports-tile">Recent exports</h2>
      {q.isPending ? (
        <Loading what="the export log" />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : q.data.recentExports.length === 0 ? (
        <p>
          No documents written yet. <Link href="/documents">Documents</Link>
        </p>
      ) : (
        <>
          <ul className="plain-list recent-exports">
            {q.data.recentExports.map((e) => (
              <li key={e.id}>
                <strong>{KIND_LABELS[e.kind] ?? e.kind}</strong>
                <span className="recent-exports__title">{fileWords(e.title, KIND_LABELS[e.kind])}</span>
                <span className="muted">
                  {formatTimestamp(e.at)}, {e.actor}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/documents">All documents</Link>
          </p>
        </>
      )}
    </section>
  );
}
