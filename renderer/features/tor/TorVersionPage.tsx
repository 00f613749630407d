import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { describeQuorum, TOR_STATUS_LABELS, type TorVersion } from '#shared/domain/tor';
import { formatDateLong, londonToday } from '#shared/format';
import { ApiError } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormErrorSummary } from '../../ui/FormErrors';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { ExportButton } from '../documents/ExportButton';
import { useTorActions, useTorVersion } from './hooks';

export function TorVersionPage({ id }: { id: number }) {
  const v = useTorVersion(id);
  if (v.isPending) return <Loading what="the Terms of Reference" />;
  if (v.isError) return <ErrorState error={v.error} onRetry={() => v.refetch()} />;
  return v.data.status === 'draft' ? <DraftEditor tor={v.data} /> : <ReadOnly tor={v.data} />;
}

function ReadOnly({ tor }: { tor: TorVersion }) {
  const { create } = useTorActions();
  const [, navigate] = useLocation();
  return (
    <Page
      title={`Terms of Reference, version ${tor.version}`}
      back={<Link href="/tor">Back to Terms of Reference</Link>}
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={async () => navigate(`/tor/${(await create.mutateAsync(tor.id)).id}`)}>
            New draft from this version
          </button>
          <ExportButton kind="tor" torId={tor.id} label="Export (Word)" />
        </>
      }
    >
      <p>
        <span className={`badge badge--${tor.status === 'approved' ? 'ok' : 'muted'}`}>{TOR_STATUS_LABELS[tor.status]}</span>{' '}
        {tor.approvedOn && `Approved on ${formatDateLong(tor.approvedOn)}${tor.approvedBy ? ` by ${tor.approvedBy}` : ''}. `}Review by {formatDateLong(tor.reviewDate)}.
      </p>
      {tor.sections.map((s, i) => (
        <section key={s.key} aria-labelledby={`tor-${s.key}`}>
          <h2 id={`tor-${s.key}`}>
            {i + 1}. {s.heading}
          </h2>
          {s.key === 'quorum' && <p>{describeQuorum(tor.quorum)}</p>}
          {s.body.split(/\n+/).map((para, j) => (
            <p key={j} className="prose">
              {para}
            </p>
          ))}
        </section>
      ))}
    </Page>
  );
}

function DraftEditor({ tor }: { tor: TorVersion }) {
  const { update, approve, remove } = useTorActions();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [bodies, setBodies] = useState(() => Object.fromEntries(tor.sections.map((s) => [s.key, s.body])));
  const [reviewDate, setReviewDate] = useState(tor.reviewDate);
  const [quorum, setQuorum] = useState({ chairOrDeputy: tor.quorum.chairOrDeputy, minMembers: String(tor.quorum.minMembers), minDirectorsGeneral: String(tor.quorum.minDirectorsGeneral) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [approvedOn, setApprovedOn] = useState('');
  useEffect(() => setApprovedOn(londonToday(new Date())), []);

  async function save(quiet = false) {
    setSummary(null);
    setErrors({});
    try {
      await update.mutateAsync({
        id: tor.id,
        reviewDate,
        quorum: { chairOrDeputy: quorum.chairOrDeputy, minMembers: Number(quorum.minMembers), minDirectorsGeneral: Number(quorum.minDirectorsGeneral) },
        sections: tor.sections.map((s) => ({ key: s.key, body: bodies[s.key] ?? '' })),
      });
      if (!quiet) toast.notify(`Draft version ${tor.version} saved`);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      setSummary(err instanceof Error ? err.message : 'The draft could not be saved.');
      return false;
    }
  }

  async function doApprove() {
    if (!(await save(true))) {
      setApproving(false);
      return;
    }
    try {
      await approve.mutateAsync({ id: tor.id, approvedOn });
      toast.notify(`Version ${tor.version} approved and in force`);
      setApproving(false);
    } catch (err) {
      setApproving(false);
      setSummary(err instanceof Error ? err.message : 'The version could not be approved.');
    }
  }

  return (
    <Page title={`Draft Terms of Reference, version ${tor.version}`} back={<Link href="/tor">Back to Terms of Reference</Link>}>
      <FormErrorSummary message={summary} />
      <div className="form form--wide">
        <Field label="Review date" error={errors.reviewDate}>
          {(p) => <input {...p} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} />}
        </Field>
        <fieldset className="fieldset">
          <legend>Quorum</legend>
          <label className="checkbox">
            <input type="checkbox" checked={quorum.chairOrDeputy} onChange={(e) => setQuorum({ ...quorum, chairOrDeputy: e.target.checked })} /> The chair or a nominated deputy must be present
          </label>
          <div className="form__row">
            <Field label="At least this many members" error={errors['quorum.minMembers']}>
              {(p) => <input {...p} type="number" min={1} max={50} value={quorum.minMembers} onChange={(e) => setQuorum({ ...quorum, minMembers: e.target.value })} />}
            </Field>
            <Field label="Of whom Directors General" error={errors['quorum.minDirectorsGeneral']}>
              {(p) => <input {...p} type="number" min={0} max={50} value={quorum.minDirectorsGeneral} onChange={(e) => setQuorum({ ...quorum, minDirectorsGeneral: e.target.value })} />}
            </Field>
          </div>
        </fieldset>
        {tor.sections.map((s, i) => (
          <Field key={s.key} label={`${i + 1}. ${s.heading}`} error={errors[`sections.${i}.body`]}>
            {(p) => <textarea {...p} rows={s.key === 'review-date' ? 2 : 6} value={bodies[s.key] ?? ''} onChange={(e) => setBodies({ ...bodies, [s.key]: e.target.value })} />}
          </Field>
        ))}
        <div className="form__actions">
          <button type="button" className="button" onClick={() => void save()}>
            Save draft
          </button>
          <button type="button" className="button button--secondary" onClick={() => setApproving(true)}>
            Approve this version…
          </button>
          <ExportButton kind="tor" torId={tor.id} label="Export draft (Word)" />
          <button type="button" className="button button--danger-secondary" onClick={() => setDeleting(true)}>
            Delete draft
          </button>
        </div>
      </div>
      {deleting && (
        <ConfirmDialog
          title={`Delete draft version ${tor.version}?`}
          confirmLabel="Delete draft"
          keepLabel="Keep it"
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await remove.mutateAsync(tor.id);
            toast.notify(`Draft version ${tor.version} deleted`);
            navigate('/tor');
          }}
        >
          <p>The draft and every change made to it since it was started will be lost and cannot be recovered. Approved and superseded versions are not affected.</p>
        </ConfirmDialog>
      )}
      {approving && (
        <Dialog title={`Approve version ${tor.version}?`} onClose={() => setApproving(false)}>
          <p>Version {tor.version} comes into force and the version now in force becomes superseded. An approved version cannot be edited; later changes need a new draft.</p>
          <Field label="Date approved">{(p) => <input {...p} type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} />}</Field>
          <div className="form__actions">
            <button type="button" className="button" onClick={doApprove}>
              Approve
            </button>
            <button type="button" className="button button--secondary" onClick={() => setApproving(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      )}
    </Page>
  );
}
