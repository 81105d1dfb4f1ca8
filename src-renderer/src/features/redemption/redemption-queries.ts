import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { useApiMutation, useInvalidateOnEvent } from '../../api/queries';

export type RedemptionFilters = Omit<InputOf<'redemption.list'>, 'before' | 'limit'>;
type RedemptionPage = OutputOf<'redemption.list'>;

const PAGE_SIZE = 50;

/** Redemptions, newest first, a page at a time ("load more" asks for those before the last). */
export function useRedemptions(filters: RedemptionFilters) {
  const api = useApi();
  useInvalidateOnEvent('redemption.changed', ['redemption.list']);
  return useInfiniteQuery<
    RedemptionPage,
    ApiError,
    InfiniteData<RedemptionPage>,
    readonly unknown[],
    string | undefined
  >({
    queryKey: ['redemption.list', filters],
    queryFn: ({ pageParam }) =>
      api.call('redemption.list', { ...filters, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}

export const useVoidRedemption = () =>
  useApiMutation('redemption.void', {
    invalidates: ['redemption.list', 'coupons.listTemplates', 'audit.list'],
  });
