import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Identity } from '#shared/domain/identity';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

/** Who is using the app: the query the whole window waits for before it draws a page. */
export const identityQuery = queryOptions({ queryKey: keys.identity, queryFn: () => call('getIdentity', {}) });

export function useIdentity() {
  return useQuery(identityQuery);
}

export function useSetIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (who: Identity) => call('setIdentity', who),
    onSuccess: (who) => qc.setQueryData(keys.identity, who),
  });
}
