import { queryOptions, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CoronerResponseUpdate, EvidenceFilter, EvidenceInput, EvidenceRow, EvidenceSort, EvidenceUpdate } from '#shared/domain/evidence';
import type { JobStatus } from '#shared/domain/jobs';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { usePages } from '../../api/pages';
import { firstPageRequest, pageRequest, PAGE_SIZE } from './registerFilters';

/** Pages more than this many away from those in view are dropped from memory. */
export const KEEP_PAGES = 2;
/** A jump (pages not next to those read) is asked for once the view rests this long... */
export const JUMP_REST_MS = 80;
/** ...or, while the scrollbar is still dragged, this often. */
export const JUMP_MAX_WAIT_MS = 250;

/** One page of the register, by the offset of its first row. */
function registerPage(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean, offset: number) {
  return queryOptions({
    queryKey: keys.evidence.page(filter, sort, desc, offset),
    queryFn: () => call('listEvidence', pageRequest(filter, sort, desc, offset)),
    // A page out of view (another filter's, say) is let go after a minute rather than five.
    gcTime: 60_000,
  });
}

/** The register's first page as the page will ask for it: the filters last used, newest first. */
export function prefetchRegister(qc: QueryClient): Promise<void> {
  const r = firstPageRequest();
  return qc.prefetchQuery(registerPage(r.filter, r.sort, r.desc, r.offset));
}

interface Span {
  list: string;
  first: number;
  last: number;
}

/**
 * The pages to read for the pages in view. Scrolling on to the next page reads it at once; a jump
 * (End, the scrollbar dragged) reads where the view comes to rest, or every JUMP_MAX_WAIT_MS while
 * it is still moving, not every page it passes over.
 */
function usePagesToRead(list: string, first: number, last: number): Span {
  const [read, setRead] = useState<Span>({ list, first, last });
  const since = useRef<number | null>(null);
  // Scrolling on, the view overlaps the pages read (the overscan reaches into the next page first).
  const near = list === read.list && first <= read.last && last >= read.first;
  const same = list === read.list && first === read.first && last === read.last;
  useEffect(() => {
    if (same) return;
    const apply = () => {
      since.current = null;
      setRead({ list, first, last });
    };
    if (near) return apply();
    since.current ??= Date.now();
    const t = setTimeout(apply, Math.min(JUMP_REST_MS, since.current + JUMP_MAX_WAIT_MS - Date.now()));
    return () => clearTimeout(t);
  }, [list, first, last, near, same]);
  return read;
}

/**
 * The register read a page at a time, wherever the rows in view are: each page is asked for by its
 * offset, so a jump to the end reads the last page or two, not every page before it. `from` and
 * `to` are the rows in view (overscan included). Pages far from them are dropped from memory.
 */
