import { MILESTONE_STATE_LABELS } from '#shared/calendar/milestones';
import { formatDateShort } from '#shared/format';
import { ErrorState, Loading } from '../../ui/States';
import { useMilestones } from '../agenda/hooks';
import { TableScroll } from '../../ui/TableScroll';

function remaining(days: number, state: string): string {
  if (state === 'done') return '';
  if (days === 0) return 'today';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} ago`;
  return `in ${days} day${days === 1 ? '' : 's'}`;
}

/** The panel's working-day timetable, counting down; overdue ones stand out in words and colour. */
export function Milestones({ panelId, compact = false }: { panelId: number; compact?: boolean }) {
  const m = useMilestones(panelId);
  if (m.isPending) return <Loading what="milestones" />;
  if (m.isError) return <ErrorState error={m.error} />;
  return (
    <TableScroll label="Timetable">
      <table className={`table milestones${compact ? ' milestones--compact' : ''}`}>
        <caption className="visually-hidden">Timetable in working days, skipping weekends and bank holidays</caption>
        <thead>
          <tr>
            <th scope="col">Milestone</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {m.data.map((x) => (
            <tr key={x.key} className={`milestone--${x.state}`}>
              <td>{x.label}</td>
              <td>{formatDateShort(x.due)}</td>
              <td>
                <span className={`badge badge--${x.state === 'overdue' ? 'danger' : x.state === 'done' ? 'ok' : x.state === 'upcoming' ? 'neutral' : 'warn'}`}>{MILESTONE_STATE_LABELS[x.state]}</span>{' '}
                <span className="muted">{remaining(x.daysRemaining, x.state)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
