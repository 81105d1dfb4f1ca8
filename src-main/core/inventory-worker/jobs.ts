import type { OutputOf, ParsedInputOf, PayloadOf } from '../../../src-shared/contract';
import type { ErrorCode } from '../../../src-shared/errors';
import type { AlertsService } from '../alerts/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { Logger } from '../../../src-node/logger';
import {
  launchWorkerJob,
  type LaunchedWorkerJob,
  type WorkerDatabase,
} from '../platform/worker-job';
import type { MemberImportService } from '../members/import';
import type { ProductImportService } from '../products/import';
import type { SalesImportService } from '../sales/import';
import type { InventoryTask, InventoryTaskKind, InventoryWorkerMessage } from './protocol';

export interface InventoryJobsOptions extends WorkerDatabase {
  /** Files at least this large (base64 characters) are read, checked and written in the worker. */
  workerMinImportChars: number;
  /** A full alert pass over at least this many stock levels runs in the worker. */
  workerMinAlertLevels: number;
  /** After a large sales import failed (and was undone) in the worker. */
  afterUndo: () => void;
}

type ProgressJob = PayloadOf<'imports.progress'>['job'];
const progressJob: Record<InventoryTaskKind, ProgressJob> = {
  'products.importPreview': 'products.import',
  'products.import': 'products.import',
  'sales.importPreview': 'sales.import',
  'sales.import': 'sales.import',
  'members.importPreview': 'members.import',
  'members.import': 'members.import',
  'alerts.evaluate': 'alerts.pass',
};

/**
 * Long inventory work off the main thread (no call on the main thread holds SQLite for more
 * than ~16 ms): large imports of products, sales and members, and the full alert pass, run in a
 * worker thread with its own connection and report `imports.progress`. Small files and small
 * shops stay on the main thread, where they are quicker than starting a worker.
 */
export class InventoryJobs {
  private readonly running = new Set<LaunchedWorkerJob>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly importer: {
      products: ProductImportService;
      sales: SalesImportService;
      members: MemberImportService;
      alerts: AlertsService;
    },
    private readonly options: InventoryJobsOptions,
  ) {}

  previewProducts(ctx: HandlerContext, input: ParsedInputOf<'products.importPreview'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'products.importPreview', input)
      : this.importer.products.preview(ctx, input);
  }

  importProducts(ctx: HandlerContext, input: ParsedInputOf<'products.import'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'products.import', input)
      : this.importer.products.commit(ctx, input);
  }

  previewSales(ctx: HandlerContext, input: ParsedInputOf<'sales.importPreview'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'sales.importPreview', input)
      : this.importer.sales.preview(ctx, input);
  }

  importSales(ctx: HandlerContext, input: ParsedInputOf<'sales.import'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'sales.import', input)
      : this.importer.sales.commit(ctx, input);
  }

  previewMembers(ctx: HandlerContext, input: ParsedInputOf<'members.importPreview'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'members.importPreview', input)
      : this.importer.members.preview(ctx, input);
  }

  importMembers(ctx: HandlerContext, input: ParsedInputOf<'members.import'>) {
    return this.isLarge(input)
      ? this.inWorker(ctx, 'members.import', input)
      : this.importer.members.commit(ctx, input);
  }

  /** The full pass (or one store's): in the worker when the shop has many stock levels. */
  evaluateAlerts(
    ctx: HandlerContext,
    input: ParsedInputOf<'alerts.evaluate'>,
  ): OutputOf<'alerts.evaluate'> | Promise<OutputOf<'alerts.evaluate'>> {
    const levels = this.adb.sqlite
      .prepare('SELECT count(*) AS n FROM stock_levels WHERE ? IS NULL OR store_id = ?')
      .get(input.storeId ?? null, input.storeId ?? null) as { n: number };
    return levels.n >= this.options.workerMinAlertLevels
      ? this.inWorker(ctx, 'alerts.evaluate', input)
      : this.importer.alerts.evaluate(input);
  }

  /** Waits for every running worker (tests, and a clean shutdown). */
  terminateAll(): void {
    for (const worker of this.running) worker.terminate();
    this.running.clear();
  }

  private isLarge(input: { contentBase64: string }): boolean {
    return input.contentBase64.length >= this.options.workerMinImportChars;
  }

  private inWorker<K extends InventoryTaskKind>(
    ctx: HandlerContext,
    kind: K,
    input: ParsedInputOf<K>,
  ): Promise<OutputOf<K>> {
    const task = { kind, input, now: this.clock.now(), ctx } as InventoryTask;
    const name = progressJob[task.kind];
    const announce = (phase: PayloadOf<'imports.progress'>['phase'], done: number, total: number) =>
      this.adb.emitAfterCommit('imports.progress', { job: name, phase, done, total });
    return new Promise<OutputOf<K>>((resolve, reject) => {
      const worker = launchWorkerJob<InventoryTask, InventoryWorkerMessage>({
        script: { bundle: 'inventory-worker', source: './worker.ts', caller: import.meta.url },
        task,
        database: this.options,
        writeIntent: this.adb.writeIntent,
        logger: this.logger,
        onProgress: ({ phase, done, total }) => announce(phase, done, total),
        onEnd: (end) => {
          this.running.delete(worker);
          if (end.type === 'finished') {
            for (const { name: event, payload } of end.events)
              this.adb.emitAfterCommit(event, payload);
            announce('done', 1, 1);
            return resolve(end.result as OutputOf<K>);
          }
          if (end.type === 'failed') {
            if (end.code === 'INTERNAL')
              this.logger.error('inventory job failed', { job: task.kind, error: end.message });
            if (task.kind === 'sales.import') this.options.afterUndo();
          }
          announce('failed', 1, 1);
          reject(
            end.type === 'failed'
              ? new AppError(end.code as ErrorCode, end.details)
              : new AppError('INTERNAL', { reason: end.reason }),
          );
        },
      });
      this.running.add(worker);
      announce('reading', 0, 1);
    });
  }
}
