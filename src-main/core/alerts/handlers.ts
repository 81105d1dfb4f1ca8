import type { InventoryJobs } from '../inventory-worker/jobs';
import type { HandlerMap } from '../platform/context';
import type { AlertRulePreview } from './preview';
import type { StrategyPublications } from '../strategies/publications';
import type { AlertsService } from './service';

export const alertsHandlers = (
  alerts: AlertsService,
  jobs: InventoryJobs,
  preview: AlertRulePreview,
  publications: StrategyPublications,
): Pick<
  HandlerMap,
  | 'alerts.list'
  | 'alerts.counts'
  | 'alerts.acknowledge'
  | 'alerts.snooze'
  | 'alerts.evaluate'
  | 'alerts.thresholds'
  | 'alerts.setThresholds'
  | 'alerts.previewRules'
  | 'strategies.list'
  | 'strategies.publish'
  | 'strategies.unpublish'
> => ({
  'alerts.list': (input) => alerts.list(input),
  'alerts.counts': (input) => alerts.counts(input),
  'alerts.acknowledge': (input, ctx) => alerts.acknowledge(ctx, input),
  'alerts.snooze': (input, ctx) => alerts.snooze(ctx, input),
  'alerts.evaluate': (input, ctx) => jobs.evaluateAlerts(ctx, input),
  'alerts.thresholds': (input) => alerts.thresholds(input),
  'alerts.setThresholds': (input, ctx) => alerts.setThresholds(ctx, input),
  'alerts.previewRules': (input) => preview.preview(input),
  'strategies.list': (input) => alerts.strategies(input),
  'strategies.publish': (input, ctx) => publications.publish(ctx, input),
  'strategies.unpublish': (input, ctx) => publications.unpublish(ctx, input),
});
