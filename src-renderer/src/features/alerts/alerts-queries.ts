import { keepPreviousData } from '@tanstack/react-query';
import type { InputOf } from '../../../../src-shared/contract';
import { useApiMutation, useApiQuery, useInvalidateOnEvent } from '../../api/queries';

const AFTER_ALERT_CHANGE = ['alerts.list', 'alerts.counts', 'strategies.list'] as const;
const AFTER_THRESHOLDS = [
  'alerts.thresholds',
  'stock.levels',
  'alerts.list',
  'alerts.counts',
  'strategies.list',
] as const;

/** Alerts come and go with every sale and movement: every list follows the pushed event. */
function useFreshAlerts() {
  useInvalidateOnEvent('alerts.changed', AFTER_ALERT_CHANGE);
}

export function useAlerts(filter: InputOf<'alerts.list'>) {
  useFreshAlerts();
  return useApiQuery('alerts.list', filter, { placeholderData: keepPreviousData });
}

/** How many alerts are open (for the badge), in one store or in all. */
export function useAlertCounts(storeId: string | null, enabled = true) {
  useFreshAlerts();
  return useApiQuery('alerts.counts', { storeId: storeId ?? undefined }, { enabled });
}

/** The count beside the alerts menu entry; 0 for those who do not see alerts. */
export function useNewAlertCount(storeId: string | null, enabled: boolean): number {
  return useAlertCounts(storeId, enabled).data?.new ?? 0;
}

export function useStrategies(storeId: string | undefined) {
  useFreshAlerts();
  return useApiQuery('strategies.list', { storeId: storeId ?? '' }, { enabled: !!storeId });
}

export const useThresholds = (filter: InputOf<'alerts.thresholds'>) =>
  useApiQuery('alerts.thresholds', filter);

export const useAcknowledgeAlert = () =>
  useApiMutation('alerts.acknowledge', { invalidates: AFTER_ALERT_CHANGE });
export const useSnoozeAlert = () =>
  useApiMutation('alerts.snooze', { invalidates: AFTER_ALERT_CHANGE });
export const useEvaluateAlerts = () =>
  useApiMutation('alerts.evaluate', { invalidates: AFTER_ALERT_CHANGE });
export const useSetThresholds = () =>
  useApiMutation('alerts.setThresholds', { invalidates: AFTER_THRESHOLDS });

export const usePublishStrategy = () =>
  useApiMutation('strategies.publish', { invalidates: ['strategies.list'] });
export const useUnpublishStrategy = () =>
  useApiMutation('strategies.unpublish', { invalidates: ['strategies.list'] });
