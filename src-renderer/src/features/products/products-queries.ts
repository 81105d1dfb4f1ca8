import { keepPreviousData } from '@tanstack/react-query';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// Enough for a small shop's whole catalogue in one list (the contract allows up to 1000).
const CATALOGUE_LIMIT = 1000;
const AFTER_PRODUCT_CHANGE = ['products.list', 'audit.list'] as const;

/** Products matching a search (name, SKU or barcode); the last answer stays while typing. */
export function useProducts(search: string, includeInactive = false) {
  useInvalidateOnEvent('products.changed', ['products.list']);
  return useApiQuery(
    'products.list',
    { search: search.trim() || undefined, includeInactive, limit: CATALOGUE_LIMIT },
    { placeholderData: keepPreviousData },
  );
}

/** Every product, taken off sale too: for pickers and for naming products in coupon rules. */
export const useCatalogue = () => useProducts('', true);

export const useCreateProduct = () =>
  useApiMutation('products.create', { invalidates: AFTER_PRODUCT_CHANGE });
export const useUpdateProduct = () =>
  useApiMutation('products.update', { invalidates: AFTER_PRODUCT_CHANGE });
