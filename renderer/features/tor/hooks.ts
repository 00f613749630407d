import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TorDraftUpdate } from '#shared/domain/tor';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export const useTorVersions = () => useQuery({ queryKey: keys.tor.list, queryFn: () => call('listTorVersions', {}) });
export const useTorVersion = (id: number) => useQuery({ queryKey: keys.tor.detail(id), queryFn: () => call('getTorVersion', { id }) });

export function useTorActions() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: keys.tor.all });
  return {
    create: useMutation({ mutationFn: (fromVersionId?: number) => call('createTorDraft', fromVersionId ? { fromVersionId } : {}), onSuccess: done }),
    update: useMutation({ mutationFn: (v: TorDraftUpdate) => call('updateTorDraft', v), onSuccess: done }),
    approve: useMutation({ mutationFn: (v: { id: number; approvedOn: string }) => call('approveTorVersion', v), onSuccess: done }),
    remove: useMutation({ mutationFn: (id: number) => call('deleteTorDraft', { id }), onSuccess: done }),
  };
}
