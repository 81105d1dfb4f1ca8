import { asc, desc, eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import {
  LOGO_MAX_BYTES,
  type Logo,
  type Printer,
  type PrinterStatus,
  type PrintJob,
  type UsbDevice,
} from '../../../src-shared/contract/printing';
import { displayCode } from '../../../src-shared/coupons/codes';
import { describeRule } from '../../../src-shared/coupons/describe';
import { formatFen } from '../../../src-shared/money';
import { logoRaster } from '../../../src-shared/slips/dither';
import { PAPER, type Slip, type SlipLogo } from '../../../src-shared/slips/model';
import {
  cashbackSlip,
  couponSlip,
  dailySummarySlip,
  testPage,
} from '../../../src-shared/slips/templates';
import { localDate, localDateTime } from '../../../src-shared/time';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/validation';
import { encodeSlip } from '../../devices/printing/escpos';
import { readPng } from '../../devices/printing/logo';
import type { QueryPrinterStatus, SendToPrinter } from '../../devices/printing/send';
import type { UsbPrinterWatch } from '../../devices/printing/usb-bus';
import { PrinterError } from '../../devices/printing/printer-error';
import type { AuditService } from '../audit/service';
import type { IssueService } from '../coupons/issue';
import { readCode } from '../coupons/read-code';
import { cashbackCodes, coupons } from '../coupons/schema';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import type { AppDatabase } from '../db/database';
import { AppError } from '../platform/app-error';
import type { Clock } from '../platform/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { ProductsService } from '../products/service';
import type { SettingsService } from '../settings/service';
import { merchant } from '../setup/schema';
import type { StoresService } from '../stores/service';
import { dailyTotals } from './daily-summary';
import { printerDefaults, printers, printJobs, type PrintJobPayload } from './schema';

type PrinterRow = typeof printers.$inferSelect;
type JobRow = typeof printJobs.$inferSelect;

/** How the queue reaches printers; tests hand in a failing sender or a fake USB bus. */
export interface PrinterDevices {
  send: SendToPrinter;
  status: QueryPrinterStatus;
  usb: UsbPrinterWatch;
}

const LOGO_SETTING = 'printing.logo';
const LOGO_MAX_PIXELS = 4096;
const FINISHED: PrintJob['status'][] = ['done', 'failed', 'cancelled'];
/** A failed job is retried and a paused one resumed; these two may be printed again. */
const REPRINTABLE: PrintJob['status'][] = ['done', 'cancelled'];

/**
 * Printers and the print queue. Codes are issued (committed) before their slips are queued; a job
 * records how many slips have gone out, so a retry after a fault goes on from the next one and
 * nothing is printed twice or lost. Jobs run one at a time, in order.
 */
export class PrintingService {
  private running: Promise<void> | null = null;
  private readonly waiters = new Map<string, ((job: PrintJob) => void)[]>();
  /** The logo dithered per paper width; cleared when the logo changes. */
  private readonly logos = new Map<number, SlipLogo | null>();

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    private readonly templates: TemplatesService,
    private readonly issuer: IssueService,
    private readonly keys: SigningKeys,
    private readonly products: ProductsService,
    private readonly settings: SettingsService,
    private readonly devices: PrinterDevices,
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

  list(): Printer[] {
    const rows = this.adb.db.select().from(printers).orderBy(asc(printers.createdAt)).all();
    const defaults = this.adb.db.select().from(printerDefaults).all();
    return rows.map((row) => this.toPrinter(row, defaults));
  }

  create(ctx: HandlerContext, input: ParsedInputOf<'printers.create'>): Printer {
    return this.adb.write(() => {
      const row: PrinterRow = { id: newId(), ...input, active: true, createdAt: this.clock.now() };
      this.adb.db.insert(printers).values(row).run();
      this.audit.record(ctx, {
        action: 'printers.create',
        targetType: 'printer',
        targetId: row.id,
        details: { name: row.name, transport: row.transport.kind, widthMm: row.widthMm },
      });
      return this.printer(row.id);
    });
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'printers.update'>): Printer {
    return this.adb.write(() => {
      const before = this.printer(input.id);
      const { id, ...changes } = input;
      this.adb.db.update(printers).set(changes).where(eq(printers.id, id)).run();
      this.audit.record(ctx, {
        action: 'printers.update',
        targetType: 'printer',
        targetId: id,
        details: { name: before.name, fields: Object.keys(changes) },
      });
      return this.printer(id);
    });
  }

  setDefault(ctx: HandlerContext, input: ParsedInputOf<'printers.setDefault'>): Printer {
    return this.adb.write(() => {
      this.printer(input.printerId);
      this.stores.getTerminal(input.terminalId);
      this.adb.db
        .insert(printerDefaults)
        .values(input)
        .onConflictDoUpdate({
          target: printerDefaults.terminalId,
          set: { printerId: input.printerId },
        })
        .run();
      this.audit.record(ctx, {
        action: 'printers.setDefault',
        targetType: 'printer',
        targetId: input.printerId,
        details: { terminalId: input.terminalId },
      });
      return this.printer(input.printerId);
    });
  }

  /** Prints the test page and answers when it has printed or failed. */
  async testPrint(ctx: HandlerContext, printerId: string): Promise<PrintJob> {
    const job = this.enqueue(ctx, printerId, { kind: 'test' }, 1, false);
    return this.finished(job.id);
  }

  /**
   * "Print after issue": the codes and their print job are written in one transaction, so either
   * both exist or neither; the slips print after it commits. A failed print leaves the codes
   * issued, and a retry prints the rest of them once.
   */
  withPrint<T>(
    ctx: HandlerContext,
    print: { printerId?: string | undefined } | undefined,
    kind: 'coupons' | 'cashback',
    issue: () => T,
    /** The codes to print; the slips name `storeId`, else the caller's store. */
    issued: (result: T) => { codes: string[]; storeId?: string },
  ): T | (T & { printJobId: string }) {
    if (!print) return issue();
    return this.adb.write(() => {
      const printerId = this.printerFor(ctx, print.printerId);
      this.printer(printerId); // an unknown printer refuses before a code is issued
      const result = issue();
      const { codes, storeId = this.stores.ofCaller(ctx.actor)?.id ?? null } = issued(result);
      const job = this.enqueue(ctx, printerId, { kind, codes, storeId }, codes.length, false);
      return { ...result, printJobId: job.id };
    });
  }

  printCoupons(ctx: HandlerContext, input: ParsedInputOf<'printing.printCoupons'>): PrintJob {
    const codes = input.codes.map((code) => this.knownCode(code, 'coupon'));
    const store = this.stores.ofCaller(ctx.actor);
    return this.enqueue(
      ctx,
      this.printerFor(ctx, input.printerId),
      { kind: 'coupons', codes, storeId: store?.id ?? null },
      codes.length,
      input.reprint,
    );
  }

  printCashback(ctx: HandlerContext, input: ParsedInputOf<'printing.printCashback'>): PrintJob {
    const code = this.knownCode(input.code, 'cashback');
    const store = this.stores.ofCaller(ctx.actor);
    return this.enqueue(
      ctx,
      this.printerFor(ctx, input.printerId),
      { kind: 'cashback', codes: [code], storeId: store?.id ?? null },
      1,
      input.reprint,
    );
  }

  /** A store's business day on paper (today in its timezone unless a date is given). */
  printDailySummary(
    ctx: HandlerContext,
    input: ParsedInputOf<'printing.printDailySummary'>,
  ): PrintJob {
    const store = this.stores.get(input.storeId);
    const date = input.date ?? localDate(this.clock.now(), store.timezone);
    const printerId = this.printerFor(ctx, input.printerId);
    return this.adb.write(() => {
      const job = this.enqueue(
        ctx,
        printerId,
        { kind: 'summary', storeId: store.id, date },
        1,
        false,
      );
      this.audit.record(ctx, {
        action: 'printing.dailySummary',
        targetType: 'printJob',
        targetId: job.id,
        details: { storeName: store.name, date },
      });
      return job;
    });
  }

  /** Asks the printer itself; a printer that cannot be reached is offline, with the reason. */
  async status(printerId: string): Promise<PrinterStatus> {
    const printer = this.printer(printerId);
    const answer = (status: PrinterStatus['status'], error: string | null = null) => ({
      printerId,
      status,
      error,
      checkedAt: this.clock.now(),
    });
    try {
      return answer((await this.devices.status(printer.transport)) ?? 'unknown');
    } catch (error) {
      if (error instanceof PrinterError) return answer('offline', error.code);
      throw error;
    }
  }

  /** The USB printers plugged in now; from the first call on, plugging one in or out is pushed. */
  async usbDevices(): Promise<UsbDevice[]> {
    try {
      await this.devices.usb.watch((change) =>
        this.adb.emitAfterCommit('printers.usbChanged', change),
      );
      return await this.devices.usb.list();
    } catch (error) {
      this.logger.error('USB bus unavailable', { error });
      throw new AppError('PRINTER_UNSUPPORTED', { detail: (error as Error).message });
    }
  }

  getLogo(): Logo {
    const pngBase64 = this.settings.get<{ png: string | null }>(LOGO_SETTING)?.png ?? null;
    const png = pngBase64 ? readPng(Buffer.from(pngBase64, 'base64')) : null;
    return { pngBase64, width: png?.width ?? null, height: png?.height ?? null };
  }

  /** A PNG (base64, a data: URL is accepted too) or null to print without a logo. */
  setLogo(ctx: HandlerContext, input: ParsedInputOf<'printing.setLogo'>): Logo {
    const base64 = input.pngBase64?.replace(/^data:image\/png;base64,/, '') || null;
    if (base64 !== null) {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new AppError('LOGO_INVALID');
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > LOGO_MAX_BYTES)
        throw new AppError('LOGO_TOO_LARGE', { maxKb: LOGO_MAX_BYTES / 1024 });
      const png = readPng(bytes);
      if (!png) throw new AppError('LOGO_INVALID');
      if (png.width > LOGO_MAX_PIXELS || png.height > LOGO_MAX_PIXELS)
        throw new AppError('LOGO_TOO_LARGE', { maxKb: LOGO_MAX_BYTES / 1024 });
    }
    this.adb.write(() => {
      this.settings.set(LOGO_SETTING, { png: base64 });
      this.audit.record(ctx, {
        action: 'printing.setLogo',
        targetType: 'printer',
        targetId: 'logo',
        details: { removed: base64 === null },
      });
    });
    this.logos.clear();
    return this.getLogo();
  }

  close(): void {
    this.devices.usb.close();
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

  private enqueue(
    ctx: HandlerContext,
    printerId: string,
    payload: PrintJobPayload,
    total: number,
    reprint: boolean,
  ): PrintJob {
    const job = this.adb.write(() => {
      const printer = this.printer(printerId);
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
    const printer = this.adb.db
      .select()
      .from(printers)
      .where(eq(printers.id, job.printerId))
      .get()!;
    this.setJob(job.id, { status: 'printing' });
    let done = job.done;
    try {
      while (done < job.total) {
        const bytes = encodeSlip(this.slipFor(job, done, printer));
        for (let copy = 0; copy < printer.copies; copy++)
          await this.devices.send(printer.transport, bytes);
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

  private slipFor(job: JobRow, index: number, printer: PrinterRow): Slip {
    const width = printer.widthMm === 80 ? 80 : 58;
    const payload = job.payload;
    const merchantName = this.adb.db.select().from(merchant).get()?.name ?? '';
    const store =
      payload.kind !== 'test' && payload.storeId ? this.stores.get(payload.storeId) : null;
    const timeZone = store?.timezone ?? DEFAULT_TIME_ZONE;
    const at = (ms: number) => localDateTime(ms, timeZone);
    if (payload.kind === 'summary')
      return dailySummarySlip(width, {
        merchantName,
        storeName: store?.name ?? '',
        date: payload.date,
        ...dailyTotals(this.adb, payload.storeId, payload.date, timeZone),
        printedAtText: at(this.clock.now()),
      });
    if (payload.kind === 'test')
      return testPage(width, { printerName: printer.name, atText: at(this.clock.now()) });
    const code = payload.codes[index]!;
    if (payload.kind === 'cashback') {
      const row = this.adb.db
        .select()
        .from(cashbackCodes)
        .where(eq(cashbackCodes.code, code))
        .get()!;
      return cashbackSlip(width, {
        merchantName,
        storeName: store?.name ?? this.stores.get(row.storeId).name,
        productName: this.products.get(row.productId).name,
        rewardText: formatFen(row.rewardFen),
        code,
        display: displayCode(code),
        qrPayload: this.issuer.qrPayload(code, row.templateId, row.validUntil),
        validUntilText: at(row.validUntil),
        reprint: job.reprint,
        logo: this.logo(width),
      });
    }
    const coupon = this.adb.db.select().from(coupons).where(eq(coupons.code, code)).get()!;
    const template = this.templates.row(coupon.templateId);
    const { rule } = this.templates.version(coupon.templateId, coupon.templateVersion);
    return couponSlip(width, {
      merchantName,
      storeName: store?.name ?? '',
      templateName: template.name,
      ruleText: describeRule(rule, (id) => this.products.get(id).name),
      terms: template.description,
      code,
      display: displayCode(code),
      qrPayload: this.issuer.qrPayload(code, coupon.templateId, coupon.validUntil),
      validUntilText: at(coupon.validUntil),
      issuedAtText: at(coupon.issuedAt),
      reprint: job.reprint,
      logo: this.logo(width),
    });
  }

  private logo(width: 58 | 80): SlipLogo | null {
    if (!this.logos.has(width)) {
      const base64 = this.getLogo().pngBase64;
      const png = base64 ? readPng(Buffer.from(base64, 'base64')) : null;
      this.logos.set(width, png ? logoRaster(png, PAPER[width].dots) : null);
    }
    return this.logos.get(width)!;
  }

  /**
   * Only codes that exist are printed: a slip never shows a code the database does not have. The
   * whole list is checked before a job is queued, and the error names the code.
   */
  private knownCode(input: string, kind: 'coupon' | 'cashback'): string {
    const reading = readCode(input, this.keys);
    const table = kind === 'coupon' ? coupons : cashbackCodes;
    const found =
      reading.ok &&
      this.adb.db
        .select({ code: table.code })
        .from(table)
        .where(eq(table.code, reading.code))
        .get();
    if (!found) throw new AppError('PRINT_CODE_UNKNOWN', { code: input, kind });
    return found.code;
  }

  private printerFor(ctx: HandlerContext, printerId: string | undefined): string {
    if (printerId) return printerId;
    const actor = ctx.actor;
    const terminalId = actor.kind === 'anonymous' ? null : actor.terminalId;
    const chosen = terminalId
      ? this.adb.db
          .select()
          .from(printerDefaults)
          .where(eq(printerDefaults.terminalId, terminalId))
          .get()
      : undefined;
    if (!chosen) throw new AppError('NO_DEFAULT_PRINTER');
    return chosen.printerId;
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

  private printer(id: string): Printer {
    const row = this.adb.db.select().from(printers).where(eq(printers.id, id)).get();
    if (!row) throw new AppError('PRINTER_NOT_FOUND', { id });
    return this.toPrinter(
      row,
      this.adb.db.select().from(printerDefaults).where(eq(printerDefaults.printerId, id)).all(),
    );
  }

  private toPrinter(row: PrinterRow, defaults: (typeof printerDefaults.$inferSelect)[]): Printer {
    return {
      id: row.id,
      name: row.name,
      transport: row.transport,
      widthMm: row.widthMm === 80 ? 80 : 58,
      copies: row.copies,
      cut: row.cut,
      active: row.active,
      defaultFor: defaults.filter((d) => d.printerId === row.id).map((d) => d.terminalId),
      createdAt: row.createdAt,
    };
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
