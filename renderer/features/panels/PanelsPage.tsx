import { useState } from 'react';
import { Link } from 'wouter';
import type { Panel } from '#shared/domain/panels';
import { formatDateShort, formatTimeRange } from '#shared/format';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { usePanels } from './hooks';
import { StatusBadge, where } from './PanelBits';
import { TableScroll } from '../../ui/TableScroll';

function PanelTable({ panels, caption }: { panels: Panel[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Time</th>
            <th scope="col">Quarter</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {panels.map((p) => (
            <tr key={p.id}>
              <td className="nowrap">
                <Link href={`/panels/${p.id}`}>{formatDateShort(p.date)}</Link>
              </td>
              <td>{formatTimeRange(p.startTime, p.endTime)}</td>
              <td className="nowrap">{p.quarter}</td>
              <td>{where(p)}</td>
              <td>
                <StatusBadge status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PanelsPage() {
  const [showCancelled, setShowCancelled] = useState(false);
  const panels = usePanels(showCancelled);
  return (
    <Page
      title="Panels"
      actions={
        <>
          <Link href="/panels/plan-year" className="button button--secondary">
            Plan a year
          </Link>
          <Link href="/panels/new" className="button">
            Plan a panel
          </Link>
        </>
      }
    >
      <p className="lead">The panel meets once a quarter. Upcoming meetings come first; past meetings are below.</p>
      <label className="checkbox">
        <input type="checkbox" checked={showCancelled} onChange={(e) => setShowCancelled(e.target.checked)} /> Show cancelled panels
      </label>
      {panels.isPending ? (
        <Loading what="panels" />
      ) : panels.isError ? (
        <ErrorState error={panels.error} onRetry={() => panels.refetch()} />
      ) : (
        <>
          <h2>Upcoming</h2>
          {panels.data.upcoming.length === 0 ? (
            <EmptyState title="No panel is planned">
              <p>Plan the next quarterly meeting so the secretariat can start its agenda and the papers timetable.</p>
              <Link href="/panels/new" className="button">
                Plan a panel
              </Link>
            </EmptyState>
          ) : (
            <PanelTable panels={panels.data.upcoming} caption="Upcoming panels, soonest first" />
          )}
          <h2>Past</h2>
          {panels.data.past.length === 0 ? (
            <p className="muted">No past panels are recorded yet.</p>
          ) : (
            <PanelTable panels={panels.data.past} caption="Past panels, most recent first" />
          )}
        </>
      )}
    </Page>
  );
}
