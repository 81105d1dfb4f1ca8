import type { HandlerMap } from '../platform/context';
import type { InsightsService } from './insights';
import type { AnalyticsJobs } from './jobs';
import type { ReportsService } from './reports';
import type { AnalyticsService } from './service';

type AnalyticsMethod = Extract<
  keyof HandlerMap,
  `analytics.${string}` | `reports.${string}` | `demo.${string}`
>;

export const analyticsHandlers = (
  analytics: AnalyticsService,
  insights: InsightsService,
  reports: ReportsService,
  jobs: AnalyticsJobs,
): Pick<HandlerMap, AnalyticsMethod> => ({
  'analytics.status': () => {
    const { firstDay, lastDay } = analytics.coverage();
    return {
      hasData: firstDay !== null,
      firstDay,
      lastDay,
      today: analytics.today(),
      job: jobs.current(),
    };
  },
  'analytics.redemptionsByRegion': (input) => analytics.redemptionsByRegion(input),
  'analytics.redemptionsDaily': (input) => analytics.redemptionsDaily(input),
  'analytics.consumer': (input) => analytics.consumer(input),
  'analytics.topConsumers': (input) => analytics.topConsumers(input),
  'analytics.storeTrend': (input) => analytics.storeTrend(input),
  'analytics.products': (input) => analytics.products(input),
  'analytics.cashiers': (input) => analytics.cashiers(input),
  'analytics.couponEffect': (input) => analytics.couponEffect(input),
  'analytics.insights': (input) => insights.insights(input),
  'analytics.rebuildRollups': () => jobs.rebuild(),
  'reports.export': (input) => reports.export(input),
  'reports.storeDaily': (input) => reports.stores.daily(input.storeId, input.date),
  'reports.storeMonthly': (input) => reports.stores.monthly(input.storeId, input.month),
  'demo.generate': (input) => jobs.demo(input.days, input.seed),
});