export function useRegister(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean, from: number, to: number) {
  const qc = useQueryClient();
  const list = JSON.stringify(keys.evidence.list(filter, sort, desc));
  const read = usePagesToRead(list, Math.floor(Math.max(0, from) / PAGE_SIZE), Math.floor(Math.max(0, to) / PAGE_SIZE));
  // A new filter or sort starts at the top, whatever the rows of the last one in view.
  const [first, last] = read.list === list ? [read.first, read.last] : [0, 0];
  const offsets = useMemo(() => Array.from({ length: last - first + 1 }, (_, i) => (first + i) * PAGE_SIZE), [first, last]);
  const results = useQueries({ queries: offsets.map((offset) => registerPage(filter, sort, desc, offset)) });

  // Pages of this list far from those in view are let go.
  useEffect(() => {
    qc.removeQueries({
      queryKey: JSON.parse(list) as unknown[],
      predicate: (q) => {
        const at = q.queryKey.at(-1);
        return typeof at === 'number' && q.getObserversCount() === 0 && (at < (first - KEEP_PAGES) * PAGE_SIZE || at > (last + KEEP_PAGES) * PAGE_SIZE);
      },
    });
  }, [qc, list, first, last]);

  // The total as the newest page in view says it; while those pages are on their way, the last one
  // known, even a previous filter's (shown as updating), so the table stays where it is.
  const loaded = results.filter((r) => r.data);
  const fresh = [...loaded].sort((a, b) => b.dataUpdatedAt - a.dataUpdatedAt)[0]?.data?.total;
  const [known, setKnown] = useState<{ list: string; total: number } | null>(null);
  if (fresh !== undefined && (known?.list !== list || known.total !== fresh)) setKnown({ list, total: fresh });
  const total = fresh ?? known?.total;

  const byOffset = new Map<number, EvidenceRow[]>();
  results.forEach((r, i) => {
    if (r.data) byOffset.set(offsets[i], r.data.rows);
  });
  const rowAt = (index: number): EvidenceRow | undefined => {
    const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
    const rows = byOffset.get(offset) ?? qc.getQueryData(registerPage(filter, sort, desc, offset).queryKey)?.rows;
    return rows?.[index - offset];
  };
  const rows = loaded.flatMap((r) => r.data!.rows);
  const error = results.find((r) => r.error)?.error ?? null;
  return {
    total,
    rowAt,
    /** the rows of the pages in view */
    rows,
    isPending: total === undefined && !error,
    isError: total === undefined && !!error,
    error,
    /** a page in view could not be read, though the register's total is known */
    pageError: total !== undefined ? error : null,
    /** the total shown is a previous filter's, until the new one's first page arrives */
    isUpdating: fresh === undefined && known !== null && known.list !== list,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}

export function useEvidence(id: number) {
  return useQuery({ queryKey: keys.evidence.detail(id), queryFn: () => call('getEvidence', { id }) });
}

export function useEvidencePersonal(id: number, enabled: boolean) {
  return useQuery({ queryKey: keys.evidence.personal(id), queryFn: () => call('getEvidencePersonal', { id }), enabled, staleTime: 0, gcTime: 0 });
}

export function useEvidenceLabels() {
  return useQuery({ queryKey: keys.evidence.labels, queryFn: () => call('getEvidenceLabels', {}) });
}

function useInvalidateEvidence() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.evidence.all }), qc.invalidateQueries({ queryKey: keys.themes.all })]);
}

export function useSaveEvidence() {
  const invalidate = useInvalidateEvidence();
  return useMutation({
    mutationFn: (v: EvidenceInput | EvidenceUpdate) => ('id' in v ? call('updateEvidence', v) : call('createEvidence', v)),
    onSuccess: invalidate,
  });
}

export function useArchiveEvidence() {
  const invalidate = useInvalidateEvidence();
  return useMutation({ mutationFn: (v: { id: number; archived: boolean }) => call('archiveEvidence', v), onSuccess: invalidate });
}

export const CORONER_PAGE_SIZE = 100;

/** The most urgent few coroners' reports, with the counts of all overdue and due soon. */
export function useUrgentCoronerReports(limit: number) {
  return useQuery({ queryKey: keys.evidence.coronersUrgent(limit), queryFn: () => call('listCoronerReports', { limit }) });
}

/** Pages of the coroners' reports, most urgent first; each carries the total and the urgent counts. */
export function useCoronerReportPages(all: boolean) {
  return usePages(keys.evidence.coroners(all), (offset) => call('listCoronerReports', { all, offset, limit: CORONER_PAGE_SIZE }));
}

export function useUpdateCoronerResponse() {
  const invalidate = useInvalidateEvidence();
  return useMutation({ mutationFn: (v: CoronerResponseUpdate) => call('updateCoronerResponse', v), onSuccess: invalidate });
}

/** Polls a job in main until it finishes. */
export function useJob(id: number | null) {
  return useQuery({
    queryKey: keys.job(id ?? 0),
    queryFn: () => call('getJob', { id: id ?? 0 }),
    enabled: id !== null,
    refetchInterval: (q) => ((q.state.data as JobStatus | undefined)?.state === 'running' || !q.state.data ? 150 : false),
  });
}
