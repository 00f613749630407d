import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Identity } from '#shared/domain/identity';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useIdentity() {
  return useQuery({ queryKey: keys.identity, queryFn: () => call('getIdentity', {}) });
}

export function useSetIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (who: Identity) => call('setIdentity', who),
    onSuccess: (who) => qc.setQueryData(keys.identity, who),
  });
}
