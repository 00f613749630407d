import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { RAG_LABELS, REC_STATUSES, REC_STATUS_LABELS, type DgCount, type Rag, type RecFilter, type RecommendationSummary, type RecSort, type RecStatus } from '#shared/domain/recommendations';
import { formatCount, formatDateCompact } from '#shared/format';
import { ColumnsMenu, useHiddenColumns } from '../../ui/Columns';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, Loading } from '../../ui/States';
import { useDebounced } from '../../ui/useDebounced';
import { useMembers } from '../members/hooks';
import { usePanels } from '../panels/hooks';
import { useThemeOptions } from '../themes/hooks';
import { MoreRows } from '../../ui/MoreRows';
import { REC_PAGE_SIZE, useRecommendationPages } from './hooks';
import { RagBadge, StatusBadge } from './RagBadge';
import { TableScroll } from '../../ui/TableScroll';

const STORE = 'scp.recommendations.view';
const COLUMNS_STORE = 'scp.recommendations.columns';
const RAGS: readonly Rag[] = ['red', 'amber', 'green', 'complete', 'none'];
const RAG_CHOICE_LABELS: Record<Rag, string> = { ...RAG_LABELS, none: 'Not rated (not accepted)' };

type Sort = RecSort;
type OptionalColumn = 'state' | 'owner' | 'targetDate' | 'daysOpen' | 'latest';
// The reference and the recommendation's words cannot be hidden.
const OPTIONAL_COLUMNS: { key: OptionalColumn; label: string }[] = [
  { key: 'state', label: 'Status and RAG' },
  { key: 'owner', label: 'Director General and owner' },
  { key: 'targetDate', label: 'Target date' },
  { key: 'daysOpen', label: 'Days open' },
  { key: 'latest', label: 'Latest update' },
];
type View = 'list' | 'dg';

interface Filters {
  text: string;
  owner: string;
  status: RecStatus[];
  rag: Rag[];
  open: boolean;
  overdue: boolean;
  dgId: string;
  themeId: string;
  panelId: string;
  targetFrom: string;
  targetTo: string;
}
const EMPTY: Filters = { text: '', owner: '', status: [], rag: [], open: false, overdue: false, dgId: '', themeId: '', panelId: '', targetFrom: '', targetTo: '' };

interface Prefs {
  filters: Filters;
  view: View;
  sort: Sort;
  desc: boolean;
}
const DEFAULT_PREFS: Prefs = { filters: EMPTY, view: 'list', sort: 'targetDate', desc: false };

