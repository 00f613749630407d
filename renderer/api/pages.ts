// Long lists come from main a page at a time, as the register's do: `{ total, offset, rows }`,
// the next page starting where the last ended. One hook fetches them for every such screen.
import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

export interface PageOf<T> {
  total: number;
  offset: number;
  rows: T[];
}

/** Where the page after `last` starts, or undefined when the list is all loaded. */
export function nextOffset(last: PageOf<unknown>): number | undefined {
  const end = last.offset + last.rows.length;
  return last.rows.length > 0 && end < last.total ? end : undefined;
}

/** Pages of a list, fetched on demand; the rows loaded so far, the total, and the first page (for counts it carries). */
export function usePages<P extends PageOf<unknown>>(queryKey: QueryKey, fetchPage: (offset: number) => Promise<P>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => (query.data?.pages.flatMap((p) => p.rows) ?? []) as P['rows'], [query.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return { query, rows, first: query.data?.pages[0], total: query.data?.pages[0]?.total ?? 0, loadMore };
}
