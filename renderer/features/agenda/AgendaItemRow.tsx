import { Link } from 'wouter';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ITEM_PURPOSE_LABELS, type AgendaItem } from '#shared/domain/agenda';

interface Props {
  item: AgendaItem;
  index: number;
  count: number;
  locked: boolean;
  onMove(delta: -1 | 1): void;
  onEdit(): void;
  onRemove(): void;
  onAttach(file: File): void;
  onRemovePaper(paperId: number, fileName: string): void;
}

function kb(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function AgendaItemRow({ item, index, count, locked, onMove, onEdit, onRemove, onAttach, onRemovePaper }: Props) {
  const sortable = useSortable({ id: item.id, disabled: locked });
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  return (
    <li ref={sortable.setNodeRef} style={style} className={`agenda-item${sortable.isDragging ? ' agenda-item--dragging' : ''}`}>
      {!locked && (
        <button type="button" className="drag-handle" aria-label={`Drag to reorder: ${item.title}`} {...sortable.attributes} {...sortable.listeners}>
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <div className="agenda-item__number" aria-hidden="true">
        {index + 1}
      </div>
      <div className="agenda-item__body">
        <p className="agenda-item__title">
          <span className="visually-hidden">Item {index + 1}: </span>
          {item.title}
        </p>
        <p className="agenda-item__meta">
          {ITEM_PURPOSE_LABELS[item.purpose]} · {item.presenterName ? `Presenter: ${item.presenterName}` : 'No presenter yet'} · {item.startsAt}–{item.endsAt} ({item.minutes} min)
        </p>
        {item.themeId && (
          <p className="agenda-item__meta">
            Theme: <Link href={`/themes/${item.themeId}`}>{item.themeTitle}</Link>
          </p>
        )}
        {item.papers.length > 0 && (
          <ul className="papers" aria-label={`Papers for ${item.title}`}>
            {item.papers.map((p) => (
              <li key={p.id}>
                <span className="paper-label">Paper:</span> {p.fileName} <span className="muted">({kb(p.bytes)}, added by {p.addedBy})</span>{' '}
                {!locked && (
                  <button type="button" className="button button--link" onClick={() => onRemovePaper(p.id, p.fileName)}>
                    Remove <span className="visually-hidden">{p.fileName}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {!locked && (
        <div className="agenda-item__actions">
          <button type="button" className="button button--small button--secondary" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move up: ${item.title}`}>
            ↑
          </button>
          <button type="button" className="button button--small button--secondary" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move down: ${item.title}`}>
            ↓
          </button>
          <button type="button" className="button button--small button--secondary" onClick={onEdit}>
            Edit <span className="visually-hidden">{item.title}</span>
          </button>
          <label className="button button--small button--secondary file-button">
            Attach paper<span className="visually-hidden"> to {item.title}</span>
            <input
              type="file"
              className="visually-hidden"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) onAttach(f);
                e.target.value = '';
              }}
            />
          </label>
          <button type="button" className="button button--small button--danger-secondary" onClick={onRemove}>
            Remove <span className="visually-hidden">{item.title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
