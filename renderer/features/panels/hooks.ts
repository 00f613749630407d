import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PanelInput, PanelUpdate } from '#shared/domain/panels';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function usePanels(includeCancelled = false) {
  return useQuery({ queryKey: keys.panels.list(includeCancelled), queryFn: () => call('listPanels', { includeCancelled }) });
}

export function usePanel(id: number) {
  return useQuery({ queryKey: keys.panels.detail(id), queryFn: () => call('getPanel', { id }) });
}

export function useSavePanel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: PanelInput | PanelUpdate) => ('id' in v ? call('updatePanel', v) : call('createPanel', v)),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.panels.all }),
  });
}

export function useCancelPanel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; reason: string }) => call('cancelPanel', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.panels.all }),
  });
}
