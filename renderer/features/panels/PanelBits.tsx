import { PANEL_FORMAT_LABELS, PANEL_STATUS_LABELS, type Panel } from '#shared/domain/panels';

export function StatusBadge({ status }: { status: Panel['status'] }) {
  const tone = status === 'cancelled' ? 'muted' : status === 'minutes-approved' ? 'ok' : status === 'planned' ? 'neutral' : 'info';
  return <span className={`badge badge--${tone}`}>{PANEL_STATUS_LABELS[status]}</span>;
}

export function where(p: Pick<Panel, 'format' | 'location'>): string {
  if (p.format === 'online') return 'Online';
  return p.format === 'hybrid' ? `${p.location} and online` : p.location || PANEL_FORMAT_LABELS[p.format];
}
