import { useApiMutation, useApiQuery } from '../../api/queries';

// Reading the stores is shared with other pages: ../../shop-data/stores.ts.

export const useCreateStore = () =>
  useApiMutation('stores.create', { invalidates: ['stores.list'] });
export const useUpdateStore = () =>
  useApiMutation('stores.update', { invalidates: ['stores.list'] });
export const useCreateTerminal = () =>
  useApiMutation('terminals.create', { invalidates: ['stores.list'] });
export const useUpdateTerminal = () =>
  useApiMutation('terminals.update', { invalidates: ['stores.list', 'apiKeys.list'] });

export const useApiKeys = (terminalId: string) => useApiQuery('apiKeys.list', { terminalId });
export const useLanCertificate = () => useApiQuery('apiKeys.lanCertificate', {});
export const useCreateApiKey = () =>
  useApiMutation('apiKeys.create', { invalidates: ['apiKeys.list'] });
export const useRevokeApiKey = () =>
  useApiMutation('apiKeys.revoke', { invalidates: ['apiKeys.list'] });
