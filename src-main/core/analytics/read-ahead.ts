import type { Logger } from '../../../src-node/logger';
import type { AnalyticsJobs } from './jobs';
import type { AnalyticsService } from './service';

/**
 * `delayMs` after start (null: never), once any rebuild has ended, the analytics read ahead what
 * the first charts need; `abort` (at close) stops them where they are.
 */
export function scheduleAnalyticsReadAhead(
  analytics: AnalyticsService,
  jobs: AnalyticsJobs,
  logger: Logger,
  delayMs: number | null,
): AbortController {
  const controller = new AbortController();
  if (delayMs === null) return controller;
  const warmUp = async () => {
    await jobs.settled();
    if (controller.signal.aborted) return;
    const started = performance.now();
    await analytics.warmUp(controller.signal);
    if (!controller.signal.aborted)
      logger.info('analytics read ahead', { ms: Math.round(performance.now() - started) });
  };
  const timer = setTimeout(() => {
    warmUp().catch((error: unknown) => logger.warn('analytics read-ahead failed', { error }));
  }, delayMs);
  timer.unref();
  controller.signal.addEventListener('abort', () => clearTimeout(timer));
  return controller;
}
