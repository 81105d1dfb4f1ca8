import { and, desc, eq, inArray } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { PrintJob } from '../../../src-shared/contract/printing';
import type { DayCloseReport, Shift, TillSettings } from '../../../src-shared/contract/till';
import { formatFen } from '../../../src-shared/money';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import type { AuditService } from '../audit/service';
import type { AuthService } from '../auth/service';
import type { AppDatabase } from '../db/database';
import type { ShiftRow } from '../events/catalogue';
import type { HandlerContext } from '../platform/context';
import type { PrintingService } from '../printing/service';
import type { SalesService } from '../sales/service';
import type { SettingsService } from '../settings/service';
import { staff } from '../staff/schema';
import { staffIdOf } from '../stock/ledger';
import type { StoresService } from '../stores/service';
import type { BusinessDays } from './business-days';
import type { TillLedger } from './ledger';
import { DayCloseQueries } from './report';
import { dayCloses, shifts } from './schema';
import { readTillSettings, writeTillSettings } from './settings';

/**
 * The till around the sale: its settings, receipts and the drawer, shifts with their handover
 * (交班) and the business day's close (日结). Sales themselves are the sales service's.
 */
export class TillService {
  readonly closes: DayCloseQueries;
  private readonly cash;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly stores: StoresService,
    private readonly auth: AuthService,
    private readonly sales: SalesService,
    private readonly printing: PrintingService,
    private readonly ledger: TillLedger,
    private readonly businessDays: BusinessDays,
  ) {
    this.closes = new DayCloseQueries(adb);
    const db = adb.sqlite;
    // The drawer's cash over a shift: what came in, went back and was paid out at the counter.
    this.cash = {
      sales: db.prepare(
        `SELECT coalesce(sum(t.amount_fen), 0) AS fen FROM sales s
         JOIN sale_tenders t ON t.sale_id = s.id AND t.kind = 'cash'
         WHERE s.store_id = ? AND coalesce(s.terminal_id, '') = ? AND s.recorded_at >= ? AND s.recorded_at <= ?`,
      ),
      refunds: db.prepare(
        `SELECT coalesce(sum(amount_fen), 0) AS fen FROM sale_refunds
         WHERE store_id = ? AND coalesce(terminal_id, '') = ? AND kind = 'cash' AND at >= ? AND at <= ?`,
      ),
      payouts: db.prepare(
        `SELECT coalesce(sum(reward_fen), 0) AS fen FROM cashback_codes
         WHERE store_id = ? AND redeemed_via = 'counter' AND redeemed_at >= ? AND redeemed_at <= ?`,
      ),
    };
  }

  getSettings(): TillSettings {
    return readTillSettings(this.settings);
  }

  updateSettings(ctx: HandlerContext, input: Partial<TillSettings>): TillSettings {
    return this.adb.write(() => {
      const next = { ...this.getSettings(), ...input };
      writeTillSettings(this.settings, next);
      this.audit.record(ctx, {
        action: 'till.updateSettings',
        targetType: 'settings',
        targetId: 'till',
        details: input,
      });
      return next;
    });
  }

  // ---- receipts and the drawer ----

  /** A sale's receipt on this till's printer; a first print of a cash sale opens the drawer. */
  printReceipt(ctx: HandlerContext, input: ParsedInputOf<'printing.printReceipt'>): PrintJob {
    const sale = this.sales.get(input.saleId);
    const kickDrawer =
      !input.reprint &&
      this.getSettings().kickDrawerOnCash &&
      sale.tenders.some((t) => t.kind === 'cash');
    return this.printing.queue.enqueue(
      ctx,
      this.printing.printers.forCaller(ctx, input.printerId),
      { kind: 'receipt', storeId: sale.storeId, saleId: sale.id, kickDrawer },
      1,
      input.reprint,
    );
  }

  /** 开钱箱 without a sale: the pulse alone, and who opened it and why in the audit log. */
  openDrawer(ctx: HandlerContext, input: ParsedInputOf<'drawer.open'>): PrintJob {
    const printerId = this.printing.printers.forCaller(ctx, input.printerId);
    const store = this.stores.ofCaller(ctx.actor);
    return this.adb.write(() => {
      const job = this.printing.queue.enqueue(
        ctx,
        printerId,
        { kind: 'drawer', storeId: store?.id ?? null },
        1,
        false,
      );
      this.audit.record(ctx, {
        action: 'drawer.open',
        targetType: 'printJob',
        targetId: job.id,
        storeId: store?.id ?? null,
        details: { reason: input.reason },
      });
      return job;
    });
  }

  // ---- shifts ----

  openShift(ctx: HandlerContext, input: ParsedInputOf<'shifts.open'>): Shift {
    const { storeId, drawerKey } = this.drawerOf(ctx, input.storeId);
    return this.adb.write(() => {
      if (this.openShiftRow(storeId, drawerKey)) throw new AppError('SHIFT_ALREADY_OPEN');
      const now = this.clock.now();
      const row: ShiftRow = {
        id: newId(now),
        storeId,
        drawerKey,
        status: 'open',
        staffId: staffIdOf(ctx),
        floatFen: input.floatFen,
        openedAt: now,
        handedOverAt: null,
        expectedFen: null,
        countedFen: null,
        differenceFen: null,
        denominations: null,
        note: null,
        approvedBy: null,
        businessDate: null,
      };
      this.ledger.openShift(ctx, row);
      return this.toShift(row);
    });
  }

  currentShift(ctx: HandlerContext, input: ParsedInputOf<'shifts.current'>): Shift | null {
    const { storeId, drawerKey } = this.drawerOf(ctx, input.storeId);
    const row = this.openShiftRow(storeId, drawerKey);
    return row ? this.toShift(row) : null;
  }

  /**
   * 交班: the cash expected (float + cash sales − cash refunds − cashback paid at the counter)
   * against the cash counted. A difference over the threshold needs a manager's PIN, checked
   * before anything is written.
   */
  async handOver(ctx: HandlerContext, input: ParsedInputOf<'shifts.handover'>): Promise<Shift> {
    const { storeId, drawerKey } = this.drawerOf(ctx, input.storeId);
    const open = this.openShiftRow(storeId, drawerKey);
    if (!open) throw new AppError('NO_OPEN_SHIFT');
    const { handoverThresholdFen } = this.getSettings();
    const expected = this.expectedCash(open, this.clock.now());
    const difference = input.countedFen - expected;
    let approvedBy: { id: string; name: string } | null = null;
    if (Math.abs(difference) > handoverThresholdFen) {
      if (!input.managerId || !input.managerPin)
        throw new AppError('HANDOVER_NEEDS_MANAGER', {
          differenceFen: difference,
          thresholdFen: handoverThresholdFen,
          difference: formatFen(difference),
          threshold: formatFen(handoverThresholdFen),
        });
      const manager = await this.auth.authorizeManager(ctx, input.managerId, input.managerPin);
      approvedBy = { id: manager.id, name: manager.name };
    }
    return this.adb.write(() => {
      const current = this.openShiftRow(storeId, drawerKey);
      if (!current || current.id !== open.id) throw new AppError('NO_OPEN_SHIFT');
      const now = this.clock.now();
      const expectedFen = this.expectedCash(current, now);
      const row: ShiftRow = {
        ...current,
        status: 'handed_over',
        handedOverAt: now,
        expectedFen,
        countedFen: input.countedFen,
        differenceFen: input.countedFen - expectedFen,
        denominations: input.denominations ?? null,
        note: input.note || null,
        approvedBy: approvedBy?.id ?? null,
        businessDate: this.businessDays.dayOf(storeId, now),
      };
      this.ledger.handOver(ctx, row, approvedBy);
      return this.toShift(row);
    });
  }

  listShifts(ctx: HandlerContext, input: ParsedInputOf<'shifts.list'>): Shift[] {
    const storeId = input.storeId ?? this.stores.ofCaller(ctx.actor)?.id;
    if (!storeId) return [];
    return this.adb.db
      .select()
      .from(shifts)
      .where(eq(shifts.storeId, storeId))
      .orderBy(desc(shifts.openedAt))
      .limit(input.limit)
      .all()
      .map((row) => this.toShift(row));
  }

  // ---- the day close ----

  preview(input: ParsedInputOf<'dayClose.preview'>): DayCloseReport {
    const store = this.stores.get(input.storeId);
    const closed = this.adb.db
      .select()
      .from(dayCloses)
      .where(and(eq(dayCloses.storeId, store.id), eq(dayCloses.businessDate, input.businessDate)))
      .get();
    // A closed day answers as it was closed: what came after counts on the next day.
    const totals = closed
      ? (closed.totals as unknown as ReturnType<DayCloseQueries['totals']>)
      : this.closes.totals(store.id, input.businessDate, store.timezone);
    const { shiftIds, ...rest } = totals;
    return {
      storeId: store.id,
      storeName: store.name,
      businessDate: input.businessDate,
      closed: !!closed,
      closedAt: closed?.closedAt ?? null,
      closedByName: closed?.closedBy ? this.staffName(closed.closedBy) : null,
      ...rest,
      shifts: shiftIds.length
        ? this.adb.db
            .select()
            .from(shifts)
            .where(inArray(shifts.id, shiftIds))
            .orderBy(shifts.handedOverAt)
            .all()
            .map((row) => this.toShift(row))
        : [],
    };
  }

  commit(
    ctx: HandlerContext,
    input: ParsedInputOf<'dayClose.commit'>,
  ): OutputOf<'dayClose.commit'> {
    const store = this.stores.get(input.storeId);
    const printerId = input.print ? this.printing.printers.forCaller(ctx, input.printerId) : null;
    return this.adb.write(() => {
      if (this.businessDays.isClosed(store.id, input.businessDate))
        throw new AppError('DAY_ALREADY_CLOSED', { businessDate: input.businessDate });
      const totals = this.closes.totals(store.id, input.businessDate, store.timezone);
      this.ledger.closeDay(
        ctx,
        {
          id: newId(),
          storeId: store.id,
          businessDate: input.businessDate,
          closedAt: this.clock.now(),
          closedBy: staffIdOf(ctx),
          totals: totals as unknown as Record<string, unknown>,
        },
        store.name,
      );
      const job = printerId
        ? this.printing.queue.enqueue(
            ctx,
            printerId,
            { kind: 'close', storeId: store.id, businessDate: input.businessDate },
            1,
            false,
          )
        : null;
      return { ...this.preview(input), printJobId: job?.id ?? null };
    });
  }

  listCloses(
    ctx: HandlerContext,
    input: ParsedInputOf<'dayClose.list'>,
  ): OutputOf<'dayClose.list'> {
    const storeId = input.storeId ?? this.stores.ofCaller(ctx.actor)?.id;
    if (!storeId) return [];
    return this.adb.db
      .select()
      .from(dayCloses)
      .where(eq(dayCloses.storeId, storeId))
      .orderBy(desc(dayCloses.businessDate))
      .limit(input.limit)
      .all()
      .map((row) => ({
        storeId: row.storeId,
        businessDate: row.businessDate,
        closedAt: row.closedAt,
        netFen: Number(row.totals.netFen ?? 0),
        differenceFen: Number(row.totals.differenceFen ?? 0),
      }));
  }

  printClose(ctx: HandlerContext, input: ParsedInputOf<'dayClose.print'>): PrintJob {
    const store = this.stores.get(input.storeId);
    return this.printing.queue.enqueue(
      ctx,
      this.printing.printers.forCaller(ctx, input.printerId),
      { kind: 'close', storeId: store.id, businessDate: input.businessDate },
      1,
      false,
    );
  }

  // ---- helpers ----

  /** The drawer of the caller: its store and terminal ('' at a PC that is no terminal). */
  private drawerOf(ctx: HandlerContext, storeId: string | undefined) {
    const store = storeId ? this.stores.get(storeId) : this.stores.ofCaller(ctx.actor);
    if (!store) throw new AppError('NOT_FOUND', { entity: 'store' });
    const drawerKey = ctx.actor.kind === 'anonymous' ? '' : (ctx.actor.terminalId ?? '');
    return { storeId: store.id, drawerKey };
  }

  private openShiftRow(storeId: string, drawerKey: string): ShiftRow | undefined {
    return this.adb.db
      .select()
      .from(shifts)
      .where(
        and(
          eq(shifts.storeId, storeId),
          eq(shifts.drawerKey, drawerKey),
          eq(shifts.status, 'open'),
        ),
      )
      .get();
  }

  private expectedCash(shift: ShiftRow, until: number): number {
    const args = [shift.storeId, shift.drawerKey, shift.openedAt, until];
    const fen = (statement: { get: (...a: unknown[]) => unknown }, a: unknown[]) =>
      (statement.get(...a) as { fen: number }).fen;
    return (
      shift.floatFen +
      fen(this.cash.sales, args) -
      fen(this.cash.refunds, args) -
      fen(this.cash.payouts, [shift.storeId, shift.openedAt, until])
    );
  }

  private staffName(id: string): string | null {
    return (
      this.adb.db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get()?.name ??
      null
    );
  }

  private toShift(row: ShiftRow): Shift {
    return {
      id: row.id,
      storeId: row.storeId,
      status: row.status,
      staffName: row.staffId ? this.staffName(row.staffId) : null,
      floatFen: row.floatFen,
      openedAt: row.openedAt,
      handedOverAt: row.handedOverAt,
      expectedFen: row.expectedFen ?? this.expectedCash(row, this.clock.now()),
      countedFen: row.countedFen,
      differenceFen: row.differenceFen,
      denominations: row.denominations,
      note: row.note,
      approvedByName: row.approvedBy ? this.staffName(row.approvedBy) : null,
      businessDate: row.businessDate,
    };
  }
}
