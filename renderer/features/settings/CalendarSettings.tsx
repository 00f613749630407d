import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MILESTONE_KEYS, MILESTONE_LABELS, type MilestoneRules } from '#shared/calendar/milestones';
import { formatDateLong, formatDateShort, londonToday } from '#shared/format';
import { ApiError, call } from '../../api/client';
import { keys } from '../../api/keys';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';

export function CalendarSettings() {
  const qc = useQueryClient();
  const cal = useQuery({ queryKey: keys.calendar, queryFn: () => call('getCalendarSettings', {}) });
  const toast = useToast();
  const refresh = (data: unknown) => {
    qc.setQueryData(keys.calendar, data);
    void qc.invalidateQueries({ queryKey: ['milestones'] });
  };
  const [rules, setRules] = useState<Record<string, string> | null>(null);
  const [ruleErrors, setRuleErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [newDate, setNewDate] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const [showAll, setShowAll] = useState(false);
  const [removing, setRemoving] = useState<{ date: string; title: string } | null>(null);
  const saveRules = useMutation({ mutationFn: (r: MilestoneRules) => call('setMilestoneRules', r), onSuccess: refresh });
  const importFile = useMutation({ mutationFn: (json: string) => call('importBankHolidays', { json }), onSuccess: refresh });
  const add = useMutation({ mutationFn: (v: { date: string; title: string }) => call('addBankHoliday', v), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (date: string) => call('removeBankHoliday', { date }), onSuccess: refresh });

  if (cal.isPending) return <Loading what="the calendar" />;
  if (cal.isError) return <ErrorState error={cal.error} onRetry={() => cal.refetch()} />;
  const shown = rules ?? Object.fromEntries(MILESTONE_KEYS.map((k) => [k, String(cal.data.rules[k])]));
  // today in London, as every screen counts days
  const today = londonToday(new Date());
  const holidays = showAll ? cal.data.holidays : cal.data.holidays.filter((h) => h.date >= today.slice(0, 4) + '-01-01');

  async function attempt(p: Promise<unknown>, done: string) {
    setProblem(null);
    try {
      await p;
      toast.notify(done);
      return true;
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'That did not work.');
      return false;
    }
  }

  return (
    <>
      <section aria-labelledby="timetable">
        <h2 id="timetable">Panel timetable</h2>
        <p className="muted">Working days before the meeting (after it, for draft minutes). Weekends and the bank holidays below are skipped.</p>
        <div className="form form--inline">
          {MILESTONE_KEYS.map((k) => (
            <Field key={k} label={`${MILESTONE_LABELS[k]} (working days ${k === 'minutesDue' ? 'after' : 'before'})`} error={ruleErrors[k]}>
              {(p) => <input {...p} type="number" min={1} max={60} value={shown[k]} onChange={(e) => setRules({ ...shown, [k]: e.target.value })} />}
            </Field>
          ))}
          <div className="form__actions">
            <button
              type="button"
              className="button"
              onClick={async () => {
                setRuleErrors({});
                try {
                  await saveRules.mutateAsync(Object.fromEntries(MILESTONE_KEYS.map((k) => [k, Number(shown[k])])) as MilestoneRules);
                  setRules(null);
                  toast.notify('Timetable saved');
                } catch (err) {
                  if (err instanceof ApiError && err.fields) setRuleErrors(err.fields);
                }
              }}
            >
              Save timetable
            </button>
          </div>
        </div>
      </section>
      <section aria-labelledby="holidays">
        <h2 id="holidays" tabIndex={-1}>Bank holidays (England and Wales)</h2>
        <p className="muted">
          {cal.data.holidays.length} dates in force, from gov.uk’s list shipped with the app. Import a newer bank-holidays.json from gov.uk, or add and remove dates.
        </p>
        <FormErrorSummary message={problem} />
        <div className="form__actions">
          <label className="button button--secondary file-button">
            Import gov.uk bank-holidays.json…
            <input
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (!f) return;
                const text = await f.text();
                await attempt(importFile.mutateAsync(text), `Imported ${f.name}`);
              }}
            />
          </label>
        </div>
        <div className="form form--inline">
          <Field label="Date">{(p) => <input {...p} type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />}</Field>
          <Field label="Name of the holiday">{(p) => <input {...p} type="text" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} />}</Field>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                if (await attempt(add.mutateAsync({ date: newDate, title: newTitle }), 'Bank holiday added')) {
                  setNewDate('');
                  setNewTitle('');
                }
              }}
            >
              Add date
            </button>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show past years
        </label>
        <table className="table holidays">
          <caption className="visually-hidden">Bank holidays in force</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Holiday</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {holidays.map((h) => (
              <tr key={h.date}>
                <td>{formatDateShort(h.date)}</td>
                <td>{h.title}</td>
                <td>{{ shipped: 'gov.uk (shipped)', imported: 'gov.uk (imported)', user: 'Added here' }[h.source]}</td>
                <td>
                  <button type="button" className="button button--link" onClick={() => setRemoving(h)}>
                    Remove <span className="visually-hidden">{h.title} {h.date}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.title}, ${formatDateLong(removing.date)}?`}
          confirmLabel="Remove date"
          keepLabel="Keep it"
          onClose={() => setRemoving(null)}
          focusAfter={() => document.getElementById('holidays')}
          onConfirm={async () => {
            await remove.mutateAsync(removing.date);
            toast.notify(`${removing.title} removed`);
          }}
        >
          <p>
            Panel timetables will count {formatDateLong(removing.date)} as a working day, so milestones may move onto it. To put it back, add the date again here or import gov.uk’s list.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
