// The agenda builder: items in order with running times, drag-and-drop and keyboard reordering,
// papers, and the chair's review. An approved agenda is shown locked.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import type { AgendaItem, AgendaState } from '#shared/domain/agenda';
import type { Identity } from '#shared/domain/identity';
import type { Panel, PanelStatus } from '#shared/domain/panels';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { useMembers } from '../members/hooks';
import { useThemeOptions } from '../themes/hooks';
import { AgendaItemRow } from './AgendaItemRow';
import { useAgenda, useAgendaAction, useReorderAgenda } from './hooks';
import { ItemDialog } from './ItemDialog';
import { ReviewPanel } from './ReviewPanel';
import { ExportButton } from '../documents/ExportButton';

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(new Error(`${file.name} could not be read.`));
    r.readAsDataURL(file);
  });
}

/**
 * The pack button fits the panel's status: a draft before the agenda is approved, "issue" only
 * while it is approved and not yet issued, a fresh copy once issued or held, and none for a
 * meeting held without an approved agenda (a draft pack after the meeting helps nobody).
 */
function packLabel(status: PanelStatus, agendaState: AgendaState): string | null {
  const held = ['held', 'minutes-draft', 'minutes-approved'].includes(status);
  if (status === 'cancelled') return null;
  if (agendaState !== 'approved') return held ? null : 'Export a draft pack (Word)';
  if (status === 'agenda-approved') return 'Issue the panel pack (Word)';
  return held ? 'Export the pack as issued (Word)' : 'Export the issued pack again (Word)';
}

