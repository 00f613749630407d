import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reorderedAgenda, type Agenda } from '#shared/domain/agenda';
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

/**
 * Reorders the agenda: the items move in the screen at once (as they are dropped, or moved with
 * the keys), and back if the reorder is refused, when the agenda is read again (it was refused
 * because it changed, or was locked, elsewhere). Moves made quickly are sent one after another
 * (their scope), so their answers come back in order; the last one's is shown, as an earlier
 * one's would undo the later moves for a while.
 */
export function useReorderAgenda(panelId: number) {
  const qc = useQueryClient();
  const mutationKey = ['reorderAgenda', panelId];
  return useMutation({
    mutationKey,
    scope: { id: `reorderAgenda-${panelId}` },
    mutationFn: (arg: ChannelInput<'reorderAgenda'>) => call('reorderAgenda', arg) as Promise<Agenda>,
    onMutate: async ({ itemIds }) => {
      await qc.cancelQueries({ queryKey: keys.agenda(panelId) });
      const before = qc.getQueryData<Agenda>(keys.agenda(panelId));
      if (before) qc.setQueryData(keys.agenda(panelId), reorderedAgenda(before, itemIds));
      return { before };
    },
    onError: (_err, _arg, context) => {
      // Back as it was (unless another move is waiting, made on top of this one), then read again.
      if (qc.isMutating({ mutationKey }) <= 1 && context?.before) qc.setQueryData(keys.agenda(panelId), context.before);
      void qc.invalidateQueries({ queryKey: keys.agenda(panelId) });
    },
    onSuccess: (agenda) => {
      if (qc.isMutating({ mutationKey }) <= 1) qc.setQueryData(keys.agenda(panelId), agenda);
      void qc.invalidateQueries({ queryKey: keys.panels.all });
      void qc.invalidateQueries({ queryKey: keys.milestones(panelId) });
    },
  });
}
