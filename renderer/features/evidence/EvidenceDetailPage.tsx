import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { CORONER_STATUS_LABELS, EVIDENCE_TYPE_LABELS, PERSON_NAME_LABEL, SENSITIVITY_LABELS, type Evidence, type EvidenceDetails } from '#shared/domain/evidence';
import { formatDateLong } from '#shared/format';
import { ApiError, call } from '../../api/client';
import { isAllowedExternal } from '#shared/links';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { History } from '../../ui/History';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useRecommendationsForEvidence } from '../recommendations/hooks';
import { RecommendationLinks } from '../recommendations/RecommendationsPage';
import { useArchiveEvidence, useEvidence, useEvidencePersonal, useUpdateCoronerResponse } from './hooks';

const d = (iso: string | null | undefined) => (iso ? formatDateLong(iso) : '—');

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k} className="facts__row">
          <dt>{k}</dt>
          <dd>{v === '' || v === null || v === undefined ? '—' : v}</dd>
        </div>
      ))}
    </dl>
  );
}

function detailRows(x: EvidenceDetails): [string, ReactNode][] {
  switch (x.type) {
    case 'ipr':
      return [
        ['Referral', d(x.referralDate)],
        ['Accepted', d(x.acceptedDate)],
        ['Final report', d(x.concludedDate)],
        ['Presented', d(x.presentedDate)],
        ['Concerns suicide or self-harm', x.suicideOrSelfHarm ? 'Yes' : 'No'],
        ['Outcome', x.outcome],
        ['Learning points', <p className="prose">{x.learningPoints || '—'}</p>],
      ];
    case 'complaint':
      return [
        ['Service area', x.serviceArea],
        ['Period', x.periodFrom || x.periodTo ? `${d(x.periodFrom)} to ${d(x.periodTo)}` : '—'],
        ['Number of complaints', x.complaintCount?.toLocaleString('en-GB') ?? '—'],
      ];
    case 'frontline':
      return [
        ['From', x.fromWhom],
        ['Channel', x.channel],
      ];
    case 'ice':
      return [
        ['Period', x.periodFrom || x.periodTo ? `${d(x.periodFrom)} to ${d(x.periodTo)}` : '—'],
        ['Cases examined', x.casesExamined ?? '—'],
        ['Upheld', x.upheld ?? '—'],
        ['Themes raised', <p className="prose">{x.themesRaised || '—'}</p>],
      ];
    case 'pfd':
      return [
        ['Coroner’s reference', x.coronerRef],
        ['Date of report', d(x.reportDate)],
        ['Coroner', x.coronerName],
        ['Coroner area', x.coronerArea],
        ['Category', x.category],
        ['Sent to', x.addressees.join('; ')],
        ['Addressed to DWP', x.addressedToDwp ? 'Yes' : 'No'],
        ['Matters of concern', <p className="prose">{x.concerns || '—'}</p>],
        ['Circumstances', <p className="prose">{x.circumstances || '—'}</p>],
        ['Published report', x.reportUrl ? <ExternalLink url={x.reportUrl} /> : '—'],
      ];
    case 'sar':
      return [
        ['Board', x.board],
        ['Date of review', d(x.reviewDate)],
        ['DWP’s involvement', x.dwpInvolvement],
      ];
    case 'other':
      return [
        ['Source', x.sourceBody],
        ['Detail', x.sourceDetail],
      ];
  }
}

/** Opens an allow-listed link in the system browser (desktop app); elsewhere shows it to copy. */
function ExternalLink({ url }: { url: string }) {
  const [note, setNote] = useState<string | null>(null);
  if (!isAllowedExternal(url)) return <span className="mono">{url}</span>;
  return (
    <>
      <button
        type="button"
        className="button button--link"
        onClick={async () => {
          try {
            const r = await call('openExternal', { url });
            setNote(r.opened ? 'Opened in your browser.' : 'Links open in your browser in the desktop app; copy it from here.');
          } catch (e) {
            setNote(e instanceof Error ? e.message : 'The link could not be opened.');
          }
        }}
      >
        Open the published report
      </button>
      <span className="mono"> {url}</span>
      {note && (
        <span role="status" className="muted">
          {' '}
          {note}
        </span>
      )}
    </>
  );
}

