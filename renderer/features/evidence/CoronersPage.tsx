import { useState } from 'react';
import { Link } from 'wouter';
import { CORONER_STATUS_LABELS } from '#shared/domain/evidence';
import { formatDateCompact, formatNumber } from '#shared/format';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { MoreRows } from '../../ui/MoreRows';
import { TableScroll } from '../../ui/TableScroll';
import { CORONER_PAGE_SIZE, useCoronerReportPages } from './hooks';

/** The Coroners' Focal Point: every report addressed to DWP, the urgent ones first, a page at a time. */
export function CoronersPage() {
  const [all, setAll] = useState(false);
  const { query: q, rows, first, total, loadMore } = useCoronerReportPages(all);
  return (
    <Page
      title="Coroners’ reports"
      actions={
        <Link href="/evidence/import" className="button button--secondary">
          Import reports
        </Link>
      }
    >
      <p className="lead">Prevention of Future Deaths reports. For those addressed to DWP a response is due 56 days after the date of the report, unless the coroner extends it.</p>
      {first && (
        <ul className="stat-row" aria-label="Summary">
          <li className="stat stat--red">
            <span className="stat__n">{formatNumber(first.counts.overdue)}</span> overdue
          </li>
          <li className="stat stat--amber">
            <span className="stat__n">{formatNumber(first.counts.dueSoon)}</span> due within 14 days
          </li>
        </ul>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Include reports not addressed to DWP
      </label>
      {q.isPending ? (
        <Loading what="coroners’ reports" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : total === 0 ? (
        <EmptyState title="No coroners’ reports yet">
          <p>Add a report as it arrives, or import the Preventable Deaths Tracker file.</p>
          <Link href="/evidence/import" className="button">
            Import reports
          </Link>
        </EmptyState>
      ) : (
        <TableScroll label="Coroners’ reports">
          <table className="table">
            <caption className="visually-hidden">Coroners’ reports, overdue and due soon first</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Coroner area</th>
                <th scope="col">Date of report</th>
                <th scope="col">Response due</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Days
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const t = r.tracking;
                return (
                  <tr key={r.evidenceId}>
                    <td className="nowrap">
                      <Link href={`/evidence/${r.evidenceId}`}>{r.ref}</Link>
                    </td>
                    <td>{r.coronerArea || '—'}</td>
                    <td>{formatDateCompact(r.reportDate)}</td>
                    <td>{t ? formatDateCompact(t.extendedTo ?? t.responseDue) + (t.extendedTo ? ' (extended)' : '') : 'Not addressed to DWP'}</td>
                    <td>{t ? <span className={`badge badge--${t.status}`}>{CORONER_STATUS_LABELS[t.status]}</span> : '—'}</td>
                    <td className="num nowrap">{t?.daysRemaining == null ? '—' : t.daysRemaining < 0 ? `${formatNumber(-t.daysRemaining)} overdue` : `${formatNumber(t.daysRemaining)} left`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {total > 0 && !q.isError && (
        <MoreRows shown={rows.length} total={total} noun={total === 1 ? 'report' : 'reports'} pageSize={CORONER_PAGE_SIZE} loading={q.isFetchingNextPage} onMore={loadMore} />
      )}
    </Page>
  );
}
