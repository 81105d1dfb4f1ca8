import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { useInvalidateOnEvent } from '../../api/queries';

export type AuditFilters = Omit<InputOf<'audit.list'>, 'before' | 'limit'>;

type AuditPage = OutputOf<'audit.list'>;

const PAGE_SIZE = 50;

/** The log, newest first, a page at a time ("load more" asks for the entries before the last one). */
export function useAuditLog(filters: AuditFilters) {
  const api = useApi();
  useInvalidateOnEvent('audit.appended', ['audit.list']);
  return useInfiniteQuery<
    AuditPage,
    ApiError,
    InfiniteData<AuditPage>,
    readonly unknown[],
    string | undefined
  >({
    queryKey: ['audit.list', filters],
    queryFn: ({ pageParam }) =>
      api.call('audit.list', { ...filters, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}
