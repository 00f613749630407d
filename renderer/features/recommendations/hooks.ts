import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionStatus } from '#shared/domain/meeting';
import type { Recommendation, RecFilter, RecSort, RecUpdateInput } from '#shared/domain/recommendations';
import type { ChannelInput } from '#shared/ipc/contract';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { usePages } from '../../api/pages';

export const REC_PAGE_SIZE = 100;

/** Pages of the tracker in the order chosen, each with the counts of all that match (overdue, by DG). */
export function useRecommendationPages(filter: RecFilter, sort: RecSort, desc: boolean, byDg: boolean) {
  return usePages(keys.recommendations.list({ filter, sort, desc, byDg }), (offset) => call('listRecommendations', { ...filter, sort, desc, byDg, offset, limit: REC_PAGE_SIZE }));
}

/** A short list (a theme's recommendations): its first 500, newest made first. */
export function useRecommendations(filter: RecFilter) {
  return useQuery({
    queryKey: keys.recommendations.list({ filter, short: true }),
    queryFn: () => call('listRecommendations', { ...filter, sort: 'ref', desc: true, limit: 500 }),
    select: (page) => page.rows,
    placeholderData: keepPreviousData,
  });
}

export function useRecommendation(id: number) {
  return useQuery({ queryKey: keys.recommendations.detail(id), queryFn: () => call('getRecommendation', { id }) });
}

export function useRecommendationsForEvidence(evidenceId: number) {
  return useQuery({ queryKey: keys.recommendations.forEvidence(evidenceId), queryFn: () => call('recommendationsForEvidence', { evidenceId }) });
}

/** An update changes the record, every list it appears in and the panel's matters arising. */
function useSaved() {
  const qc = useQueryClient();
  return (rec: Recommendation) => {
    qc.setQueryData(keys.recommendations.detail(rec.id), rec);
    return Promise.all([qc.invalidateQueries({ queryKey: keys.recommendations.all }), qc.invalidateQueries({ queryKey: keys.meeting(rec.panelId) })]);
  };
}

export function useAddRecommendationUpdate() {
  const saved = useSaved();
  return useMutation({ mutationFn: (v: RecUpdateInput) => call('addRecommendationUpdate', v), onSuccess: saved });
}

export function useEscalateRecommendation() {
  const saved = useSaved();
  return useMutation({ mutationFn: (v: ChannelInput<'escalateRecommendation'>) => call('escalateRecommendation', v), onSuccess: saved });
}

export type ActionFilter = { status?: ActionStatus; panelId?: number };

export function useActions(filter: ActionFilter) {
  return useQuery({ queryKey: keys.actions(filter), queryFn: () => call('listActions', filter), placeholderData: keepPreviousData });
}

export function useSetActionStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ChannelInput<'setActionStatus'>) => call('setActionStatus', v),
    // An empty filter is a partial key: it matches the action lists under every filter.
    onSuccess: (a) => Promise.all([qc.invalidateQueries({ queryKey: keys.actions({}) }), qc.invalidateQueries({ queryKey: keys.meeting(a.panelId) })]),
  });
}