export function AgendaBuilder({ panel, who }: { panel: Panel; who: Identity }) {
  const agenda = useAgenda(panel.id);
  const members = useMembers(false);
  const themes = useThemeOptions();
  const toast = useToast();
  const add = useAgendaAction('addAgendaItem', panel.id);
  const update = useAgendaAction('updateAgendaItem', panel.id);
  const remove = useAgendaAction('removeAgendaItem', panel.id);
  const reorder = useReorderAgenda(panel.id);
  const attach = useAgendaAction('attachPaper', panel.id);
  const removePaper = useAgendaAction('removePaper', panel.id);
  const [editing, setEditing] = useState<AgendaItem | 'new' | null>(null);
  const [removing, setRemoving] = useState<AgendaItem | null>(null);
  const [removingPaper, setRemovingPaper] = useState<{ id: number; fileName: string; item: AgendaItem } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  if (agenda.isPending) return <Loading what="the agenda" />;
  if (agenda.isError) return <ErrorState error={agenda.error} onRetry={() => agenda.refetch()} />;
  const a = agenda.data;
  const editable = !['held', 'minutes-draft', 'minutes-approved', 'cancelled'].includes(panel.status);
  const locked = a.state === 'approved' || !editable;
  const pack = packLabel(panel.status, a.state);

  async function run(p: Promise<unknown>, done?: string) {
    setProblem(null);
    try {
      await p;
      if (done) toast.notify(done);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : 'That did not work. Try again.');
    }
  }

  /** Moves an item, and says so once the agenda shows it moved (a move refused says why instead). */
  function move(ids: number[], title: string, to: number) {
    void run(reorder.mutateAsync({ panelId: panel.id, itemIds: ids }).then(() => setAnnounce(`${title} moved to position ${to + 1} of ${ids.length}.`)));
  }

  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const ids = a.items.map((i) => i.id);
    const from = ids.indexOf(Number(e.active.id));
    const to = ids.indexOf(Number(e.over.id));
    move(arrayMove(ids, from, to), a.items[from].title, to);
  }

  return (
    <section className="agenda" aria-labelledby="agenda-heading">
      <div className="section-header">
        <h2 id="agenda-heading" tabIndex={-1}>Agenda</h2>
        <div className="page__actions">
          {!locked && (
            <button type="button" className="button" onClick={() => setEditing('new')}>
              Add an item
            </button>
          )}
          <ExportButton kind="agenda" panelId={panel.id} label="Export agenda (Word)" />
          {pack && <ExportButton kind="pack" panelId={panel.id} label={pack} prepareAhead={a.state === 'approved'} />}
        </div>
      </div>
      <p className={`timing${a.overrunMinutes > 0 ? ' timing--over' : ''}`} role={a.overrunMinutes > 0 ? 'alert' : undefined}>
        Running time {a.totalMinutes} of {a.meetingMinutes} minutes
        {a.overrunMinutes > 0 ? ` — ${a.overrunMinutes} minutes over the meeting’s length. Shorten or remove items.` : ` — ${a.meetingMinutes - a.totalMinutes} minutes spare.`}
      </p>
      {problem && (
        <div className="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {!locked && <p className="muted">Drag items by their handle, or use the ↑ and ↓ buttons, to change the order.</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={a.items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="agenda-list" aria-label="Agenda items">
            {a.items.map((item, index) => (
              <AgendaItemRow
                key={item.id}
                item={item}
                index={index}
                count={a.items.length}
                locked={locked}
                onMove={(d) => {
                  const ids = a.items.map((i) => i.id);
                  move(arrayMove(ids, index, index + d), item.title, index + d);
                }}
                onEdit={() => setEditing(item)}
                onRemove={() => setRemoving(item)}
                onAttach={async (file) => {
                  if (file.size > 20 * 1024 * 1024) {
                    setProblem(`${file.name} is larger than 20 MB. Attach a smaller file.`);
                    return;
                  }
                  await run(
                    toBase64(file).then((contentBase64) => attach.mutateAsync({ itemId: item.id, fileName: file.name, contentBase64 })),
                    `${file.name} attached`,
                  );
                }}
                onRemovePaper={(id, fileName) => setRemovingPaper({ id, fileName, item })}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <ReviewPanel agenda={a} panelId={panel.id} who={who} editable={editable} />
      {editing && (
        <ItemDialog
          item={editing === 'new' ? null : editing}
          members={members.data ?? []}
          themes={themes.data ?? []}
          onClose={() => setEditing(null)}
          onSave={async (v) => {
            if (editing === 'new') await add.mutateAsync({ panelId: panel.id, ...v });
            else await update.mutateAsync({ id: editing.id, ...v });
            toast.notify(editing === 'new' ? 'Item added' : 'Item saved');
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.title}”?`}
          confirmLabel="Remove item"
          keepLabel="Keep it"
          onClose={() => setRemoving(null)}
          focusAfter={() => document.getElementById('agenda-heading')}
          onConfirm={async () => {
            await remove.mutateAsync({ id: removing.id });
            toast.notify(`“${removing.title}” removed`);
          }}
        >
          <p>
            Remove the item “{removing.title}”{removing.papers.length ? ` and its ${removing.papers.length} ${removing.papers.length === 1 ? 'paper' : 'papers'}` : ''} from the agenda?
          </p>
          <p>
            Its purpose, presenter and timing{removing.notes ? ', its notes' : ''}
            {removing.papers.length ? <>, and the app’s copies of {removing.papers.map((p) => `“${p.fileName}”`).join(', ')}</> : ''} cannot be recovered. To put it back, add the item again
            {removing.papers.length ? ' and attach the papers from their originals' : ''}.
          </p>
        </ConfirmDialog>
      )}
      {removingPaper && (
        <ConfirmDialog
          title={`Remove the paper “${removingPaper.fileName}”?`}
          confirmLabel="Remove paper"
          keepLabel="Keep it"
          onClose={() => setRemovingPaper(null)}
          focusAfter={() => document.getElementById('agenda-heading')}
          onConfirm={async () => {
            await removePaper.mutateAsync({ id: removingPaper.id });
            toast.notify(`${removingPaper.fileName} removed`);
          }}
        >
          <p>
            “{removingPaper.fileName}” will be taken off “{removingPaper.item.title}” and the app’s copy of it deleted. It cannot be recovered here: to put it back, attach the original file again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
