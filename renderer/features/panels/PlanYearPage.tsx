import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { financialQuarterOf, fyLabel } from '#shared/calendar/financialYear';
import { PANEL_FORMAT_LABELS, PANEL_FORMATS, type PanelFormat } from '#shared/domain/panels';
import { formatDateShort, formatDateWithDay, londonToday } from '#shared/format';
import { ApiError, call } from '../../api/client';
import { keys } from '../../api/keys';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { TableScroll } from '../../ui/TableScroll';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const WEEKS: { value: 1 | 2 | 3 | 4 | 'last'; label: string }[] = [
  { value: 1, label: 'First' },
  { value: 2, label: 'Second' },
  { value: 3, label: 'Third' },
  { value: 4, label: 'Fourth' },
  { value: 'last', label: 'Last' },
];

export function PlanYearPage() {
  const start = financialQuarterOf(londonToday(new Date())).startYear;
  const years = [start, start + 1, start + 2].map(fyLabel);
  const [fy, setFy] = useState(years[1]);
  const [weekday, setWeekday] = useState(3);
  const [week, setWeek] = useState<1 | 2 | 3 | 4 | 'last'>(2);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [times, setTimes] = useState({ startTime: '10:00', endTime: '12:30', format: 'hybrid' as PanelFormat, location: 'Caxton House, London' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const proposal = useQuery({ queryKey: keys.proposal(fy, weekday, week), queryFn: () => call('proposeYear', { fy, weekday, week }) });
  const qc = useQueryClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const create = useMutation({ mutationFn: (dates: string[]) => call('createPlannedPanels', { dates, ...times }), onSuccess: () => qc.invalidateQueries({ queryKey: keys.panels.all }) });

  const chosen = (proposal.data?.panels ?? []).filter((p) => !p.clash && !excluded.has(p.date)).map((p) => p.date);

  return (
    <Page title="Plan a year" back={<Link href="/panels">Back to panels</Link>}>
      <p className="lead">Four quarterly panels, one in the middle month of each quarter, moved off bank holidays. Check the dates, then create them.</p>
      <div className="form form--inline">
        <Field label="Financial year">
          {(p) => (
            <select {...p} value={fy} onChange={(e) => setFy(e.target.value)}>
              {years.map((y) => (
                <option key={y}>{y}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Week of the month">
          {(p) => (
            <select {...p} value={String(week)} onChange={(e) => setWeek(e.target.value === 'last' ? 'last' : (Number(e.target.value) as 1 | 2 | 3 | 4))}>
              {WEEKS.map((w) => (
                <option key={w.label} value={String(w.value)}>
                  {w.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Day of the week">
          {(p) => (
            <select {...p} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {proposal.isPending ? (
        <Loading what="the proposed dates" />
      ) : proposal.isError ? (
        <ErrorState error={proposal.error} onRetry={() => proposal.refetch()} />
      ) : (
        <TableScroll label="Proposed panels">
          <table className="table">
            <caption className="table__caption">Proposed panels for {proposal.data.fy}</caption>
            <thead>
              <tr>
                <th scope="col">Create</th>
                <th scope="col">Quarter</th>
                <th scope="col">Date</th>
                <th scope="col">Papers due</th>
                <th scope="col">Pack issued</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {proposal.data.panels.map((p) => (
                <tr key={p.quarter}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Create the ${p.quarter} panel on ${formatDateWithDay(p.date)}`}
                      disabled={!!p.clash}
                      checked={!p.clash && !excluded.has(p.date)}
                      onChange={(e) => {
                        const next = new Set(excluded);
                        if (e.target.checked) next.delete(p.date);
                        else next.add(p.date);
                        setExcluded(next);
                      }}
                    />
                  </td>
                  <td>{p.quarter}</td>
                  <td>{formatDateWithDay(p.date)}</td>
                  <td>{formatDateShort(p.milestones.papersDue)}</td>
                  <td>{formatDateShort(p.milestones.packIssue)}</td>
                  <td>
                    {p.moved && <span>Moved from {formatDateShort(p.moved.from)} ({p.moved.reason}). </span>}
                    {p.clash && <Link href={`/panels/${p.clash}`}>A panel is already planned on this date.</Link>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Time and place for these panels</h2>
      <FormErrorSummary message={summary} />
      <div className="form form--inline">
        <Field label="Start time" error={errors.startTime}>
          {(p) => <input {...p} type="time" value={times.startTime} onChange={(e) => setTimes({ ...times, startTime: e.target.value })} />}
        </Field>
        <Field label="End time" error={errors.endTime}>
          {(p) => <input {...p} type="time" value={times.endTime} onChange={(e) => setTimes({ ...times, endTime: e.target.value })} />}
        </Field>
        <Field label="Format" error={errors.format}>
          {(p) => (
            <select {...p} value={times.format} onChange={(e) => setTimes({ ...times, format: e.target.value as PanelFormat })}>
              {PANEL_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {PANEL_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Location" error={errors.location}>
          {(p) => <input {...p} type="text" value={times.location} onChange={(e) => setTimes({ ...times, location: e.target.value })} />}
        </Field>
      </div>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          disabled={chosen.length === 0 || create.isPending}
          onClick={async () => {
            setSummary(null);
            setErrors({});
            try {
              const made = await create.mutateAsync(chosen);
              toast.notify(`${made.length} panel${made.length === 1 ? '' : 's'} planned for ${fy}`);
              navigate('/panels');
            } catch (err) {
              if (err instanceof ApiError && err.fields) setErrors(err.fields);
              setSummary(err instanceof Error ? err.message : 'The panels could not be created.');
            }
          }}
        >
          Create {chosen.length} panel{chosen.length === 1 ? '' : 's'}
        </button>
      </div>
    </Page>
  );
}
