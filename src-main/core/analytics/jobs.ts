import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyticsJob } from '../../../src-shared/contract/analytics';
import type { AppDatabase } from '../db/database';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { AnalyticsTask, AnalyticsWorkerMessage } from './worker-protocol';

/** The worker script: bundled beside the main code, or the TypeScript source under tsx. */
function workerScript(): { file: string; execArgv: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.join(here, '..')]) {
    const bundled = path.join(dir, 'analytics-worker.js');
    if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  return { file: path.join(here, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

export interface AnalyticsJobsOptions {
  databaseFile: string;
  migrationsDir?: string;
}

/**
 * The rollup rebuild and the demo generator, one at a time, in a worker thread with its own
 * connection; progress goes out as `analytics.jobProgress` events.
 */
export class AnalyticsJobs {
  private job: AnalyticsJob | null = null;
  private worker: Worker | null = null;
  private finished: Promise<void> = Promise.resolve();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: AnalyticsJobsOptions,
  ) {}

  current(): AnalyticsJob | null {
    return this.job;
  }

  /** A shop migrated with sales already in it has no rollups yet: build them now. */
  rebuildIfNeeded(): void {
    const state = this.adb.sqlite
      .prepare('SELECT rebuilt_at AS rebuiltAt FROM analytics_state WHERE id = 1')
      .get() as { rebuiltAt: number | null } | undefined;
    if (state && state.rebuiltAt === null) this.start({ kind: 'rebuild', ...this.files() });
  }

  rebuild(): AnalyticsJob {
    return this.start({ kind: 'rebuild', ...this.files() });
  }

  demo(days: number, seed: number): AnalyticsJob {
    const used = this.adb.sqlite
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM sales) OR EXISTS (SELECT 1 FROM redemptions)
           OR EXISTS (SELECT 1 FROM cashback_codes WHERE status = 'redeemed') AS used`,
      )
      .get() as { used: number };
    if (used.used) throw new AppError('DEMO_SHOP_NOT_EMPTY');
    return this.start({ kind: 'demo', ...this.files(), days, seed, now: this.clock.now() });
  }

  /** Resolves when the running job (if any) has ended. */
  settled(): Promise<void> {
    return this.finished;
  }

  terminate(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private files() {
    return { databaseFile: this.options.databaseFile, migrationsDir: this.options.migrationsDir };
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
    const script = workerScript();
    const worker = new Worker(script.file, { workerData: task, execArgv: script.execArgv });
    this.worker = worker;
    const update = (patch: Partial<AnalyticsJob>) => {
      Object.assign(job, patch);
      this.adb.emitAfterCommit('analytics.jobProgress', { ...job });
    };
    this.finished = new Promise<void>((resolve) => {
      let ended = false;
      const end = (patch: Partial<AnalyticsJob>) => {
        if (ended) return;
        ended = true;
        update({ ...patch, finishedAt: this.clock.now() });
        if (this.worker === worker) this.worker = null;
        resolve();
      };
      worker.on('message', (message: AnalyticsWorkerMessage) => {
        if (message.type === 'progress')
          update({ phase: message.phase, done: message.done, total: message.total });
        else if (message.type === 'finished') {
          this.logger.info('analytics job finished', { task: task.kind, ...message.summary });
          end({ status: 'done', phase: 'done', done: job.total });
        } else {
          this.logger.error('analytics job failed', { task: task.kind, error: message.message });
          end({ status: 'failed', error: message.message });
        }
      });
      worker.on('error', (error) => end({ status: 'failed', error: error.message }));
      worker.on('exit', () => end({ status: 'failed', error: 'EXITED' }));
    });
    update({});
    return { ...job };
  }
}