function loadPrefs(): Prefs {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<Prefs>;
    return { ...DEFAULT_PREFS, ...saved, filters: { ...EMPTY, ...saved.filters } };
  } catch {
    return DEFAULT_PREFS;
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d{0,9}$/;

/**
 * Filters named in the address (`#/recommendations` with `?overdue=1&dgId=4`, as the dashboard's
 * links give): they replace the remembered ones. Null when the address names none.
 */
export function filtersFromSearch(search: string): Filters | null {
  const p = new URLSearchParams(search);
  const get = (k: string, valid: (v: string) => boolean) => {
    const v = p.get(k);
    return v !== null && valid(v) ? v : undefined;
  };
  const isId = (v: string) => ID.test(v);
  const isDay = (v: string) => ISO_DAY.test(v);
  const some = (v: string) => v.length > 0 && v.length <= 200;
  const list = <T extends string>(k: string, allowed: readonly T[]) => (p.get(k) ?? '').split(',').filter((x): x is T => (allowed as readonly string[]).includes(x));
  const found: Partial<Filters> = {
    open: p.get('open') === '1' || undefined,
    overdue: p.get('overdue') === '1' || undefined,
    dgId: get('dgId', isId),
    themeId: get('themeId', isId),
    panelId: get('panelId', isId),
    targetFrom: get('targetFrom', isDay),
    targetTo: get('targetTo', isDay),
    text: get('text', some),
    owner: get('owner', some),
    status: list('status', REC_STATUSES),
    rag: list('rag', RAGS),
  };
  const given = Object.entries(found).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return given.length ? { ...EMPTY, ...Object.fromEntries(given) } : null;
}

function toFilter(f: Filters, text: string, owner: string): RecFilter {
  return {
    ...(text.trim() ? { text: text.trim() } : {}),
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(f.status.length ? { status: f.status } : {}),
    ...(f.rag.length ? { rag: f.rag } : {}),
    ...(f.open ? { open: true } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.dgId ? { dgId: Number(f.dgId) } : {}),
    ...(f.themeId ? { themeId: Number(f.themeId) } : {}),
    ...(f.panelId ? { panelId: Number(f.panelId) } : {}),
    ...(ISO_DAY.test(f.targetFrom) ? { targetFrom: f.targetFrom } : {}),
    ...(ISO_DAY.test(f.targetTo) ? { targetTo: f.targetTo } : {}),
  };
}

const SORT_WORDS: Record<Sort, [string, string]> = {
  ref: ['reference', 'reference, last first'],
  targetDate: ['target date, earliest first', 'target date, latest first'],
  daysOpen: ['days open, fewest first', 'days open, most first'],
  status: ['status, earliest stage first', 'status, latest stage first'],
};

export function RecommendationsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const [prefs, setPrefs] = useState<Prefs>(() => {
    const saved = loadPrefs();
    const fromAddress = filtersFromSearch(search);
    return fromAddress ? { ...saved, filters: fromAddress } : saved;
  });
  const { filters, view, sort, desc } = prefs;
  const text = useDebounced(filters.text, 250);
  const owner = useDebounced(filters.owner, 250);
  const filter = useMemo(() => toFilter(filters, text, owner), [filters, text, owner]);
  // Sorted, filtered and counted in main; the list reads on a page at a time.
  const { query: recs, rows, first, total, loadMore } = useRecommendationPages(filter, sort, desc, view === 'dg');
  const columns = useHiddenColumns(COLUMNS_STORE, OPTIONAL_COLUMNS);

  useEffect(() => {
    localStorage.setItem(STORE, JSON.stringify(prefs));
  }, [prefs]);

  // A link with filters in its address sets them (and they are remembered like any others); the
  // address is then cleared so that it does not outlive the visit.
  useEffect(() => {
    const fromAddress = filtersFromSearch(search);
    if (!fromAddress) return;
    setPrefs((p) => (JSON.stringify(p.filters) === JSON.stringify(fromAddress) ? p : { ...p, filters: fromAddress }));
    navigate('/recommendations?', { replace: true });
  }, [search, navigate]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setPrefs((p) => ({ ...p, filters: { ...p.filters, [k]: v } }));
  const clear = () => setPrefs((p) => ({ ...p, filters: EMPTY }));
  const active = JSON.stringify(filters) !== JSON.stringify(EMPTY);
  const onSort = (key: Sort) => setPrefs((p) => (p.sort === key ? { ...p, desc: !p.desc } : { ...p, sort: key, desc: key === 'daysOpen' }));
  const overdue = first?.overdue ?? 0;

  return (
    <Page
      title="Recommendations"
      actions={
        <Link href="/recommendations/actions" className="button button--secondary">
          Open actions
        </Link>
      }
    >
      <p className="lead">Every recommendation the panel has made, tracked until it is implemented and closed. Status, target date and escalation change only through a dated update, so each one’s history is whole.</p>
      <RecFilters filters={filters} set={set} active={active} clear={clear} />

      <div className="rec-toolbar">
        <p className="count" role="status" aria-live="polite">
          {recs.isPending ? 'Loading…' : `${formatCount(total, 'recommendation')}${active ? (total === 1 ? ' matches the filters' : ' match the filters') : ''} (${overdue.toLocaleString('en-GB')} overdue)`}
          {recs.isFetching && !recs.isPending ? ' · updating…' : ''}
        </p>
        <ColumnsMenu table="the tracker" optional={OPTIONAL_COLUMNS} fixed={['Reference', 'Recommendation']} choice={columns} />
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'list'} onClick={() => setPrefs((p) => ({ ...p, view: 'list' }))}>
            All recommendations
          </button>
          <button type="button" aria-pressed={view === 'dg'} onClick={() => setPrefs((p) => ({ ...p, view: 'dg' }))}>
            By Director General
          </button>
        </div>
      </div>

      {recs.isPending ? (
        <Loading what="recommendations" />
      ) : recs.isError ? (
        <ErrorState error={recs.error} onRetry={() => recs.refetch()} />
      ) : total === 0 ? (
        active ? (
          <EmptyState title="Nothing matches these filters">
            <p>Try fewer words or statuses, or clear the filters.</p>
            <button type="button" className="button button--secondary" onClick={clear}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No recommendations yet">
            <p>
              Recommendations are made at a panel, in meeting mode: the minute-taker records each one against its agenda item, with the accountable Director General, an owner and a target date. When the meeting ends they appear here, to be tracked
              until they are implemented.
            </p>
            <Link href="/panels" className="button button--secondary">
              Go to panels
            </Link>
          </EmptyState>
        )
      ) : (
        <>
          {view === 'dg' ? (
            <DgView rows={rows} byDg={first?.byDg ?? []} sort={sort} desc={desc} onSort={onSort} hidden={columns.hidden} />
          ) : (
            <RecTable rows={rows} sort={sort} desc={desc} onSort={onSort} hidden={columns.hidden} caption="Recommendations" />
          )}
          <MoreRows shown={rows.length} total={total} noun={total === 1 ? 'recommendation' : 'recommendations'} pageSize={REC_PAGE_SIZE} loading={recs.isFetchingNextPage} onMore={loadMore} />
        </>
      )}
    </Page>
  );
}

