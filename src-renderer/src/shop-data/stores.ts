// The merchant's stores, read by nearly every page and by the shared store picker (ui/); the
// stores page's own changes are in features/stores/stores-queries.ts.
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { useApiQuery, useInvalidateOnEvent } from '../api/queries';

/** Every store with its tills, kept fresh when any of them changes. */
export function useStores() {
  useInvalidateOnEvent('stores.changed', ['stores.list']);
  return useApiQuery('stores.list', { includeInactive: false });
}

/** A store's time zone (for showing times), Asia/Shanghai until the stores are loaded. */
export function useStoreTimeZone(storeId: string | null | undefined): string {
  const stores = useStores();
  return stores.data?.find((store) => store.id === storeId)?.timezone ?? DEFAULT_TIME_ZONE;
}
