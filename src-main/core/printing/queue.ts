import { asc, desc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { PrintJob } from '../../../src-shared/contract/printing';
import { encodeSlip } from '../../devices/printing/escpos';
import { PrinterError } from '../../devices/printing/printer-error';
import type { SendToPrinter } from '../../devices/printing/send';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { Logger } from '../../../src-node/logger';
import type { PrintersService } from './printers';
import { printers, printJobs, type PrintJobPayload } from './schema';
import type { SlipsService } from './slips';

type JobRow = typeof printJobs.$inferSelect;

const FINISHED: PrintJob['status'][] = ['done', 'failed', 'cancelled'];
/** A failed job is retried and a paused one resumed; these two may be printed again. */
const REPRINTABLE: PrintJob['status'][] = ['done', 'cancelled'];

/**
 * The print queue. A job records how many of its slips have gone out, so a retry after a fault
 * goes on from the next one and nothing is printed twice or lost. Jobs run one at a time, in
 * order, once the transaction that queued them has committed.
 */
export class PrintQueue {
  private running: Promise<void> | null = null;
  private readonly waiters = new Map<string, ((job: PrintJob) => void)[]>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly printers: PrintersService,
    private readonly slips: SlipsService,
    private readonly send: SendToPrinter,
  ) {}

  /** Jobs cut off by a shutdown go back to the queue at start-up. */
  resumeInterrupted(): void {
    this.adb.db
      .update(printJobs)
      .set({ status: 'queued' })
      .where(eq(printJobs.status, 'printing'))
      .run();
    this.kick();
  }

  /** Queues `total` slips of `payload` on an active printer (inside a caller's write, if any). */
  enqueue(
    ctx: HandlerContext,
    printerId: string,
    payload: PrintJobPayload,
    total: number,
    reprint: boolean,
  ): PrintJob {
    const job = this.adb.write(() => {
      const printer = this.printers.get(printerId);
      if (!printer.active) throw new AppError('PRINTER_NOT_FOUND', { id: printerId });
      const now = this.clock.now();
      const row: JobRow = {
        id: newId(),
        printerId,
        kind: payload.kind,
        payload,
        status: 'queued',
        total,
        done: 0,
        error: null,
        reprint,
        createdBy: ctx.actor.kind === 'staff' ? ctx.actor.staffId : null,
        createdAt: now,
        updatedAt: now,
      };
      this.adb.db.insert(printJobs).values(row).run();
      if (reprint)
        this.audit.record(ctx, {
          action: 'printing.reprint',
          targetType: 'printJob',
          targetId: row.id,
          details: { slips: total, kind: payload.kind },
        });
      return this.toJob(row);
    });
    this.adb.emitAfterCommit('printing.jobChanged', job);
    // Printing starts once this (and any surrounding) transaction has committed: writes are
    // synchronous, so a microtask runs after the commit, and a rolled-back job never prints.
    queueMicrotask(() => this.kick());
    return job;
  }

  jobs(input: ParsedInputOf<'printing.jobs'>): PrintJob[] {
    return this.adb.db
      .select()
      .from(printJobs)
      .where(input.status ? eq(printJobs.status, input.status) : undefined)
      .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
      .limit(input.limit)
      .all()
      .map((row) => this.toJob(row));
  }

  retry(ctx: HandlerContext, jobId: string): PrintJob {
    const job = this.adb.write(() => {
      const row = this.jobRow(jobId);
      if (row.status !== 'failed') throw new AppError('JOB_NOT_RETRYABLE', { status: row.status });
      this.setJob(jobId, { status: 'queued', error: null });
      this.audit.record(ctx, { action: 'printing.retry', targetType: 'printJob', targetId: jobId });
      return this.toJob(this.jobRow(jobId));
    });
    this.kick();
    return job;
  }

  cancel(ctx: HandlerContext, jobId: string): PrintJob {
    return this.adb.write(() => {
      const row = this.jobRow(jobId);
      if (row.status === 'queued' || row.status === 'failed' || row.status === 'paused') {
        this.setJob(jobId, { status: 'cancelled' });
        this.audit.record(ctx, {
          action: 'printing.cancel',
          targetType: 'printJob',
          targetId: jobId,
        });
      }
      return this.toJob(this.jobRow(jobId));
    });
  }

  /** Holds a job: a printing one stops after the slip on the printer, so none is cut in half. */
  pause(ctx: HandlerContext, jobId: string): PrintJob {
    return this.adb.write(() => {
      const row = this.jobRow(jobId);
      if (row.status !== 'queued' && row.status !== 'printing')
        throw new AppError('JOB_NOT_PAUSABLE', { status: row.status });
      this.setJob(jobId, { status: 'paused' });
      this.audit.record(ctx, { action: 'printing.pause', targetType: 'printJob', targetId: jobId });
      return this.toJob(this.jobRow(jobId));
    });
  }

  resume(ctx: HandlerContext, jobId: string): PrintJob {
    const job = this.adb.write(() => {
      const row = this.jobRow(jobId);
      if (row.status !== 'paused') throw new AppError('JOB_NOT_RESUMABLE', { status: row.status });
      this.setJob(jobId, { status: 'queued' });
      this.audit.record(ctx, {
        action: 'printing.resume',
        targetType: 'printJob',
        targetId: jobId,
      });
      return this.toJob(this.jobRow(jobId));
    });
    this.kick();
    return job;
  }

  /**
   * 补打 from the queue: the codes of a done or cancelled slip job again, on its printer, as a
   * new job whose slips are marked 补打. The job keeps its codes, so this works for any job in
   * the list, whichever window (or terminal) started it.
   */
  reprint(ctx: HandlerContext, jobId: string): PrintJob {
    const { payload, status, printerId } = this.jobRow(jobId);
    if (
      (payload.kind !== 'coupons' && payload.kind !== 'cashback') ||
      !REPRINTABLE.includes(status)
    )
      throw new AppError('JOB_NOT_REPRINTABLE', { status, kind: payload.kind });
    return this.enqueue(ctx, printerId, payload, payload.codes.length, true);
  }

  /** Resolves when every queued job has printed or failed (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Resolves with the job once it has printed, failed or been cancelled. */
  finished(jobId: string): Promise<PrintJob> {
    const job = this.toJob(this.jobRow(jobId));
    if (FINISHED.includes(job.status)) return Promise.resolve(job);
    return new Promise((resolve) =>
      this.waiters.set(jobId, [...(this.waiters.get(jobId) ?? []), resolve]),
    );
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain()
      .catch((error) => this.logger.error('print queue stopped', { error }))
      .finally(() => (this.running = null));
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = this.adb.db
        .select()
        .from(printJobs)
        .where(eq(printJobs.status, 'queued'))
        .orderBy(asc(printJobs.createdAt), asc(printJobs.id))
        .get();
      if (!next) return;
      await this.run(next);
    }
  }

  private async run(job: JobRow): Promise<void> {
    const printer = this.printers.get(job.printerId);
    this.setJob(job.id, { status: 'printing' });
    let done = job.done;
    try {
      while (done < job.total) {
        const bytes = encodeSlip(this.slips.forJob(job, done, printer));
        for (let copy = 0; copy < printer.copies; copy++) await this.send(printer.transport, bytes);
        done += 1;
        this.setJob(job.id, { done });
        // Paused or cancelled while that slip printed: stop here, the next slip waits.
        if (this.jobRow(job.id).status !== 'printing') return;
      }
      this.setJob(job.id, { status: 'done' });
    } catch (error) {
      const code = error instanceof PrinterError ? error.code : 'INTERNAL';
      if (!(error instanceof PrinterError))
        this.logger.error('print job failed', { jobId: job.id, error });
      this.setJob(job.id, { status: 'failed', error: code });
    }
  }

  private setJob(id: string, changes: Partial<JobRow>): void {
    this.adb.write(() => {
      this.adb.db
        .update(printJobs)
        .set({ ...changes, updatedAt: this.clock.now() })
        .where(eq(printJobs.id, id))
        .run();
    });
    const job = this.toJob(this.jobRow(id));
    this.adb.emitAfterCommit('printing.jobChanged', job);
    if (FINISHED.includes(job.status)) {
      for (const resolve of this.waiters.get(id) ?? []) resolve(job);
      this.waiters.delete(id);
    }
  }

  private jobRow(id: string): JobRow {
    const row = this.adb.db.select().from(printJobs).where(eq(printJobs.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'printJob', id });
    return row;
  }

  private toJob(row: JobRow): PrintJob {
    const printerName =
      this.adb.db
        .select({ name: printers.name })
        .from(printers)
        .where(eq(printers.id, row.printerId))
        .get()?.name ?? '';
    return {
      id: row.id,
      printerId: row.printerId,
      printerName,
      kind: row.kind,
      status: row.status,
      total: row.total,
      done: row.done,
      error: row.error,
      reprint: row.reprint,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
