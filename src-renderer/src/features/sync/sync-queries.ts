import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

const SYNC_READS = ['sync.status', 'sync.conflicts', 'sync.deadLetters'] as const;

/**
 * The sync status, fresh on every change the main process reports. The pending count grows with
 * every change made anywhere in the app, which sends no event: it is read again on each visit
 * and every 15 s.
 */
export function useSyncStatus() {
  useInvalidateOnEvent('sync.statusChanged', SYNC_READS);
  return useApiQuery('sync.status', {}, { refetchInterval: 15_000, refetchOnMount: 'always' });
}

/** When the network comes back, sync at once instead of waiting for the next round. */
export function useSyncWhenOnline() {
  const api = useApi();
  useEffect(() => {
    const onOnline = () => void api.call('sync.now', {}).catch(() => undefined);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [api]);
}

export const useSyncConflicts = () => useApiQuery('sync.conflicts', { includeResolved: false });
export const useDeadLetters = () => useApiQuery('sync.deadLetters', {});
export const useSyncSettings = () => useApiQuery('sync.getSettings', {});

export const usePair = () => useApiMutation('sync.pair', { invalidates: SYNC_READS });
export const useUnpair = () => useApiMutation('sync.unpair', { invalidates: SYNC_READS });
export const useRotateToken = () => useApiMutation('sync.rotateToken', { invalidates: SYNC_READS });
export const useSyncNow = () => useApiMutation('sync.now', { invalidates: SYNC_READS });
export const useSaveSyncSettings = () =>
  useApiMutation('sync.setSettings', { invalidates: ['sync.getSettings'] });
export const useResolveConflict = () =>
  useApiMutation('sync.resolveConflict', { invalidates: [...SYNC_READS, 'redemption.list'] });
export const useRetryDeadLetter = () =>
  useApiMutation('sync.retryDeadLetter', { invalidates: SYNC_READS });
export const useDiscardDeadLetter = () =>
  useApiMutation('sync.discardDeadLetter', { invalidates: SYNC_READS });
