import { Link } from 'wouter';
import { formatDateCompact, formatNumber } from '#shared/format';
import { ErrorState, Loading } from '../../ui/States';
import { useUrgentCoronerReports } from '../evidence/hooks';
import { useGrowingThemes } from '../themes/hooks';
import { useRetentionDueCount } from '../retention/hooks';

/** Coroner responses overdue or due within 14 days: the Focal Point's most urgent work. */
export function CoronerTile() {
  // The list's first page holds the most urgent; its counts cover the whole list.
  const q = useUrgentCoronerReports(5);
  const urgent = (q.data?.rows ?? []).filter((r) => r.tracking && (r.tracking.status === 'overdue' || r.tracking.status === 'due-within-14-days'));
  const overdue = q.data?.counts.overdue ?? 0;
  const dueSoon = q.data?.counts.dueSoon ?? 0;
  return (
    <section className="tile" aria-labelledby="coroner-tile">
      <h2 id="coroner-tile">Coroner responses</h2>
      {q.isPending ? (
        <Loading what="coroners’ reports" />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : overdue + dueSoon === 0 ? (
        <p>None overdue or due in the next 14 days. <Link href="/coroners">All coroners’ reports</Link></p>
      ) : (
        <>
          <p className="tile__headline">
            {formatNumber(overdue)} overdue, {formatNumber(dueSoon)} due within 14 days
          </p>
          <ul className="plain-list">
            {urgent.map((r) => (
              <li key={r.evidenceId}>
                <Link href={`/evidence/${r.evidenceId}`}>{r.ref}</Link>{' '}
                <span className={r.tracking!.status === 'overdue' ? 'text-danger' : 'muted'}>
                  {r.tracking!.daysRemaining! < 0 ? `${formatNumber(-r.tracking!.daysRemaining!)} days overdue` : `due ${formatDateCompact(r.tracking!.extendedTo ?? r.tracking!.responseDue)}`}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/coroners">All coroners’ reports</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Themes that gained evidence this financial quarter, most first. */
export function ThemesTile() {
  const q = useGrowingThemes(5);
  const growing = q.data ?? [];
  return (
    <section className="tile" aria-labelledby="themes-tile">
      <h2 id="themes-tile">Themes gaining evidence this quarter</h2>
      {q.isPending ? (
        <Loading what="themes" />
      ) : q.isError ? (
        <ErrorState error={q.error} />
      ) : growing.length === 0 ? (
        <p>
          No theme has new evidence this quarter. <Link href="/themes">All themes</Link>
        </p>
      ) : (
        <>
          <ul className="plain-list">
            {growing.map((t) => (
              <li key={t.id}>
                <Link href={`/themes/${t.id}`}>{t.title}</Link> <span className="muted">+{formatNumber(t.evidenceThisQuarter)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/themes">All themes</Link>
          </p>
        </>
      )}
    </section>
  );
}

/** Shown only when records are past their retention date. */
export function RetentionTile() {
  const q = useRetentionDueCount();
  const n = q.data ?? 0;
  if (n === 0) return null;
  return (
    <section className="tile" aria-labelledby="retention-tile">
      <h2 id="retention-tile">Retention</h2>
      <p className="tile__headline">
        {formatNumber(n)} {n === 1 ? 'record is' : 'records are'} past {n === 1 ? 'its' : 'their'} retention date
      </p>
      <p>
        <Link href="/retention">Review and erase their personal detail</Link>
      </p>
    </section>
  );
}
