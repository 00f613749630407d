import { RAG_LABELS, REC_STATUS_LABELS, type Rag, type RecStatus } from '#shared/domain/recommendations';

/** Red, amber or green in words as well as colour, with a shape, so colour is never the only signal. */
export function RagBadge({ rag }: { rag: Rag }) {
  if (rag === 'none') {
    return (
      <span className="muted">
        <span aria-hidden="true">{RAG_LABELS.none}</span>
        <span className="visually-hidden">Not rated</span>
      </span>
    );
  }
  return (
    <span className={`rag rag--${rag}`}>
      <span className="rag__mark" aria-hidden="true" />
      {RAG_LABELS[rag]}
    </span>
  );
}

const STATUS_BADGE: Record<RecStatus, string> = {
  proposed: 'badge--neutral',
  accepted: 'badge--info',
  'in-progress': 'badge--info',
  'not-accepted': 'badge--muted',
  implemented: 'badge--ok',
  closed: 'badge--muted',
};

export function StatusBadge({ status }: { status: RecStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{REC_STATUS_LABELS[status]}</span>;
}
