import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { EVIDENCE_TYPE_LABELS, type EvidenceType } from '#shared/domain/evidence';
import { AMBER_WITHIN_DAYS, ESCALATION_LABELS, REC_STATUS_LABELS, type Recommendation, type RecommendationUpdate } from '#shared/domain/recommendations';
import { formatDateCompact, formatDateLong } from '#shared/format';
import { Dialog } from '../../ui/Dialog';
import { Page } from '../../ui/Page';
import { ErrorState, Loading } from '../../ui/States';
import { EscalateForm } from './EscalateForm';
import { useRecommendation } from './hooks';
import { RagBadge, StatusBadge } from './RagBadge';
import { UpdateForm } from './UpdateForm';

const d = (iso: string | null | undefined) => (iso ? formatDateLong(iso) : '—');
const days = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'day' : 'days'}`;

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

/** Why the RAG rating is what it is, in the words of the rule that set it. */
function ragReason(r: Recommendation): string {
  switch (r.rag) {
    case 'red':
      return r.overdue ? 'past its target date' : ESCALATION_LABELS[r.escalationLevel].toLowerCase();
    case 'amber':
      if (r.escalationLevel === 'panel') return 'escalated to the panel';
      if (r.targetChanges >= 2) return `target date moved ${r.targetChanges} times`;
      return `target date within ${AMBER_WITHIN_DAYS} days`;
    case 'green':
      return 'on track';
    case 'complete':
      return REC_STATUS_LABELS[r.status].toLowerCase();
    case 'none':
      return 'not rated: the recommendation was not accepted';
  }
}

/** One update in words: what changed, then the narrative. */
function updateKind(u: RecommendationUpdate): string {
  switch (u.kind) {
    case 'made':
      return 'Made';
    case 'status':
      return `Status: ${u.fromStatus ? REC_STATUS_LABELS[u.fromStatus] : '—'} → ${u.toStatus ? REC_STATUS_LABELS[u.toStatus] : '—'}`;
    case 'target-date':
      return u.fromTarget ? `Target date moved from ${d(u.fromTarget)} to ${d(u.toTarget)}` : `Target date set to ${d(u.toTarget)}`;
    case 'escalation':
      return !u.escalationLevel || u.escalationLevel === 'none' ? 'Escalation withdrawn' : ESCALATION_LABELS[u.escalationLevel];
    case 'progress':
      return 'Progress';
  }
}

export function RecommendationDetailPage({ id }: { id: number }) {
  const q = useRecommendation(id);
  const [dialog, setDialog] = useState<'update' | 'escalate' | null>(null);
  if (q.isPending) return <Loading what="the recommendation" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const r = q.data;
  const closed = r.status === 'closed';
  return (
    <Page
      title={r.ref}
      back={<Link href="/recommendations">Back to recommendations</Link>}
      actions={
        closed ? undefined : (
          <>
            <button type="button" className="button" onClick={() => setDialog('update')}>
              Add an update
            </button>
            <button type="button" className="button button--secondary" onClick={() => setDialog('escalate')}>
              Escalate
            </button>
          </>
        )
      }
    >
      <p className="meta">
        <StatusBadge status={r.status} /> <RagBadge rag={r.rag} />
        {r.escalationLevel !== 'none' && <span className="badge badge--danger">{ESCALATION_LABELS[r.escalationLevel]}</span>}
        {r.overdueDays !== null && <span className="text-danger">Overdue by {days(r.overdueDays)}</span>}
      </p>
      <blockquote className="rec-text">{r.text || <span className="muted">No text yet.</span>}</blockquote>
      {!r.complete && (
        <p className="notice">
          This recommendation is incomplete: it needs its text, an accountable Director General, an owner and a target date before updates can be added. Complete it in the record of the{' '}
          <Link href={`/panels/${r.panelId}`}>meeting that made it</Link>.
        </p>
      )}
      {closed && <p className="notice notice--done">Closed: this recommendation’s history is complete, so no further updates can be added.</p>}
      <div className="columns">
        <section aria-labelledby="facts-h">
          <h2 id="facts-h">Tracking</h2>
          <Facts
            rows={[
              ['Status', REC_STATUS_LABELS[r.status]],
              [
                'RAG',
                <>
                  <RagBadge rag={r.rag} /> <span className="muted">({ragReason(r)})</span>
                </>,
              ],
              ['Accountable Director General', r.dgName ?? 'Not yet assigned'],
              ['Owner', r.owner || 'Not yet assigned'],
              ['Target date', r.targetDate ? d(r.targetDate) : 'Not set'],
              ['Overdue', r.overdueDays !== null ? <span className="text-danger">Yes, by {days(r.overdueDays)}</span> : 'No'],
              ['Days open', r.daysOpen.toLocaleString('en-GB')],
              ['Target date changes', r.targetChanges === 0 ? 'None' : r.targetChanges],
              [
                'Escalation',
                r.escalationLevel === 'none' ? (
                  'Not escalated'
                ) : (
                  <>
                    {ESCALATION_LABELS[r.escalationLevel]} on {d(r.escalatedOn)}
                    {r.escalationReason && <p className="prose">{r.escalationReason}</p>}
                  </>
                ),
              ],
              ...(r.notAcceptedReason || r.status === 'not-accepted' ? ([['Reason not accepted', <p className="prose">{r.notAcceptedReason || '—'}</p>]] as [string, ReactNode][]) : []),
              ...(r.implementationEvidence || r.confirmedBy || r.status === 'implemented' || closed
                ? ([
                    ['Evidence of implementation', <p className="prose">{r.implementationEvidence || '—'}</p>],
                    ['Confirmed by', r.confirmedBy],
                  ] as [string, ReactNode][])
                : []),
            ]}
          />
        </section>
        <Lineage r={r} />
      </div>
      <section aria-labelledby="history-h">
        <h2 id="history-h">History ({r.updates.length})</h2>
        <ol className="timeline rec-history">
          {r.updates.map((u) => (
            <li key={u.id}>
              <span className="timeline__when">{d(u.onDate)}</span> <strong>{updateKind(u)}</strong>
              {u.narrative && <blockquote>{u.narrative}</blockquote>}
              <span className="rec-history__by">by {u.author}</span>
            </li>
          ))}
        </ol>
      </section>
      {dialog === 'update' && (
        <Dialog title={`Add an update to ${r.ref}`} onClose={() => setDialog(null)}>
          <UpdateForm rec={r} onDone={() => setDialog(null)} />
        </Dialog>
      )}
      {dialog === 'escalate' && (
        <Dialog title={`Escalate ${r.ref}`} onClose={() => setDialog(null)}>
          <EscalateForm rec={r} onDone={() => setDialog(null)} />
        </Dialog>
      )}
    </Page>
  );
}

/** Where the recommendation came from: the panel, the agenda item, its themes and their evidence. */
function Lineage({ r }: { r: Recommendation }) {
  const more = r.evidenceTotal - r.evidence.length;
  return (
    <section aria-labelledby="lineage-h">
      <h2 id="lineage-h">Lineage</h2>
      <Facts
        rows={[
          [
            'Made at',
            <Link href={`/panels/${r.panelId}`}>
              {r.panelQuarter} panel, {d(r.panelDate)}
            </Link>,
          ],
          ['Agenda item', r.agendaItemTitle ?? 'Not recorded'],
          [
            'Themes',
            r.themeIds.length === 0 ? (
              'None linked'
            ) : (
              <ul className="plain-list">
                {r.themeIds.map((t, i) => (
                  <li key={t}>
                    <Link href={`/themes/${t}`}>{r.themeTitles[i]}</Link>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      <h3 className="rec-evidence__h">Evidence behind its themes ({r.evidenceTotal})</h3>
      {r.evidence.length === 0 ? (
        <p>No evidence is linked to its themes.</p>
      ) : (
        <ul className="rec-evidence">
          {r.evidence.map((e) => (
            <li key={e.id}>
              <Link href={`/evidence/${e.id}`}>{e.ref}</Link> {e.title}
              <div className="muted">
                {EVIDENCE_TYPE_LABELS[e.type as EvidenceType] ?? e.type} · received {formatDateCompact(e.receivedOn)}
              </div>
            </li>
          ))}
          {more > 0 && <li className="muted">and {more.toLocaleString('en-GB')} more</li>}
        </ul>
      )}
    </section>
  );
}
