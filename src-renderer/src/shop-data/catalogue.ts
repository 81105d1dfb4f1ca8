// The product catalogue, read by the product pickers (ui/) and by the pages that name products;
// the products page's own changes are in features/products/products-queries.ts.
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery, useInvalidateOnEvent } from '../api/queries';

// Enough for a small shop's whole catalogue in one list (the contract allows up to 1000).
const CATALOGUE_LIMIT = 1000;

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

/** The categories in use, for filters. */
export function useCategories() {
  useInvalidateOnEvent('products.changed', ['products.categories']);
  useInvalidateOnEvent('products.imported', ['products.categories']);
  return useApiQuery('products.categories', {});
}
