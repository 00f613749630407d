import { Link } from 'wouter';
import { panelTitle } from '#shared/domain/panels';
import { formatDateWithDay, formatTimeRange } from '#shared/format';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useMembers } from '../members/hooks';
import { usePanels } from '../panels/hooks';
import { StatusBadge, where } from '../panels/PanelBits';
import { Milestones } from '../panels/Milestones';
import { useAgenda } from '../agenda/hooks';
import { AGENDA_STATE_LABELS } from '#shared/domain/agenda';
import { CoronerTile, RetentionTile, ThemesTile } from './RegisterTiles';
import { GettingStarted } from './GettingStarted';
import { RecentExportsTile, RecommendationsDueTile } from './SummaryTiles';

export function DashboardPage() {
  const panels = usePanels();
  const members = useMembers(false);
  const next = panels.data?.upcoming[0];
  return (
    <Page
      title="Dashboard"
      actions={
        <Link href="/charts" className="button button--secondary">
          Charts and trends
        </Link>
      }
    >
      <div className="tiles">
        <GettingStarted />
        <section className="tile tile--wide" aria-labelledby="next-panel">
          <h2 id="next-panel">Next panel</h2>
          {panels.isPending ? (
            <Loading what="panels" />
          ) : panels.isError ? (
            <ErrorState error={panels.error} onRetry={() => panels.refetch()} />
          ) : next ? (
            <>
              <p className="tile__headline">
                <Link href={`/panels/${next.id}`}>{panelTitle(next)}</Link>
              </p>
              <p>
                {formatDateWithDay(next.date)}, {formatTimeRange(next.startTime, next.endTime)}
              </p>
              <p>{where(next)}</p>
              <p>
                <StatusBadge status={next.status} /> <AgendaStatus panelId={next.id} />
              </p>
              <Milestones panelId={next.id} compact />
            </>
          ) : (
            <>
              <p>No panel is planned yet.</p>
              <Link href="/panels/new" className="button">
                Plan a panel
              </Link>
            </>
          )}
        </section>
        {/* In this order the wide tiles leave no gaps at three, two or one column. */}
        <CoronerTile />
        <ThemesTile />
        <RecommendationsDueTile />
        <RecentExportsTile />
        <RetentionTile />
        <section className="tile" aria-labelledby="members-tile">
          <h2 id="members-tile">Members</h2>
          {members.isPending ? (
            <Loading what="members" />
          ) : members.isError ? (
            <ErrorState error={members.error} />
          ) : (
            <>
              <p className="tile__number">{members.data.length}</p>
              <p>
                active {members.data.length === 1 ? 'member' : 'members'}, of whom {members.data.filter((m) => m.role === 'director-general').length} Directors General.{' '}
                <Link href="/members">See members</Link>
              </p>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

function AgendaStatus({ panelId }: { panelId: number }) {
  const a = useAgenda(panelId);
  if (!a.data) return null;
  return <span className="muted">Agenda: {AGENDA_STATE_LABELS[a.data.state].toLowerCase()}</span>;
}
