import { keepPreviousData } from '@tanstack/react-query';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

// Enough for a small shop's whole catalogue in one list (the contract allows up to 1000).
const CATALOGUE_LIMIT = 1000;
const AFTER_PRODUCT_CHANGE = ['products.list', 'audit.list'] as const;

/** Products matching a search (name, SKU or barcode); the last answer stays while typing. */
export function useProducts(search: string, includeInactive = false) {
  useInvalidateOnEvent('products.changed', ['products.list']);
  useInvalidateOnEvent('products.imported', ['products.list']);
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

/** The categories in use, for filters. */
export function useCategories() {
  useInvalidateOnEvent('products.changed', ['products.categories']);
  useInvalidateOnEvent('products.imported', ['products.categories']);
  return useApiQuery('products.categories', {});
}

// The preview writes nothing; the import changes the catalogue and its stock rows.
export const useImportPreview = () => useApiMutation('products.importPreview');
export const useImportProducts = () =>
  useApiMutation('products.import', {
    invalidates: [...AFTER_PRODUCT_CHANGE, 'products.categories', 'stock.levels'],
  });
