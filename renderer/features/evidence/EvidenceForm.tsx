import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import {
  BENEFIT_LINES,
  EVIDENCE_TYPES,
  EVIDENCE_TYPE_LABELS,
  evidenceInput,
  OTHER_SOURCES,
  PERSON_NAME_LABEL,
  SENSITIVITIES,
  SENSITIVITY_LABELS,
  type Evidence,
  type EvidenceDetailsInput,
  type EvidencePersonal,
  type EvidenceType,
  type Sensitivity,
} from '#shared/domain/evidence';
import { londonToday } from '#shared/format';
import { ApiError } from '../../api/client';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { PiiWarnings } from '../../ui/PiiWarnings';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useEvidence, useEvidenceLabels, useEvidencePersonal, useSaveEvidence } from './hooks';

type Details = Record<string, string | boolean>;

interface Values {
  ref: string;
  title: string;
  summary: string;
  receivedOn: string;
  benefitLines: string[];
  region: string;
  tags: string;
  sensitivity: Sensitivity;
  details: Details;
  personal: EvidencePersonal;
}

const BLANK_DETAILS: Record<EvidenceType, Details> = {
  ipr: { referralDate: '', acceptedDate: '', concludedDate: '', presentedDate: '', suicideOrSelfHarm: false, outcome: '', learningPoints: '' },
  complaint: { serviceArea: '', periodFrom: '', periodTo: '', complaintCount: '' },
  frontline: { fromWhom: '', channel: '' },
  ice: { periodFrom: '', periodTo: '', casesExamined: '', upheld: '', themesRaised: '' },
  pfd: { coronerRef: '', reportDate: '', coronerName: '', coronerArea: '', category: '', addressees: '', addressedToDwp: true, circumstances: '', concerns: '', reportUrl: '' },
  sar: { board: '', reviewDate: '', dwpInvolvement: '' },
  other: { sourceBody: 'NAO', sourceDetail: '' },
};
const NUMBER_FIELDS = new Set(['complaintCount', 'casesExamined', 'upheld']);

function detailsFromRecord(e: Evidence): Details {
  const d: Details = {};
  for (const [k, v] of Object.entries(e.details)) {
    if (k === 'type') continue;
    d[k] = Array.isArray(v) ? v.join('; ') : typeof v === 'boolean' ? v : v === null ? '' : String(v);
  }
  return d;
}

function toInput(type: EvidenceType, v: Values) {
  const details: Record<string, unknown> = { type };
  for (const [k, val] of Object.entries(v.details)) {
    if (k === 'addressees') details[k] = String(val).split(/;|\n/).map((s) => s.trim()).filter(Boolean);
    else if (NUMBER_FIELDS.has(k)) details[k] = val === '' ? null : Number(val);
    else details[k] = val;
  }
  return {
    ref: v.ref,
    title: v.title,
    summary: v.summary,
    receivedOn: v.receivedOn,
    benefitLines: v.benefitLines,
    region: v.region,
    tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean),
    sensitivity: v.sensitivity,
    details: details as EvidenceDetailsInput,
    personal: v.personal,
  };
}

