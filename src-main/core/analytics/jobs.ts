import type { AnalyticsJob } from '../../../src-shared/contract/analytics';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { Logger } from '../../../src-node/logger';
import {
  launchWorkerJob,
  type LaunchedWorkerJob,
  type WorkerDatabase,
} from '../platform/worker-job';
import type { AnalyticsTask, AnalyticsWorkerMessage } from './worker-protocol';

/**
 * The rollup rebuild and the demo generator, one at a time, in a worker thread with its own
 * connection; progress goes out as `analytics.jobProgress` events.
 */
export class AnalyticsJobs {
  private job: AnalyticsJob | null = null;
  private worker: LaunchedWorkerJob | null = null;
  private finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly database: WorkerDatabase,
  ) {}

  current(): AnalyticsJob | null {
    return this.job;
  }

  /** A shop migrated with sales already in it has no rollups yet: build them now. */
  rebuildIfNeeded(): void {
    const state = this.adb.sqlite
      .prepare('SELECT rebuilt_at AS rebuiltAt FROM analytics_state WHERE id = 1')
      .get() as { rebuiltAt: number | null } | undefined;
    if (state && state.rebuiltAt === null) this.start({ kind: 'rebuild' });
  }

  rebuild(): AnalyticsJob {
    return this.start({ kind: 'rebuild' });
  }

  demo(days: number, seed: number): AnalyticsJob {
    // Demo data goes only into the demo shop's own folder, never into a real shop.
    const marked = this.adb.sqlite
      .prepare(`SELECT value FROM settings WHERE key = 'shop.demo'`)
      .get() as { value: string } | undefined;
    if (marked?.value !== 'true') throw new AppError('NOT_A_DEMO_SHOP');
    const used = this.adb.sqlite
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM sales) OR EXISTS (SELECT 1 FROM redemptions)
           OR EXISTS (SELECT 1 FROM cashback_codes WHERE status = 'redeemed') AS used`,
      )
      .get() as { used: number };
    if (used.used) throw new AppError('DEMO_SHOP_NOT_EMPTY');
    return this.start({ kind: 'demo', days, seed, now: this.clock.now() });
  }

  /** Resolves when the running job (if any) has ended. */
  settled(): Promise<void> {
    return this.finished;
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private start(task: AnalyticsTask): AnalyticsJob {
    if (this.job?.status === 'running') throw new AppError('ANALYTICS_JOB_RUNNING');
    const job: AnalyticsJob = {
      id: newId(),
      task: task.kind,
      status: 'running',
      phase: 'start',
      done: 0,
      total: 1,
      error: null,
      startedAt: this.clock.now(),
      finishedAt: null,
    };
    this.job = job;
    const update = (patch: Partial<AnalyticsJob>) => {
      Object.assign(job, patch);
      this.adb.emitAfterCommit('analytics.jobProgress', { ...job });
    };
    const worker = launchWorkerJob<AnalyticsTask, AnalyticsWorkerMessage>({
      script: { bundle: 'analytics-worker', source: './worker.ts', caller: import.meta.url },
      task,
      database: this.database,
      writeIntent: this.adb.writeIntent,
      logger: this.logger,
      onProgress: ({ phase, done, total }) => update({ phase, done, total }),
      onEnd: (end) => {
        if (end.type === 'finished') {
          this.logger.info('analytics job finished', { task: task.kind, ...end.summary });
          update({ status: 'done', phase: 'done', done: job.total, finishedAt: this.clock.now() });
        } else {
          const error = end.type === 'failed' ? end.message : end.reason;
          if (end.type === 'failed')
            this.logger.error('analytics job failed', { task: task.kind, error });
          update({ status: 'failed', error, finishedAt: this.clock.now() });
        }
        if (this.worker === worker) this.worker = null;
      },
    });
    this.worker = worker;
    this.finished = worker.ended;
    update({});
    return { ...job };
  }
}
