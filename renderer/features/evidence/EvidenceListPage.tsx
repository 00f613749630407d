import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, EVIDENCE_TYPE_SHORT, type EvidenceRow, type EvidenceSort, type EvidenceType } from '#shared/domain/evidence';
import { formatDateCompact } from '#shared/format';
import { ColumnsMenu, useHiddenColumns } from '../../ui/Columns';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useToast } from '../../ui/Toast';
import { SEARCH_PAUSE_MS, useDebounced } from '../../ui/useDebounced';
import { useLinkEvidence, useThemeOptions } from '../themes/hooks';
import { useEvidenceLabels, useRegister } from './hooks';
import { DEFAULT_SORT, EMPTY, loadFilters, saveFilters, toFilter, type Filters } from './registerFilters';

const COLUMNS_STORE = 'scp.evidence.columns';
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 46;
const FALLBACK_RECT = { width: 1000, height: 640 };

const NO_THEMES: { id: number; title: string }[] = [];

type ColumnId = 'ref' | 'title' | 'type' | 'receivedOn' | 'region' | 'themes' | 'replyDue';
type OptionalColumn = Exclude<ColumnId, 'ref' | 'title'>;
const COLUMNS: { id: ColumnId; key: EvidenceSort | null; label: string; className: string }[] = [
  { id: 'ref', key: 'ref', label: 'Reference', className: 'col-ref' },
  { id: 'title', key: 'title', label: 'Title', className: 'col-title' },
  { id: 'type', key: 'type', label: 'Source', className: 'col-type' },
  { id: 'receivedOn', key: 'receivedOn', label: 'Received', className: 'col-date col-received' },
  { id: 'region', key: 'region', label: 'Region or area', className: 'col-region' },
  { id: 'themes', key: null, label: 'Themes', className: 'col-num' },
  { id: 'replyDue', key: null, label: 'Reply due', className: 'col-date' },
];
// The reference and title name the record: they cannot be hidden.
const OPTIONAL_COLUMNS = COLUMNS.filter((c): c is (typeof COLUMNS)[number] & { id: OptionalColumn } => c.id !== 'ref' && c.id !== 'title').map((c) => ({ key: c.id, label: c.label }));

