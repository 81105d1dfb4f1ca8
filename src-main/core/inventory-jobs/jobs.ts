import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OutputOf, ParsedInputOf, PayloadOf } from '../../../src-shared/contract';
import type { ErrorCode } from '../../../src-shared/errors';
import type { AlertsService } from '../alerts/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import type { HandlerContext } from '../platform/context';
import type { Logger } from '../platform/logger';
import type { ProductImportService } from '../products/import';
import type { SalesImportService } from '../sales/import';
import type { InventoryTask, InventoryTaskKind, InventoryWorkerMessage } from './protocol';

/** The worker script: bundled beside the main code, or the TypeScript source under tsx. */
function workerScript(): { file: string; execArgv: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.join(here, '..')]) {
    const bundled = path.join(dir, 'inventory-worker.js');
    if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  return { file: path.join(here, 'worker.ts'), execArgv: ['--import', 'tsx'] };
}

export interface InventoryJobsOptions {
  databaseFile: string;
  migrationsDir?: string;
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
  'alerts.evaluate': 'alerts.pass',
};

/**
 * Long inventory work off the main thread (DESIGN: no call on the main thread holds SQLite for
 * more than ~16 ms): large imports of products and sales, and the full alert pass, run in a
 * worker thread with its own connection and report `imports.progress`. Small files and small
 * shops stay on the main thread, where they are quicker than starting a worker.
 */
export class InventoryJobs {
  private readonly running = new Set<Worker>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly importer: {
      products: ProductImportService;
      sales: SalesImportService;
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
    for (const worker of this.running) void worker.terminate();
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
    const task = {
      kind,
      input,
      databaseFile: this.options.databaseFile,
      migrationsDir: this.options.migrationsDir,
      now: this.clock.now(),
      ctx,
      mainWrites: this.adb.writeIntent.buffer,
    } as unknown as InventoryTask;
    const name = progressJob[task.kind];
    const announce = (phase: PayloadOf<'imports.progress'>['phase'], done: number, total: number) =>
      this.adb.emitAfterCommit('imports.progress', { job: name, phase, done, total });
    const script = workerScript();
    const worker = new Worker(script.file, { workerData: task, execArgv: script.execArgv });
    this.running.add(worker);
    announce('reading', 0, 1);
    return new Promise<OutputOf<K>>((resolve, reject) => {
      let ended = false;
      const end = (error: AppError | null, result?: OutputOf<K>) => {
        if (ended) return;
        ended = true;
        this.running.delete(worker);
        announce(error ? 'failed' : 'done', 1, 1);
        if (error) reject(error);
        else resolve(result!);
      };
      worker.on('message', (message: InventoryWorkerMessage) => {
        if (message.type === 'progress') announce(message.phase, message.done, message.total);
        else if (message.type === 'finished') {
          for (const { name: event, payload } of message.events)
            this.adb.emitAfterCommit(event, payload);
          end(null, message.result as OutputOf<K>);
        } else {
          if (message.code === 'INTERNAL')
            this.logger.error('inventory job failed', { job: task.kind, error: message.message });
          if (task.kind === 'sales.import') this.options.afterUndo();
          end(new AppError(message.code as ErrorCode, message.details));
        }
      });
      worker.on('error', (error) => {
        this.logger.error('inventory worker crashed', { job: task.kind, error });
        end(new AppError('INTERNAL', { reason: error.message }));
      });
      worker.on('exit', () => end(new AppError('INTERNAL', { reason: 'EXITED' })));
    });
  }
}
