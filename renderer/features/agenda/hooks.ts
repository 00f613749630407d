import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agenda } from '#shared/domain/agenda';
import type { Channel, ChannelInput } from '#shared/ipc/contract';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useAgenda(panelId: number) {
  return useQuery({ queryKey: keys.agenda(panelId), queryFn: () => call('getAgenda', { panelId }) });
}

export function useMilestones(panelId: number) {
  return useQuery({ queryKey: keys.milestones(panelId), queryFn: () => call('getPanelMilestones', { panelId }) });
}

type AgendaChannel =
  | 'addAgendaItem'
  | 'updateAgendaItem'
  | 'removeAgendaItem'
  | 'reorderAgenda'
  | 'sendAgendaForReview'
  | 'commentOnAgenda'
  | 'approveAgenda'
  | 'returnAgenda'
  | 'reopenAgenda'
  | 'attachPaper'
  | 'removePaper';

/** Every agenda change returns the whole agenda, which replaces the cached one. */
export function useAgendaAction<K extends AgendaChannel & Channel>(channel: K, panelId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: ChannelInput<K>) => call(channel, arg) as Promise<Agenda>,
    onSuccess: (agenda) => {
      qc.setQueryData(keys.agenda(panelId), agenda);
      void qc.invalidateQueries({ queryKey: keys.panels.all });
      void qc.invalidateQueries({ queryKey: keys.milestones(panelId) });
    },
  });
}
