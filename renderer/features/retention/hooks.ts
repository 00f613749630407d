import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useRetentionDue() {
  return useQuery({ queryKey: keys.retention.due, queryFn: () => call('listRetentionDue', {}) });
}

export function useRetentionRules() {
  return useQuery({ queryKey: keys.retention.rules, queryFn: () => call('getRetentionSettings', {}) });
}
