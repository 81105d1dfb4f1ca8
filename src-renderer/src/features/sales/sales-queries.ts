import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

const AFTER_SALE = [
  'sales.list',
  'stock.levels',
  'stock.movements',
  'alerts.list',
  'alerts.counts',
  'coupons.listTemplates',
] as const;

/** The latest sales of a store, fresh when any till records one. */
export function useRecentSales(storeId: string | undefined) {
  useInvalidateOnEvent('sales.changed', ['sales.list']);
  return useApiQuery('sales.list', { storeId, limit: 20 }, { enabled: !!storeId });
}

export const useRecordSale = () => useApiMutation('sales.record', { invalidates: AFTER_SALE });
export const useReturnSale = () => useApiMutation('sales.return', { invalidates: AFTER_SALE });

// The preview writes nothing; the import records sales as a till would (stock, alerts too).
export const useSalesImportPreview = () => useApiMutation('sales.importPreview');
export const useImportSales = () =>
  useApiMutation('sales.import', { invalidates: [...AFTER_SALE, 'audit.list'] });
