import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IprTargets } from '#shared/domain/insights';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useDashboardSummary() {
  return useQuery({ queryKey: keys.dashboard, queryFn: () => call('getDashboardSummary', {}) });
}

export function useEvidenceByQuarter(quarters: number) {
  return useQuery({ queryKey: keys.insights.evidence(quarters), queryFn: () => call('getEvidenceByQuarter', { quarters }), placeholderData: keepPreviousData });
}

export function useRecommendationCharts() {
  return useQuery({ queryKey: keys.insights.recommendations, queryFn: () => call('getRecommendationCharts', {}) });
}

export function useCoronerTimeliness(years: number) {
  return useQuery({ queryKey: keys.insights.coroners(years), queryFn: () => call('getCoronerTimeliness', { years }) });
}

export function useIprTimeliness(years: number) {
  return useQuery({ queryKey: keys.insights.ipr(years), queryFn: () => call('getIprTimeliness', { years }) });
}

export function useIprTargets() {
  return useQuery({ queryKey: keys.iprTargets, queryFn: () => call('getIprTargets', {}) });
}

/** New targets change what the IPR chart measures against. */
export function useSetIprTargets() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: IprTargets) => call('setIprTargets', v),
    onSuccess: (t) => {
      qc.setQueryData(keys.iprTargets, t);
      return qc.invalidateQueries({ queryKey: keys.insights.all });
    },
  });
}
