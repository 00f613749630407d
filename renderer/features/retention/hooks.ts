import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { usePages } from '../../api/pages';

export const RETENTION_PAGE_SIZE = 200;

/** Pages of the records due for erasure, in date order; each carries how many are due in all. */
export function useRetentionDuePages() {
  return usePages(keys.retention.due, (offset) => call('listRetentionDue', { offset, limit: RETENTION_PAGE_SIZE }));
}

/** How many records are due, for the dashboard: one row read, the count of all. */
export function useRetentionDueCount() {
  return useQuery({ queryKey: keys.retention.dueCount, queryFn: async () => (await call('listRetentionDue', { limit: 1 })).total });
}

export function useRetentionRules() {
  return useQuery({ queryKey: keys.retention.rules, queryFn: () => call('getRetentionSettings', {}) });
}
