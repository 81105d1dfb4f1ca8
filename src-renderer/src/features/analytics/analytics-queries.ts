import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import type { InputOf, MethodName, OutputOf } from '../../../../src-shared/contract';
import { useApiQuery, useInvalidateOnEvent } from '../../api/queries';
import { useApiEvent } from '../../api/use-api-event';

type AnalyticsMethod = Extract<MethodName, `analytics.${string}`>;

// Every chart reads the rollups, which change with each sale, redemption, payout or rebuild.
const CHART_METHODS = [
  'analytics.status',
  'analytics.redemptionsByRegion',
  'analytics.redemptionsDaily',
  'analytics.consumer',
  'analytics.topConsumers',
  'analytics.storeTrend',
  'analytics.products',
  'analytics.cashiers',
  'analytics.couponEffect',
  'analytics.insights',
] as const satisfies readonly AnalyticsMethod[];

/**
 * One chart's data. While new filters load, the chart keeps the last answer on screen instead
 * of flashing empty.
 */
export function useChartData<M extends AnalyticsMethod>(
  method: M,
  input: InputOf<M>,
  options: { enabled?: boolean } = {},
) {
  return useApiQuery(method, input, { placeholderData: keepPreviousData, ...options });
}

/** Whether there is anything to chart, today's date in the shop, and a running rollup job. */
export const useAnalyticsStatus = () => useApiQuery('analytics.status', {});

/** Keeps every chart of the page fresh: new sales and redemptions, and finished jobs. */
export function useFreshCharts(): void {
  const queryClient = useQueryClient();
  useInvalidateOnEvent('sales.changed', CHART_METHODS);
  useInvalidateOnEvent('redemption.changed', CHART_METHODS);
  useApiEvent('analytics.jobProgress', (job) => {
    queryClient.setQueryData<OutputOf<'analytics.status'>>(['analytics.status', {}], (status) =>
      status ? { ...status, job } : status,
    );
    if (job.status !== 'running')
      for (const name of CHART_METHODS) void queryClient.invalidateQueries({ queryKey: [name] });
  });
}
