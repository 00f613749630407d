import { useState } from 'react';
import { Link } from 'wouter';
import { CORONER_STATUS_LABELS } from '#shared/domain/evidence';
import { formatDateCompact } from '#shared/format';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useCoronerReports } from './hooks';
import { TableScroll } from '../../ui/TableScroll';

/** The Coroners' Focal Point: every report addressed to DWP, the urgent ones first. */
export function CoronersPage() {
  const [all, setAll] = useState(false);
  const q = useCoronerReports(all);
  const counts = { overdue: 0, 'due-within-14-days': 0 };
  for (const r of q.data ?? []) if (r.tracking && r.tracking.status in counts) counts[r.tracking.status as keyof typeof counts]++;
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
      {q.data && (
        <ul className="stat-row" aria-label="Summary">
          <li className="stat stat--red">
            <span className="stat__n">{counts.overdue}</span> overdue
          </li>
          <li className="stat stat--amber">
            <span className="stat__n">{counts['due-within-14-days']}</span> due within 14 days
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
      ) : q.data.length === 0 ? (
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
              {q.data.map((r) => {
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
                    <td className="num nowrap">{t?.daysRemaining == null ? '—' : t.daysRemaining < 0 ? `${(-t.daysRemaining).toLocaleString('en-GB')} overdue` : `${t.daysRemaining} left`}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}
