import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberInput, MemberUpdate } from '#shared/domain/members';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useMembers(includeInactive: boolean) {
  return useQuery({ queryKey: keys.members.list(includeInactive), queryFn: () => call('listMembers', { includeInactive }) });
}

export function useMember(id: number) {
  return useQuery({ queryKey: keys.members.detail(id), queryFn: () => call('getMember', { id }) });
}

function useInvalidateMembers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.members.all });
}

export function useSaveMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (v: MemberInput | MemberUpdate) => ('id' in v ? call('updateMember', v) : call('createMember', v)),
    onSuccess: invalidate,
  });
}

export function useSetMemberActive() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => (active ? call('reactivateMember', { id }) : call('deactivateMember', { id })),
    onSuccess: invalidate,
  });
}
