import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CoronerResponseUpdate, EvidenceFilter, EvidenceInput, EvidenceSort, EvidenceUpdate } from '#shared/domain/evidence';
import type { JobStatus } from '#shared/domain/jobs';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { nextOffset, usePages } from '../../api/pages';
import { DEFAULT_SORT, loadFilters, toFilter } from './registerFilters';

export const PAGE_SIZE = 100;

function registerPages(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean) {
  return infiniteQueryOptions({
    queryKey: keys.evidence.list(filter, sort, desc),
    queryFn: ({ pageParam }) => call('listEvidence', { filter, sort, desc, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });
}

/** Pages of the register, fetched as the list scrolls; the total comes with every page. */
export function useEvidencePages(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean) {
  return useInfiniteQuery({ ...registerPages(filter, sort, desc), placeholderData: keepPreviousData });
}

/** The register's first page as the page will ask for it: the filters last used, newest first. */
export function prefetchRegister(qc: QueryClient): Promise<void> {
  const f = loadFilters();
  return qc.prefetchInfiniteQuery(registerPages(toFilter(f, f.text), DEFAULT_SORT.sort, DEFAULT_SORT.desc));
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
