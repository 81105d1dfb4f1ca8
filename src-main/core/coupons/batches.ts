import path from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { CouponBatch } from '../../../src-shared/contract/coupons';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { Logger } from '../../../src-node/logger';
import {
  launchWorkerJob,
  type LaunchedWorkerJob,
  type WorkerDatabase,
} from '../platform/worker-job';
import type { StoresService } from '../stores/service';
import type { BatchEnd, BatchTask, BatchWorkerMessage } from './batch-protocol';
import type { IssueService } from './issue';
import type { SigningKeys } from './signing-keys';
import type { TemplatesService } from './templates';
import { couponBatches, couponTemplates } from './schema';

type BatchRow = typeof couponBatches.$inferSelect;

const batchStatus = (end: BatchEnd): CouponBatch['status'] =>
  end.type === 'failed' ? 'failed' : end.cancelled ? 'cancelled' : 'done';

export interface BatchesOptions extends WorkerDatabase {
  exportsDir: string;
}

/** Issue runs and exports of up to a million codes, in a worker thread with progress events. */
export class BatchesService {
  private readonly workers = new Map<string, LaunchedWorkerJob>();
  private readonly finished = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly templates: TemplatesService,
    private readonly issuer: IssueService,
    private readonly keys: SigningKeys,
    private readonly options: BatchesOptions,
  ) {}

  /** A batch left "running" by a crash or a power cut is marked as interrupted at start-up. */
  recoverInterrupted(): void {
    this.adb.db
      .update(couponBatches)
      .set({ status: 'failed', error: 'INTERRUPTED', finishedAt: this.clock.now() })
      .where(eq(couponBatches.status, 'running'))
      .run();
  }

  start(ctx: HandlerContext, input: ParsedInputOf<'coupons.startBatch'>): CouponBatch {
    const store = this.stores.ofCaller(ctx.actor);
    const batch = this.adb.write(() => {
      const template = this.templates.get(input.templateId);
      this.issuer.assertCanIssue(template, input.count, null);
      const row: BatchRow = {
        id: newId(),
        templateId: template.id,
        requested: input.count,
        issued: 0,
        status: 'running',
        error: null,
        storeId: store?.id ?? null,
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: this.clock.now(),
        finishedAt: null,
      };
      this.adb.db.insert(couponBatches).values(row).run();
      this.audit.record(ctx, {
        action: 'coupons.startBatch',
        targetType: 'couponBatch',
        targetId: row.id,
        details: { template: template.name, count: input.count },
      });
      return row;
    });
    this.run(
      batch.id,
      {
        kind: 'issue',
        batchId: batch.id,
        templateId: batch.templateId,
        count: batch.requested,
        storeId: batch.storeId,
        timeZone: store?.timezone ?? DEFAULT_TIME_ZONE,
        issuedAt: batch.createdAt,
      },
      (message) => this.settleIssue(ctx, batch.id, message),
    );
    return this.get(batch.id);
  }

  cancel(ctx: HandlerContext, batchId: string): CouponBatch {
    const batch = this.get(batchId);
    const worker = this.workers.get(`issue:${batchId}`);
    if (batch.status === 'running' && worker) {
      worker.post('cancel');
      this.audit.record(ctx, {
        action: 'coupons.cancelBatch',
        targetType: 'couponBatch',
        targetId: batchId,
      });
    }
    return batch;
  }

  list(templateId?: string): CouponBatch[] {
    const rows = this.adb.db
      .select()
      .from(couponBatches)
      .where(templateId ? eq(couponBatches.templateId, templateId) : undefined)
      .orderBy(desc(couponBatches.createdAt), desc(couponBatches.id))
      .limit(200)
      .all();
    return this.toBatches(rows);
  }

  get(batchId: string): CouponBatch {
    const row = this.adb.db.select().from(couponBatches).where(eq(couponBatches.id, batchId)).get();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'couponBatch', id: batchId });
    return this.toBatches([row])[0]!;
  }

  /** Resolves when the file is written (large exports take seconds, in the worker). */
  export(
    ctx: HandlerContext,
    input: ParsedInputOf<'coupons.exportBatch'>,
  ): Promise<OutputOf<'coupons.exportBatch'>> {
    const batch = this.get(input.batchId);
    const store = this.stores.ofCaller(ctx.actor);
    const stamp = new Date(this.clock.now()).toISOString().slice(0, 10);
    const fileName = `coupons-${stamp}-${batch.id.slice(-8)}.${input.format}`;
    const file = path.join(this.options.exportsDir, fileName);
    return new Promise((resolve, reject) => {
      this.run(
        batch.id,
        {
          kind: 'export',
          batchId: batch.id,
          format: input.format,
          file,
          total: batch.issued,
          timeZone: store?.timezone ?? DEFAULT_TIME_ZONE,
          issuedAt: this.clock.now(),
        },
        (message) => {
          if (message.type === 'failed')
            return reject(new AppError('INTERNAL', { reason: message.message }));
          this.audit.record(ctx, {
            action: 'coupons.exportBatch',
            targetType: 'couponBatch',
            targetId: batch.id,
            details: { fileName, rows: message.done },
          });
          resolve({ fileName, path: file, rows: message.done });
        },
      );
    });
  }

  /** Waits for every running worker (tests, and a clean shutdown). */
  async whenIdle(): Promise<void> {
    while (this.finished.size) await Promise.allSettled([...this.finished]);
  }

  terminateAll(): void {
    this.stopped = true;
    for (const worker of this.workers.values()) worker.terminate();
    this.workers.clear();
  }

  private run(batchId: string, task: BatchTask, onEnd: (end: BatchEnd) => void): void {
    const key = `${task.kind}:${batchId}`;
    const worker = launchWorkerJob<BatchTask, BatchWorkerMessage>({
      script: {
        bundle: 'coupon-batch-worker',
        source: './batch-worker.ts',
        caller: import.meta.url,
      },
      // The worker has no key store: it gets this till's keys open, in memory only.
      task: { ...task, ownKeys: this.keys.openAll() },
      database: this.options,
      writeIntent: this.adb.writeIntent,
      logger: this.logger,
      onProgress: ({ done, total }) =>
        this.adb.emitAfterCommit('coupons.batchProgress', {
          batchId,
          task: task.kind,
          done,
          total,
          status: 'running',
        }),
      onEnd: (end) => {
        if (this.stopped) return;
        this.workers.delete(key);
        const message: BatchEnd =
          end.type === 'crashed' ? { type: 'failed', message: end.reason } : end;
        try {
          onEnd(message);
        } catch (error) {
          this.logger.error('batch settle failed', { batchId, error });
        }
        this.adb.emitAfterCommit('coupons.batchProgress', {
          batchId,
          task: task.kind,
          done: message.type === 'finished' ? message.done : 0,
          total: task.kind === 'issue' ? task.count : task.total,
          status: batchStatus(message),
        });
      },
    });
    this.workers.set(key, worker);
    this.finished.add(worker.exited);
    void worker.exited.then(() => this.finished.delete(worker.exited));
  }

  private settleIssue(ctx: HandlerContext, batchId: string, message: BatchEnd) {
    this.adb.write(() => {
      const status = batchStatus(message);
      this.adb.db
        .update(couponBatches)
        .set({
          status,
          finishedAt: this.clock.now(),
          error: message.type === 'failed' ? message.message : null,
        })
        .where(eq(couponBatches.id, batchId))
        .run();
      const batch = this.get(batchId);
      this.audit.record(ctx, {
        action: 'coupons.batchFinished',
        targetType: 'couponBatch',
        targetId: batchId,
        details: { status, issued: batch.issued, requested: batch.requested },
      });
      this.adb.emitAfterCommit('coupons.templateChanged', { templateId: batch.templateId });
    });
  }

  private toBatches(rows: BatchRow[]): CouponBatch[] {
    if (!rows.length) return [];
    const names = new Map(
      this.adb.db
        .select({ id: couponTemplates.id, name: couponTemplates.name })
        .from(couponTemplates)
        .where(inArray(couponTemplates.id, [...new Set(rows.map((r) => r.templateId))]))
        .all()
        .map((t) => [t.id, t.name]),
    );
    return rows.map((row) => ({
      id: row.id,
      templateId: row.templateId,
      templateName: names.get(row.templateId) ?? '',
      requested: row.requested,
      issued: row.issued,
      status: row.status,
      error: row.error,
      createdAt: row.createdAt,
      finishedAt: row.finishedAt,
    }));
  }
}
