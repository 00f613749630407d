import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation } from 'wouter';
import { isIsoDate } from '#shared/calendar/financialYear';
import { formatDateLong } from '#shared/format';
import {
  PANEL_FORMAT_LABELS,
  PANEL_FORMATS,
  PANEL_STATUS_LABELS,
  PANEL_STATUSES,
  panelInput,
  panelUpdate,
  quarterLabel,
  type Panel,
  type PanelFormat,
  type PanelStatus,
} from '#shared/domain/panels';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { applyServerError } from '../../ui/serverErrors';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { usePanel, useSavePanel } from './hooks';

type Values = { id?: number; date: string; startTime: string; endTime: string; format: PanelFormat; location: string; notes: string; status?: PanelStatus };
const FIELDS = ['date', 'startTime', 'endTime', 'format', 'location', 'notes', 'status'] as const;

export function NewPanelPage() {
  return <PanelFormPage panel={null} />;
}

export function EditPanelPage({ id }: { id: number }) {
  const p = usePanel(id);
  if (p.isPending) return <Loading what="the panel" />;
  if (p.isError) return <ErrorState error={p.error} onRetry={() => p.refetch()} />;
  return <PanelFormPage panel={p.data} />;
}

function PanelFormPage({ panel }: { panel: Panel | null }) {
  const save = useSavePanel();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [summary, setSummary] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState, watch } = useForm<Values>({
    resolver: zodResolver(panel ? panelUpdate : panelInput) as never,
    defaultValues: panel
      ? { id: panel.id, date: panel.date, startTime: panel.startTime, endTime: panel.endTime, format: panel.format, location: panel.location, notes: panel.notes, status: panel.status }
      : { date: '', startTime: '10:00', endTime: '12:30', format: 'in-person', location: '', notes: '' },
  });
  const date = watch('date');
  const format = watch('format');
  const onSubmit = handleSubmit(async (values) => {
    setSummary(null);
    try {
      const saved = await save.mutateAsync(values as never);
      toast.notify(`Panel on ${formatDateLong(saved.date)} saved`);
      navigate(`/panels/${saved.id}`);
    } catch (err) {
      setSummary(applyServerError(err, setError, FIELDS));
    }
  });
  const e = formState.errors;
  return (
    <Page title={panel ? 'Edit panel' : 'Plan a panel'} back={<Link href={panel ? `/panels/${panel.id}` : '/panels'}>Back</Link>}>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary message={summary ?? (Object.keys(e).length ? 'Check the highlighted fields.' : null)} />
        <Field label="Date" hint={date && isIsoDate(date) ? `Financial quarter: ${quarterLabel(date)}` : 'The quarter is worked out from the date.'} error={e.date?.message}>
          {(p) => <input {...p} type="date" {...register('date')} />}
        </Field>
        <div className="form__row">
          <Field label="Start time" hint="London time, 24-hour" error={e.startTime?.message}>
            {(p) => <input {...p} type="time" {...register('startTime')} />}
          </Field>
          <Field label="End time" error={e.endTime?.message}>
            {(p) => <input {...p} type="time" {...register('endTime')} />}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>Format</legend>
          {e.format?.message && <p className="field__error">{e.format.message}</p>}
          {PANEL_FORMATS.map((f) => (
            <label key={f} className="radio">
              <input type="radio" value={f} {...register('format')} /> {PANEL_FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <Field label={format === 'online' ? 'Location (optional)' : 'Location'} hint="For example: Caxton House, London, Room 6.12" error={e.location?.message}>
          {(p) => <input {...p} type="text" {...register('location')} />}
        </Field>
        {panel && (
          <Field label="Status" error={e.status?.message}>
            {(p) => (
              <select {...p} {...register('status')}>
                {PANEL_STATUSES.filter((s) => s !== 'cancelled').map((s) => (
                  <option key={s} value={s}>
                    {PANEL_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Notes (optional)" error={e.notes?.message}>
          {(p) => <textarea {...p} rows={4} {...register('notes')} />}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            {panel ? 'Save changes' : 'Plan panel'}
          </button>
          <Link href={panel ? `/panels/${panel.id}` : '/panels'} className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
