import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { DEFAULT_TIME_ZONE } from '../../../../src-shared/validation';

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

export const useCreateStore = () =>
  useApiMutation('stores.create', { invalidates: ['stores.list'] });
export const useUpdateStore = () =>
  useApiMutation('stores.update', { invalidates: ['stores.list'] });
export const useCreateTerminal = () =>
  useApiMutation('terminals.create', { invalidates: ['stores.list'] });
export const useUpdateTerminal = () =>
  useApiMutation('terminals.update', { invalidates: ['stores.list', 'apiKeys.list'] });

export const useApiKeys = (terminalId: string) => useApiQuery('apiKeys.list', { terminalId });
export const useCreateApiKey = () =>
  useApiMutation('apiKeys.create', { invalidates: ['apiKeys.list'] });
export const useRevokeApiKey = () =>
  useApiMutation('apiKeys.revoke', { invalidates: ['apiKeys.list'] });