function RecFilters({ filters, set, active, clear }: { filters: Filters; set<K extends keyof Filters>(k: K, v: Filters[K]): void; active: boolean; clear(): void }) {
  const members = useMembers(true);
  const themes = useThemeOptions();
  const panels = usePanels(false);
  const dgs = (members.data ?? []).filter((m) => m.role === 'director-general');
  const panelList = [...(panels.data?.upcoming ?? []), ...(panels.data?.past ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <form className="filters" role="search" aria-label="Filter the recommendations" onSubmit={(e) => e.preventDefault()}>
      <label className="filters__search">
        <span>Search</span>
        <input type="search" value={filters.text} onChange={(e) => set('text', e.target.value)} placeholder="Words in the recommendation or its reference" />
      </label>
      <label>
        <span>Owner</span>
        <input type="search" value={filters.owner} onChange={(e) => set('owner', e.target.value)} placeholder="Name or post" />
      </label>
      <MultiChoice label="Status" options={REC_STATUSES} labels={REC_STATUS_LABELS} value={filters.status} onChange={(v) => set('status', v)} />
      <MultiChoice label="RAG" options={RAGS} labels={RAG_CHOICE_LABELS} value={filters.rag} onChange={(v) => set('rag', v)} />
      <label>
        <span>Director General</span>
        <select value={filters.dgId} onChange={(e) => set('dgId', e.target.value)}>
          <option value="">Any</option>
          {dgs.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.active ? '' : ' (former)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Theme</span>
        <select value={filters.themeId} onChange={(e) => set('themeId', e.target.value)}>
          <option value="">Any</option>
          {themes.data?.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Panel</span>
        <select value={filters.panelId} onChange={(e) => set('panelId', e.target.value)}>
          <option value="">Any</option>
          {panelList.map((p) => (
            <option key={p.id} value={p.id}>
              {p.quarter} ({formatDateCompact(p.date)})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Target from</span>
        <input type="date" value={filters.targetFrom} onChange={(e) => set('targetFrom', e.target.value)} />
      </label>
      <label>
        <span>Target to</span>
        <input type="date" value={filters.targetTo} onChange={(e) => set('targetTo', e.target.value)} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filters.open} onChange={(e) => set('open', e.target.checked)} /> Open only
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue', e.target.checked)} /> Overdue only
      </label>
      {active && (
        <button type="button" className="button button--link" onClick={clear}>
          Clear filters
        </button>
      )}
    </form>
  );
}

/** Several choices in little room: a disclosure holding checkboxes. Escape or a click elsewhere closes it. */
function MultiChoice<T extends string>({ label, options, labels, value, onChange }: { label: string; options: readonly T[]; labels: Record<T, string>; value: T[]; onChange(v: T[]): void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const chosen = options.filter((o) => value.includes(o));
  const summary = chosen.length === 0 ? 'Any' : chosen.length <= 2 ? chosen.map((o) => labels[o]).join(', ') : `${chosen.length} chosen`;
  return (
    <div className="multi-field">
      <span className="multi-field__label" aria-hidden="true">
        {label}
      </span>
      <details
        className="multi"
        ref={ref}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && ref.current?.open) {
            e.stopPropagation();
            ref.current.open = false;
            ref.current.querySelector('summary')?.focus();
          }
        }}
      >
        <summary>
          <span className="visually-hidden">{label}: </span>
          {summary}
        </summary>
        <fieldset className="multi__panel">
          <legend className="visually-hidden">{label}</legend>
          {options.map((o) => (
            <label key={o} className="checkbox">
              <input type="checkbox" checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))} /> {labels[o]}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

interface TableProps {
  rows: RecommendationSummary[];
  sort: Sort;
  desc: boolean;
  onSort(k: Sort): void;
  /** columns the reader has chosen to hide */
  hidden: readonly OptionalColumn[];
  caption: string;
  /** within one Director General's group the DG column says nothing new */
  ownerOnly?: boolean;
}

function RecTable({ rows, sort, desc, onSort, hidden, caption, ownerOnly }: TableProps) {
  const show = (c: OptionalColumn) => !hidden.includes(c);
  const head = (key: Sort, label: string, numeric = false, after = '') => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort === key ? (desc ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="th-sort" onClick={() => onSort(key)}>
        {label}
        <span aria-hidden="true">{sort === key ? (desc ? ' ▼' : ' ▲') : ''}</span>
      </button>
      {after}
    </th>
  );
  return (
    <TableScroll label={caption}>
      <table className="table rec-table">
        <caption className="visually-hidden">
          {caption}, sorted by {SORT_WORDS[sort][desc ? 1 : 0]}
        </caption>
        <thead>
          <tr>
            {head('ref', 'Reference')}
            <th scope="col">Recommendation</th>
            {/* Status and RAG share a column so the recommendation's words keep their room. */}
            {show('state') && head('status', 'Status', false, ' and RAG')}
            {show('owner') && <th scope="col">{ownerOnly ? 'Owner' : 'DG and owner'}</th>}
            {show('targetDate') && head('targetDate', 'Target date')}
            {show('daysOpen') && head('daysOpen', 'Days open', true)}
            {show('latest') && <th scope="col">Latest update</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="rec-table__ref">
                <Link href={`/recommendations/${r.id}`}>{r.ref}</Link>
                {!r.complete && (
                  <>
                    <br />
                    <span className="badge badge--warn">Incomplete</span>
                  </>
                )}
              </td>
              <td className="rec-table__rec">
                <span className="rec-table__text" title={r.text}>
                  {r.text || <span className="muted">No text yet</span>}
                </span>
              </td>
              {show('state') && (
                <td>
                  <div className="rec-table__state">
                    <StatusBadge status={r.status} />
                    <RagBadge rag={r.rag} />
                  </div>
                </td>
              )}
              {show('owner') && (
                <td>
                  {!ownerOnly && <div>{r.dgName ?? <span className="muted">No DG</span>}</div>}
                  <div className={ownerOnly ? undefined : 'muted'}>{r.owner || (ownerOnly ? <span className="muted">No owner</span> : 'No owner')}</div>
                </td>
              )}
              {show('targetDate') && (
                <td>
                  {r.targetDate ? <span className="nowrap">{formatDateCompact(r.targetDate)}</span> : <span className="muted">Not set</span>}
                  {r.overdueDays !== null && <div className="text-danger">Overdue by {formatCount(r.overdueDays, 'day')}</div>}
                </td>
              )}
              {show('daysOpen') && <td className="num">{r.daysOpen}</td>}
              {show('latest') && <td>{r.latestUpdate ? <span className="nowrap">{formatDateCompact(r.latestUpdate.onDate)}</span> : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const dgKey = (dgId: number | null) => (dgId === null ? 'none' : String(dgId));
const dgName = (g: DgCount) => g.dgName ?? 'No Director General assigned';

/**
 * What each Director General is accountable for: counts of all that match first (from main), then
 * each one's list. Main sends the list grouped by Director General in this order, so the rows read
 * so far fill the groups in turn.
 */
function DgView(props: Omit<TableProps, 'caption' | 'ownerOnly'> & { byDg: DgCount[] }) {
  const { rows, byDg, ...table } = props;
  const loaded = useMemo(() => {
    const by = new Map<string, RecommendationSummary[]>();
    for (const r of rows) {
      const list = by.get(dgKey(r.dgId));
      if (list) list.push(r);
      else by.set(dgKey(r.dgId), [r]);
    }
    return by;
  }, [rows]);
  return (
    <>
      <table className="table rec-dg-summary">
        <caption className="table__caption">By accountable Director General</caption>
        <thead>
          <tr>
            <th scope="col">Director General</th>
            <th scope="col" className="num">
              Recommendations
            </th>
            <th scope="col" className="num">
              Open
            </th>
            <th scope="col" className="num">
              Overdue
            </th>
            <th scope="col" className="num">
              Red
            </th>
          </tr>
        </thead>
        <tbody>
          {byDg.map((g) => (
            <tr key={dgKey(g.dgId)}>
              <th scope="row">{dgName(g)}</th>
              <td className="num">{g.total.toLocaleString('en-GB')}</td>
              <td className="num">{g.open.toLocaleString('en-GB')}</td>
              <td className={`num${g.overdue ? ' text-danger' : ''}`}>{g.overdue.toLocaleString('en-GB')}</td>
              <td className="num">{g.red.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {byDg.map((g) => {
        const key = dgKey(g.dgId);
        const mine = loaded.get(key);
        if (!mine) return null;
        return (
          <section key={key} className="rec-dg" aria-labelledby={`dg-${key}`}>
            <h2 id={`dg-${key}`}>{dgName(g)}</h2>
            <p className="count">
              {formatCount(g.total, 'recommendation')}: {g.open.toLocaleString('en-GB')} open, {g.overdue.toLocaleString('en-GB')} overdue
              {mine.length < g.total ? ` (${mine.length.toLocaleString('en-GB')} shown so far)` : ''}
            </p>
            <RecTable {...table} rows={mine} caption={`Recommendations for ${dgName(g)}`} ownerOnly />
          </section>
        );
      })}
    </>
  );
}

/** The recommendations behind a theme or an item of evidence, each linked to its record. */
export function RecommendationLinks({ query, none }: { query: UseQueryResult<RecommendationSummary[]>; none: ReactNode }) {
  if (query.isPending) return <Loading what="recommendations" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) return <p>{none}</p>;
  return (
    <ul className="rec-links">
      {query.data.map((r) => (
        <li key={r.id}>
          <Link href={`/recommendations/${r.id}`}>{r.ref}</Link> <StatusBadge status={r.status} /> <RagBadge rag={r.rag} />
          {r.overdueDays !== null && <span className="text-danger"> Overdue by {formatCount(r.overdueDays, 'day')}</span>}
          <div className="rec-links__text">{r.text || <span className="muted">No text yet</span>}</div>
        </li>
      ))}
    </ul>
  );
}
