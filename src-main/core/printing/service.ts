import { eq } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { PrintJob } from '../../../src-shared/contract/printing';
import { localDate } from '../../../src-shared/time';
import type { AuditService } from '../audit/service';
import type { IssueService } from '../coupons/issue';
import { readCode } from '../coupons/read-code';
import { cashbackCodes, coupons } from '../coupons/schema';
import type { SigningKeys } from '../coupons/signing-keys';
import type { TemplatesService } from '../coupons/templates';
import type { CodesGuard } from '../codes-guard/guard';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import type { Logger } from '../../../src-node/logger';
import type { ProductsService } from '../products/service';
import type { SettingsService } from '../settings/service';
import type { StoresService } from '../stores/service';
import { PrintersService, type PrinterDevices } from './printers';
import { PrintQueue } from './queue';
import { SlipsService } from './slips';

/**
 * Printing: the printers, the queue and the slips, and the print requests that use all three.
 * Codes are issued (committed) before their slips are queued, and only codes on file print.
 */
export class PrintingService {
  readonly printers: PrintersService;
  readonly slips: SlipsService;
  readonly queue: PrintQueue;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    logger: Logger,
    private readonly audit: AuditService,
    private readonly stores: StoresService,
    templates: TemplatesService,
    issuer: IssueService,
    private readonly keys: SigningKeys,
    products: ProductsService,
    settings: SettingsService,
    devices: PrinterDevices,
    private readonly codesGuard: CodesGuard,
  ) {
    this.printers = new PrintersService(adb, clock, logger, audit, stores, devices);
    this.slips = new SlipsService(adb, clock, audit, stores, templates, issuer, products, settings);
    this.queue = new PrintQueue(adb, clock, logger, audit, this.printers, this.slips, devices.send);
  }

  /** Prints the test page and answers when it has printed or failed. */
  async testPrint(ctx: HandlerContext, printerId: string): Promise<PrintJob> {
    const job = this.queue.enqueue(ctx, printerId, { kind: 'test' }, 1, false);
    return this.queue.finished(job.id);
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
      const printerId = this.printers.forCaller(ctx, print.printerId);
      this.printers.get(printerId); // an unknown printer refuses before a code is issued
      const result = issue();
      const { codes, storeId = this.stores.ofCaller(ctx.actor)?.id ?? null } = issued(result);
      const job = this.queue.enqueue(ctx, printerId, { kind, codes, storeId }, codes.length, false);
      return { ...result, printJobId: job.id };
    });
  }

  printCoupons(ctx: HandlerContext, input: ParsedInputOf<'printing.printCoupons'>): PrintJob {
    const codes = input.codes.map((code) => this.knownCode(ctx, code, 'coupon'));
    const store = this.stores.ofCaller(ctx.actor);
    return this.queue.enqueue(
      ctx,
      this.printers.forCaller(ctx, input.printerId),
      { kind: 'coupons', codes, storeId: store?.id ?? null },
      codes.length,
      input.reprint,
    );
  }

  printCashback(ctx: HandlerContext, input: ParsedInputOf<'printing.printCashback'>): PrintJob {
    const code = this.knownCode(ctx, input.code, 'cashback');
    const store = this.stores.ofCaller(ctx.actor);
    return this.queue.enqueue(
      ctx,
      this.printers.forCaller(ctx, input.printerId),
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
    const printerId = this.printers.forCaller(ctx, input.printerId);
    return this.adb.write(() => {
      const job = this.queue.enqueue(
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

  /**
   * Only codes that exist are printed: a slip never shows a code the database does not have. The
   * whole list is checked before a job is queued, and the error names the code. "Unknown" tells
   * a fake code from a real one, so the codes guard counts it (the list stops at the first one:
   * one call is one guess).
   */
  private knownCode(ctx: HandlerContext, input: string, kind: 'coupon' | 'cashback'): string {
    this.codesGuard.assertMayLookUp(ctx);
    const reading = readCode(input, this.keys);
    const table = kind === 'coupon' ? coupons : cashbackCodes;
    const found =
      reading.ok &&
      this.adb.db
        .select({ code: table.code })
        .from(table)
        .where(eq(table.code, reading.code))
        .get();
    if (!found) {
      this.codesGuard.miss(ctx, 'printing');
      throw new AppError('PRINT_CODE_UNKNOWN', { code: input, kind });
    }
    return found.code;
  }
}