export function EvidenceListPage() {
  const [filters, setFilters] = useState<Filters>(loadFilters);
  const [sort, setSort] = useState<EvidenceSort>(DEFAULT_SORT.sort);
  const [desc, setDesc] = useState(DEFAULT_SORT.desc);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const columns = useHiddenColumns(COLUMNS_STORE, OPTIONAL_COLUMNS);
  const text = useDebounced(filters.text, SEARCH_PAUSE_MS);
  const filter = useMemo(() => toFilter(filters, text), [filters, text]);
  // The rows in view, as the table last drew them for this filter and sort (a new one starts at
  // the top); the register reads the pages that hold them.
  const listId = JSON.stringify([filter, sort, desc]);
  const [view, setView] = useState({ listId, from: 0, to: 0 });
  const onView = useCallback((list: string, from: number, to: number) => setView((v) => (v.listId === list && v.from === from && v.to === to ? v : { listId: list, from, to })), []);
  const inView = view.listId === listId ? view : { from: 0, to: 0 };
  const pages = useRegister(filter, sort, desc, inView.from, inView.to);
  const labels = useEvidenceLabels();
  const themes = useThemeOptions();
  // Two thousand themes make a long list of options: it is drawn after the rows, never before them.
  const themeOptions = useDeferredValue(themes.data ?? NO_THEMES, NO_THEMES);

  useEffect(() => {
    saveFilters(filters);
  }, [filters]);

  const rows = pages.rows;
  const total = pages.total ?? 0;
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const active = JSON.stringify(filters) !== JSON.stringify(EMPTY);

  const toggleSort = (key: EvidenceSort) => {
    if (sort === key) setDesc((d) => !d);
    else {
      setSort(key);
      setDesc(key === 'receivedOn');
    }
  };

  return (
    <Page
      title="Evidence register"
      actions={
        <>
          <Link href="/evidence/import" className="button button--secondary">
            Import
          </Link>
          <Link href="/evidence/new" className="button">
            Add evidence
          </Link>
        </>
      }
    >
      <p className="lead">Internal Process Reviews, complaint themes, frontline feedback, ICE reports, coroners’ reports, Safeguarding Adult Reviews and other reports. Names and case references are kept apart and never shown here.</p>
      <form className="filters" role="search" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
        <label className="filters__search">
          <span>Search</span>
          <input type="search" value={filters.text} onChange={(e) => set('text', e.target.value)} placeholder="Words in the reference, title, summary or tags" />
        </label>
        <label>
          <span>Source</span>
          <select value={filters.type} onChange={(e) => set('type', e.target.value as EvidenceType | '')}>
            <option value="">All sources</option>
            {EVIDENCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {EVIDENCE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Received from</span>
          <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          <span>Received to</span>
          <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          <span>Benefit line</span>
          <select value={filters.benefitLine} onChange={(e) => set('benefitLine', e.target.value)}>
            <option value="">Any</option>
            {labels.data?.benefitLines.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select value={filters.tag} onChange={(e) => set('tag', e.target.value)}>
            <option value="">Any</option>
            {labels.data?.tags.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Theme</span>
          <select value={filters.themeId} onChange={(e) => set('themeId', e.target.value)}>
            <option value="">Any</option>
            {themeOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.openDeadline} onChange={(e) => set('openDeadline', e.target.checked)} /> Coroner response outstanding
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filters.includeArchived} onChange={(e) => set('includeArchived', e.target.checked)} /> Include archived
        </label>
        {active && (
          <button type="button" className="button button--link" onClick={() => setFilters(EMPTY)}>
            Clear filters
          </button>
        )}
      </form>

      <div className="table-tools">
        <p className="count" role="status" aria-live="polite">
          {pages.isPending ? 'Loading…' : `${total.toLocaleString('en-GB')} ${total === 1 ? 'record' : 'records'}${active ? ' match the filters' : ''}`}
          {pages.isUpdating ? ' · updating…' : ''}
        </p>
        <ColumnsMenu table="the register" optional={OPTIONAL_COLUMNS} fixed={['Reference', 'Title']} choice={columns} />
      </div>

      {pages.pageError && <ErrorState error={pages.pageError} onRetry={() => pages.refetch()} />}
      {selected.size > 0 && <LinkBar selected={selected} onDone={() => setSelected(new Set())} themes={themes.data ?? []} />}

      {pages.isPending ? (
        <Loading what="the register" />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : total === 0 ? (
        active ? (
          <EmptyState title="Nothing matches these filters">
            <p>Try fewer words, a wider date range, or clear the filters.</p>
            <button type="button" className="button button--secondary" onClick={() => setFilters(EMPTY)}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="The register is empty">
            <p>Add evidence as it arrives (an Internal Process Review, a complaint theme, a coroner’s report…), or import coroners’ reports from the Preventable Deaths Tracker.</p>
            <p>
              <Link href="/evidence/new" className="button">
                Add evidence
              </Link>{' '}
              <Link href="/evidence/import" className="button button--secondary">
                Import a file
              </Link>
            </p>
          </EmptyState>
        )
      ) : (
        <VirtualTable
          listId={listId}
          rowAt={pages.rowAt}
          loadedRows={rows}
          total={total}
          onView={onView}
          hidden={columns.hidden}
          sort={sort}
          desc={desc}
          onSort={toggleSort}
          selected={selected}
          onSelect={(id, on) =>
            setSelected((s) => {
              const n = new Set(s);
              if (on) n.add(id);
              else n.delete(id);
              return n;
            })
          }
          onSelectAll={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
        />
      )}
    </Page>
  );
}

function VirtualTable(props: {
  /** names the list (its filter and sort): a new one starts at the top */
  listId: string;
  rowAt(index: number): EvidenceRow | undefined;
  /** the rows of the pages read, for "select all loaded" */
  loadedRows: EvidenceRow[];
  total: number;
  /** told the rows in view (overscan included) of the list whenever they change */
  onView(listId: string, from: number, to: number): void;
  hidden: readonly ColumnId[];
  sort: EvidenceSort;
  desc: boolean;
  onSort(k: EvidenceSort): void;
  selected: Set<number>;
  onSelect(id: number, on: boolean): void;
  onSelectAll(on: boolean): void;
}) {
  const { rowAt, loadedRows, total, onView, listId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The sticky header sits above the first row inside the scroller.
    scrollMargin: HEADER_HEIGHT,
    // Until the scroller has a measured height (and where layout reports none), draw a screenful.
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT)),
  });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // A new filter or sort is read from its first row: the rows drawn for the last are not its own.
  const shownList = useRef(listId);
  useEffect(() => {
    if (shownList.current === listId) return onView(listId, first, last);
    shownList.current = listId;
    v.scrollToOffset(0);
  }, [listId, first, last, onView, v]);
  const allOn = loadedRows.length > 0 && loadedRows.every((r) => props.selected.has(r.id));

  return (
    <div className="vtable">
      {/* The header scrolls with the rows (sticky), so columns line up whatever the scrollbar. */}
      <div ref={scroller} className="vtable__scroll" tabIndex={0} role="table" aria-label="Evidence register (scroll for more)" aria-rowcount={total + 1}>
        <div role="rowgroup" className="vtable__head">
          <div role="row" className="vtable__row" aria-rowindex={1}>
            <div role="columnheader" className="col-check">
              <input type="checkbox" aria-label="Select all loaded records" checked={allOn} onChange={(e) => props.onSelectAll(e.target.checked)} />
            </div>
            {COLUMNS.filter((c) => !props.hidden.includes(c.id)).map((c) => {
              const sorted = c.key && props.sort === c.key;
              return (
                <div role="columnheader" key={c.label} className={c.className} aria-sort={sorted ? (props.desc ? 'descending' : 'ascending') : undefined}>
                  {c.key ? (
                    <button type="button" className="th-sort" onClick={() => props.onSort(c.key as EvidenceSort)}>
                      {c.label}
                      <span aria-hidden="true">{sorted ? (props.desc ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const r = rowAt(it.index);
            return (
              <div
                key={it.key}
                role="row"
                aria-rowindex={it.index + 2}
                aria-busy={r ? undefined : true}
                className={`vtable__row${r && props.selected.has(r.id) ? ' is-selected' : ''}${r?.archived ? ' is-archived' : ''}${r ? '' : ' is-loading'}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${it.start - HEADER_HEIGHT}px)` }}
              >
                {r ? <Row r={r} hidden={props.hidden} selected={props.selected.has(r.id)} onSelect={props.onSelect} /> : <LoadingRow />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A row whose page is on its way: the same height as a record's, and says so to a screen reader. */
function LoadingRow() {
  return (
    <div role="cell" className="col-loading">
      Loading…
    </div>
  );
}

function Row({ r, hidden, selected, onSelect }: { r: EvidenceRow; hidden: readonly ColumnId[]; selected: boolean; onSelect(id: number, on: boolean): void }) {
  const show = (id: ColumnId) => !hidden.includes(id);
  return (
    <>
      <div role="cell" className="col-check">
        <input type="checkbox" aria-label={`Select ${r.ref}`} checked={selected} onChange={(e) => onSelect(r.id, e.target.checked)} />
      </div>
      <div role="cell" className="col-ref">
        <Link href={`/evidence/${r.id}`}>{r.ref}</Link>
      </div>
      <div role="cell" className="col-title" title={r.title}>
        {r.title}
        {r.archived && <span className="badge badge--muted"> Archived</span>}
      </div>
      {show('type') && (
        <div role="cell" className="col-type">
          <span className={`source source--${r.type}`} title={EVIDENCE_TYPE_LABELS[r.type]}>
            {EVIDENCE_TYPE_SHORT[r.type]}
          </span>
        </div>
      )}
      {show('receivedOn') && (
        <div role="cell" className="col-date col-received">
          {formatDateCompact(r.receivedOn)}
        </div>
      )}
      {show('region') && (
        <div role="cell" className="col-region" title={r.region}>
          {r.region || '—'}
        </div>
      )}
      {show('themes') && (
        <div role="cell" className="col-num">
          {r.themeCount || '—'}
        </div>
      )}
      {show('replyDue') && (
        <div role="cell" className="col-date">
          {r.openDeadline ? formatDateCompact(r.openDeadline) : '—'}
        </div>
      )}
    </>
  );
}

function LinkBar({ selected, themes, onDone }: { selected: Set<number>; themes: { id: number; title: string }[]; onDone(): void }) {
  const [themeId, setThemeId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const link = useLinkEvidence();
  const toast = useToast();
  return (
    <div className="selection-bar" role="region" aria-label="Selected records">
      <strong>{selected.size} selected</strong>
      <label>
        <span>Link to theme</span>
        <select value={themeId} onChange={(e) => setThemeId(e.target.value)}>
          <option value="">Choose a theme…</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Why it belongs (optional)</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button
        type="button"
        className="button"
        disabled={!themeId || link.isPending}
        onClick={async () => {
          setError(null);
          try {
            const r = await link.mutateAsync({ themeId: Number(themeId), evidenceIds: [...selected], note });
            toast.notify(`${r.linked} linked to “${r.theme.title}”${r.alreadyLinked ? `; ${r.alreadyLinked} already were` : ''}.`);
            onDone();
          } catch (e) {
            setError(e instanceof Error ? e.message : 'Linking failed.');
          }
        }}
      >
        Link {selected.size}
      </button>
      <button type="button" className="button button--link" onClick={onDone}>
        Clear selection
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