export function EvidenceDetailPage({ id }: { id: number }) {
  const e = useEvidence(id);
  const archive = useArchiveEvidence();
  const toast = useToast();
  const [showPersonal, setShowPersonal] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  if (e.isPending) return <Loading what="the record" />;
  if (e.isError) return <ErrorState error={e.error} onRetry={() => e.refetch()} />;
  const r = e.data;
  return (
    <Page
      title={`${r.ref}: ${r.title}`}
      back={<Link href="/evidence">Back to the register</Link>}
      actions={
        <>
          <Link href={`/evidence/${r.id}/edit`} className="button">
            Edit
          </Link>
          {r.archivedAt ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                await archive.mutateAsync({ id: r.id, archived: false });
                toast.notify(`${r.ref} restored to the register`);
              }}
            >
              Restore
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmArchive(true)}>
              Archive
            </button>
          )}
        </>
      }
    >
      {r.archivedAt && <p className="notice">Archived on {formatDateLong(r.archivedAt.slice(0, 10))}. It is hidden from the register and from suggestions; its links to themes stay.</p>}
      <div className="columns">
        <div>
          <h2>Panel-facing</h2>
          <Facts
            rows={[
              ['Source', EVIDENCE_TYPE_LABELS[r.type]],
              ['Received', d(r.receivedOn)],
              ['Marking', SENSITIVITY_LABELS[r.sensitivity]],
              ['Benefit lines', r.benefitLines.join(', ')],
              ['Region or area', r.region],
              ['Tags', r.tags.length ? r.tags.map((t) => <span key={t} className="tag">{t}</span>) : '—'],
              ['Summary', <p className="prose">{r.summary || '—'}</p>],
            ]}
          />
          <h2>{EVIDENCE_TYPE_LABELS[r.type]}</h2>
          <Facts rows={detailRows(r.details)} />
        </div>
        <div>
          {r.coroner && <CoronerPanel r={r} />}
          <h2>Themes</h2>
          {r.themes.length === 0 ? (
            <p>Not linked to any theme yet. Link it from the register (select it, then “Link to theme”) or from a theme’s page.</p>
          ) : (
            <ul className="plain-list">
              {r.themes.map((t) => (
                <li key={t.id}>
                  <Link href={`/themes/${t.id}`}>{t.title}</Link>
                  {t.note && <span className="muted"> — {t.note}</span>}
                </li>
              ))}
            </ul>
          )}
          <section aria-labelledby="ev-recs-h">
            <h2 id="ev-recs-h">Recommendations this informed</h2>
            <InformedRecommendations evidenceId={r.id} />
          </section>
          <h2>Restricted fields</h2>
          {r.erasedAt ? (
            <p>Erased on {formatDateLong(r.erasedAt.slice(0, 10))} at the end of the retention period. The anonymised record, its learning and its links stay.</p>
          ) : showPersonal ? (
            <Personal id={r.id} label={PERSON_NAME_LABEL[r.type]} onHide={() => setShowPersonal(false)} />
          ) : (
            <p>
              Names and case references are kept apart and never appear in packs or minutes.{' '}
              <button type="button" className="button button--link" onClick={() => setShowPersonal(true)}>
                Show restricted fields
              </button>
            </p>
          )}
        </div>
      </div>
      <History table="evidence" recordKey={String(r.id)} />
      {confirmArchive && (
        <Dialog title={`Archive ${r.ref}?`} onClose={() => setConfirmArchive(false)}>
          <p>It will be hidden from the register, search and theme suggestions. Its links to themes and its history stay, and you can restore it at any time.</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              onClick={async () => {
                await archive.mutateAsync({ id: r.id, archived: true });
                toast.notify(`${r.ref} archived`);
                setConfirmArchive(false);
              }}
            >
              Archive
            </button>
            <button type="button" className="button button--secondary" data-autofocus onClick={() => setConfirmArchive(false)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}

/** Lineage back from the evidence: the recommendations made on the themes it is linked to. */
function InformedRecommendations({ evidenceId }: { evidenceId: number }) {
  const recs = useRecommendationsForEvidence(evidenceId);
  return <RecommendationLinks query={recs} none="None yet. When the panel makes a recommendation on a theme this evidence is linked to, it is listed here." />;
}

function Personal({ id, label, onHide }: { id: number; label: string; onHide(): void }) {
  const p = useEvidencePersonal(id, true);
  if (p.isPending) return <Loading what="restricted fields" />;
  if (p.isError) return <ErrorState error={p.error} />;
  return (
    <div className="restricted">
      <Facts
        rows={[
          [label, p.data.personName],
          ['Case reference', p.data.caseReference],
        ]}
      />
      <button type="button" className="button button--link" onClick={onHide}>
        Hide restricted fields
      </button>
    </div>
  );
}

function CoronerPanel({ r }: { r: Evidence }) {
  const t = r.coroner!;
  const [editing, setEditing] = useState(false);
  return (
    <section className={`deadline deadline--${t.status}`} aria-labelledby="response-h">
      <h2 id="response-h">Response to the coroner</h2>
      <p className="deadline__status">
        <strong>{CORONER_STATUS_LABELS[t.status]}</strong>
        {t.daysRemaining !== null && (t.daysRemaining >= 0 ? ` · ${t.daysRemaining} days remaining` : ` · ${-t.daysRemaining} days overdue`)}
      </p>
      <Facts
        rows={[
          ['Due (56 days)', d(t.responseDue)],
          ['Extended to', t.extendedTo ? `${d(t.extendedTo)}, granted by ${t.extensionGrantedBy} on ${d(t.extensionGrantedOn)}` : '—'],
          ['Response sent', t.responseSentOn ? d(t.responseSentOn) : t.responded ? 'Yes (date not recorded)' : '—'],
        ]}
      />
      <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
        Record an extension or the response
      </button>
      {editing && <ResponseDialog r={r} onClose={() => setEditing(false)} />}
    </section>
  );
}

function ResponseDialog({ r, onClose }: { r: Evidence; onClose(): void }) {
  const t = r.coroner!;
  const save = useUpdateCoronerResponse();
  const toast = useToast();
  const [v, setV] = useState({ extendedTo: t.extendedTo ?? '', extensionGrantedBy: t.extensionGrantedBy, extensionGrantedOn: t.extensionGrantedOn ?? '', responseSentOn: t.responseSentOn ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const field = (k: keyof typeof v, label: string, type: 'date' | 'text') => (
    <Field label={label} error={errors[k]}>
      {(p) => <input {...p} type={type} value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />}
    </Field>
  );
  return (
    <Dialog title={`Response to coroner’s report ${r.ref}`} onClose={onClose}>
      <FormErrorSummary message={summary} />
      <fieldset>
        <legend>Extension granted by the coroner</legend>
        {field('extendedTo', 'New due date', 'date')}
        {field('extensionGrantedBy', 'Granted by', 'text')}
        {field('extensionGrantedOn', 'Granted on', 'date')}
      </fieldset>
      {field('responseSentOn', 'Response sent on', 'date')}
      <div className="form__actions">
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await save.mutateAsync({ evidenceId: r.id, ...v });
              toast.notify('Response tracking saved');
              onClose();
            } catch (err) {
              if (err instanceof ApiError && err.fields) setErrors(err.fields);
              setSummary(err instanceof Error ? err.message : 'Not saved.');
            }
          }}
        >
          Save
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
