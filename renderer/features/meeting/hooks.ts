import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '#shared/domain/meeting';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useTracked } from './autosave';

export function useMeeting(panelId: number) {
  return useQuery({ queryKey: keys.meeting(panelId), queryFn: () => call('getMeeting', { panelId }), staleTime: 0 });
}

export function useMattersArising(panelId: number) {
  return useQuery({ queryKey: keys.mattersArising(panelId), queryFn: () => call('getMattersArising', { panelId }) });
}

/**
 * A change that reshapes the meeting (adding a decision, recording attendance, starting a timer):
 * main answers with the whole meeting, which replaces the cached copy.
 */
export function useMeetingChange<A>(panelId: number, fn: (arg: A) => Promise<Meeting>) {
  const qc = useQueryClient();
  const tracked = useTracked();
  return useMutation({
    mutationFn: (arg: A) => tracked(() => fn(arg)),
    onSuccess: (m) => {
      qc.setQueryData(keys.meeting(panelId), m);
      void qc.invalidateQueries({ queryKey: keys.panels.all });
      void qc.invalidateQueries({ queryKey: keys.recommendations.all });
    },
  });
}