export function NewEvidencePage() {
  const [type, setType] = useState<EvidenceType | null>(null);
  if (!type) {
    return (
      <Page title="Add evidence" back={<Link href="/evidence">Back to the register</Link>}>
        <fieldset className="choice">
          <legend>What kind of evidence is it?</legend>
          <ul className="choice__list">
            {EVIDENCE_TYPES.map((t) => (
              <li key={t}>
                <button type="button" className="choice__button" onClick={() => setType(t)}>
                  {EVIDENCE_TYPE_LABELS[t]}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      </Page>
    );
  }
  return <EvidenceFormPage type={type} record={null} personal={{ personName: '', caseReference: '' }} />;
}

export function EditEvidencePage({ id }: { id: number }) {
  const e = useEvidence(id);
  const p = useEvidencePersonal(id, true);
  if (e.isPending || p.isPending) return <Loading what="the record" />;
  if (e.isError) return <ErrorState error={e.error} onRetry={() => e.refetch()} />;
  if (p.isError) return <ErrorState error={p.error} onRetry={() => p.refetch()} />;
  return <EvidenceFormPage type={e.data.type} record={e.data} personal={p.data} />;
}

function EvidenceFormPage({ type, record, personal }: { type: EvidenceType; record: Evidence | null; personal: EvidencePersonal }) {
  const save = useSaveEvidence();
  const labels = useEvidenceLabels();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [values, setValues] = useState<Values>(() =>
    record
      ? {
          ref: record.ref,
          title: record.title,
          summary: record.summary,
          receivedOn: record.receivedOn,
          benefitLines: record.benefitLines,
          region: record.region,
          tags: record.tags.join(', '),
          sensitivity: record.sensitivity,
          details: { ...BLANK_DETAILS[type], ...detailsFromRecord(record) },
          personal,
        }
      : { ref: '', title: '', summary: '', receivedOn: londonToday(new Date()), benefitLines: [], region: '', tags: '', sensitivity: 'official-sensitive', details: { ...BLANK_DETAILS[type] }, personal },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const set = <K extends keyof Values>(k: K, v: Values[K]) => setValues((x) => ({ ...x, [k]: v }));
  const setD = (k: string, v: string | boolean) => setValues((x) => ({ ...x, details: { ...x.details, [k]: v } }));
  const setP = (k: keyof EvidencePersonal, v: string) => setValues((x) => ({ ...x, personal: { ...x.personal, [k]: v } }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSummary(null);
    const input = toInput(type, values);
    const parsed = evidenceInput.safeParse(input);
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues) errs[i.path.join('.')] ??= i.message;
      setErrors(errs);
      setSummary('Check the highlighted fields.');
      return;
    }
    setErrors({});
    try {
      const saved = await save.mutateAsync(record ? { ...input, id: record.id } : input);
      toast.notify(`${saved.ref} saved`);
      navigate(`/evidence/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The record could not be saved.');
    }
  }

  const text = (key: string, label: string, opts: { hint?: string; long?: boolean; pii?: boolean; list?: string } = {}) => {
    const isDetail = !(key in values) || key === 'details';
    const value = String(isDetail ? (values.details[key] ?? '') : (values[key as keyof Values] as string));
    const onChange = (v: string) => (isDetail ? setD(key, v) : set(key as 'title', v));
    const err = errors[isDetail ? `details.${key}` : key];
    return (
      <Field label={label} hint={opts.hint} error={err}>
        {(p) => (
          <>
            {opts.long ? (
              <textarea {...p} rows={5} value={value} onChange={(e) => onChange(e.target.value)} />
            ) : (
              <input {...p} type="text" list={opts.list} value={value} onChange={(e) => onChange(e.target.value)} />
            )}
            {opts.pii && <PiiWarnings text={value} />}
          </>
        )}
      </Field>
    );
  };
  const date = (key: string, label: string) => (
    <Field label={label} error={errors[`details.${key}`]}>
      {(p) => <input {...p} type="date" value={String(values.details[key] ?? '')} onChange={(e) => setD(key, e.target.value)} />}
    </Field>
  );
  const num = (key: string, label: string) => (
    <Field label={label} error={errors[`details.${key}`]}>
      {(p) => <input {...p} type="number" min={0} inputMode="numeric" value={String(values.details[key] ?? '')} onChange={(e) => setD(key, e.target.value)} />}
    </Field>
  );
  const check = (key: string, label: string) => (
    <label className="checkbox">
      <input type="checkbox" checked={Boolean(values.details[key])} onChange={(e) => setD(key, e.target.checked)} /> {label}
    </label>
  );

  const specific: Record<EvidenceType, ReactNode> = {
    ipr: (
      <>
        <div className="form__row">
          {date('referralDate', 'Referral date')}
          {date('acceptedDate', 'Accepted date')}
          {date('concludedDate', 'Final report date')}
          {date('presentedDate', 'Presented date')}
        </div>
        {check('suicideOrSelfHarm', 'Concerns suicide or self-harm (kept 6 years from the final report)')}
        {text('outcome', 'Outcome', { pii: true })}
        {text('learningPoints', 'Learning points', { long: true, pii: true })}
      </>
    ),
    complaint: (
      <>
        {text('serviceArea', 'Service area')}
        <div className="form__row">
          {date('periodFrom', 'Period from')}
          {date('periodTo', 'Period to')}
          {num('complaintCount', 'Number of complaints')}
        </div>
      </>
    ),
    frontline: (
      <>
        {text('fromWhom', 'From (role or team)', { hint: 'A role or team, not a person’s name: for example, Safeguarding Leads, North West.' })}
        {text('channel', 'Channel', { hint: 'For example: VOC:AL session, Safeguarding Leads network, staff survey.' })}
      </>
    ),
    ice: (
      <>
        <div className="form__row">
          {date('periodFrom', 'Period from')}
          {date('periodTo', 'Period to')}
          {num('casesExamined', 'Cases examined')}
          {num('upheld', 'Upheld')}
        </div>
        {text('themesRaised', 'Themes raised', { long: true, pii: true })}
      </>
    ),
    pfd: (
      <>
        <div className="form__row">
          {text('coronerRef', 'Coroner’s reference', { hint: 'As on the report, e.g. 2024-0155' })}
          {date('reportDate', 'Date of report')}
        </div>
        <div className="form__row">
          {text('coronerName', 'Coroner')}
          {text('coronerArea', 'Coroner area')}
        </div>
        {text('category', 'Category')}
        {text('addressees', 'Sent to', { hint: 'Separate addressees with semicolons.' })}
        {check('addressedToDwp', 'Addressed to DWP (a response is due 56 days after the date of the report)')}
        {text('concerns', 'Matters of concern', { long: true, pii: true })}
        {!record?.erasedAt && text('circumstances', 'Circumstances of the death', { long: true, hint: 'Shown on the record only; never in packs. Erased at the end of retention.' })}
        {!record?.erasedAt && text('reportUrl', 'Link to the published report', { hint: 'It usually names the person, so it is erased at the end of retention.' })}
      </>
    ),
    sar: (
      <>
        {text('board', 'Safeguarding Adults Board')}
        {date('reviewDate', 'Date of the review')}
        {text('dwpInvolvement', 'DWP’s involvement', { long: true, pii: true })}
      </>
    ),
    other: (
      <>
        <Field label="Source" error={errors['details.sourceBody']}>
          {(p) => (
            <select {...p} value={String(values.details.sourceBody)} onChange={(e) => setD('sourceBody', e.target.value)}>
              {OTHER_SOURCES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          )}
        </Field>
        {text('sourceDetail', 'Source detail', { hint: 'For example: NAO report title, committee session.' })}
      </>
    ),
  };

  return (
    <Page title={record ? `Edit ${record.ref}` : `Add: ${EVIDENCE_TYPE_LABELS[type]}`} back={<Link href={record ? `/evidence/${record.id}` : '/evidence'}>{record ? 'Back to the record' : 'Back to the register'}</Link>}>
      <form onSubmit={submit} noValidate className="form form--wide">
        <FormErrorSummary message={summary} />
        <fieldset>
          <legend>Panel-facing</legend>
          <div className="form__row">
            {text('ref', 'Reference', { hint: 'Unique in the register, e.g. IPR-2026-014.' })}
            <Field label="Date received" error={errors.receivedOn}>
              {(p) => <input {...p} type="date" value={values.receivedOn} onChange={(e) => set('receivedOn', e.target.value)} />}
            </Field>
            <Field label="Marking" error={errors.sensitivity}>
              {(p) => (
                <select {...p} value={values.sensitivity} onChange={(e) => set('sensitivity', e.target.value as Sensitivity)}>
                  {SENSITIVITIES.map((s) => (
                    <option key={s} value={s}>
                      {SENSITIVITY_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {text('title', 'Title', { pii: true, hint: 'Describe the failure, not the person.' })}
          {text('summary', 'Panel-facing summary', { long: true, pii: true, hint: 'Anonymised: this is what the panel reads.' })}
          <fieldset className="checkbox-group">
            <legend>Benefit lines</legend>
            {BENEFIT_LINES.map((b) => (
              <label key={b} className="checkbox">
                <input type="checkbox" checked={values.benefitLines.includes(b)} onChange={(e) => set('benefitLines', e.target.checked ? [...values.benefitLines, b] : values.benefitLines.filter((x) => x !== b))} /> {b}
              </label>
            ))}
          </fieldset>
          <div className="form__row">
            {text('region', 'Region or area', { list: 'regions' })}
            {text('tags', 'Tags', { hint: 'Separate tags with commas.', list: 'tags' })}
          </div>
          <datalist id="regions">{labels.data?.regions.map((r) => <option key={r} value={r} />)}</datalist>
          <datalist id="tags">{labels.data?.tags.map((r) => <option key={r} value={r} />)}</datalist>
        </fieldset>
        <fieldset>
          <legend>{EVIDENCE_TYPE_LABELS[type]}</legend>
          {specific[type]}
        </fieldset>
        <fieldset className="restricted" disabled={Boolean(record?.erasedAt)}>
          <legend>Restricted: identifies a person</legend>
          <p className="field__hint">
            {record?.erasedAt
              ? `Erased on ${record.erasedAt.slice(0, 10)} at the end of the retention period; it cannot be entered again.`
              : 'Kept apart from the panel-facing record. Never shown in lists, packs or minutes, and erased at the end of the retention period.'}
          </p>
          <div className="form__row">
            <Field label={PERSON_NAME_LABEL[type]} error={errors['personal.personName']}>
              {(p) => <input {...p} type="text" autoComplete="off" value={values.personal.personName} onChange={(e) => setP('personName', e.target.value)} />}
            </Field>
            <Field label="Case reference" error={errors['personal.caseReference']}>
              {(p) => <input {...p} type="text" autoComplete="off" value={values.personal.caseReference} onChange={(e) => setP('caseReference', e.target.value)} />}
            </Field>
          </div>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          <Link href={record ? `/evidence/${record.id}` : '/evidence'} className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
