import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { InputOf } from '../../../../src-shared/contract';
import { useApi } from '../../api/api-context';
import { apiQueryKey, useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// A movement changes levels, the movement history, and may raise or resolve alerts.
const AFTER_MOVEMENT = ['stock.levels', 'stock.movements', 'alerts.list', 'alerts.counts'] as const;

/** Stock per product and store, fresh when any till sells or anyone moves goods. */
export function useStockLevels(filter: InputOf<'stock.levels'>) {
  useInvalidateOnEvent('stock.changed', ['stock.levels']);
  useInvalidateOnEvent('products.imported', ['stock.levels']);
  return useApiQuery('stock.levels', filter, { placeholderData: keepPreviousData });
}

export function useMovements(filter: InputOf<'stock.movements'>) {
  useInvalidateOnEvent('stock.changed', ['stock.movements']);
  return useApiQuery('stock.movements', filter, { placeholderData: keepPreviousData });
}

export const useStockSettings = (storeId: string | undefined) =>
  useApiQuery('stock.settings', { storeId: storeId ?? '' }, { enabled: !!storeId });

export const useReceive = () => useApiMutation('stock.receive', { invalidates: AFTER_MOVEMENT });
export const useAdjust = () => useApiMutation('stock.adjust', { invalidates: AFTER_MOVEMENT });
export const useTransfer = () => useApiMutation('stock.transfer', { invalidates: AFTER_MOVEMENT });
export const useSetStockSettings = () =>
  useApiMutation('stock.setSettings', { invalidates: ['stock.settings', 'stock.levels'] });

/**
 * The level of each of these products in one store (0 where it never had any), for a
 * stocktake's expected count or a transfer's available quantity. One small query per product,
 * each cached, so adding a line asks only for that line.
 */
export function useLevelsOf(storeId: string | undefined, productIds: string[]) {
  const api = useApi();
  useInvalidateOnEvent('stock.changed', ['stock.levels']);
  const results = useQueries({
    queries: productIds.map((productId) => {
      const input = { storeId, productId, limit: 1 };
      return {
        queryKey: apiQueryKey('stock.levels', input),
        queryFn: () => api.call('stock.levels', input),
        enabled: !!storeId,
      };
    }),
  });
  const levels = new Map<string, number | undefined>();
  productIds.forEach((productId, i) => {
    const data = results[i]?.data;
    levels.set(productId, data ? (data.items[0]?.qty ?? 0) : undefined);
  });
  return levels;
}
