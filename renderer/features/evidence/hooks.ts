import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoronerResponseUpdate, EvidenceFilter, EvidenceInput, EvidenceSort, EvidenceUpdate } from '#shared/domain/evidence';
import type { JobStatus } from '#shared/domain/jobs';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export const PAGE_SIZE = 100;

/** Pages of the register, fetched as the list scrolls; the total comes with every page. */
export function useEvidencePages(filter: EvidenceFilter, sort: EvidenceSort, desc: boolean) {
  return useInfiniteQuery({
    queryKey: keys.evidence.list(filter, sort, desc),
    queryFn: ({ pageParam }) => call('listEvidence', { filter, sort, desc, offset: pageParam, limit: PAGE_SIZE }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.offset + last.rows.length < last.total ? last.offset + last.rows.length : undefined),
    placeholderData: keepPreviousData,
  });
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

export function useCoronerReports(all: boolean) {
  return useQuery({ queryKey: keys.evidence.coroners(all), queryFn: () => call('listCoronerReports', { all }) });
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
