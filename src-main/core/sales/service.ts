import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { Sale } from '../../../src-shared/contract/sales';
import { displayCode } from '../../../src-shared/coupons/codes';
import { formatFen, roundHalfUpDiv } from '../../../src-shared/money';
import {
  refundByTender,
  settleTenders,
  type CashRounding,
  type TenderProblem,
} from '../../../src-shared/till/tenders';
import { maskPhone } from '../../../src-shared/phone';
import { couponTemplates, redemptions } from '../coupons/schema';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { products } from '../products/schema';
import type { ProductRow, ProductsService } from '../products/service';
import type { RedemptionService } from '../redemption/service';
import { staff } from '../staff/schema';
import { stores, terminals } from '../stores/schema';
import { staffIdOf, type MovementDraft } from '../stock/ledger';
import type { BusinessDays } from '../till/business-days';
import type { SalesLedger } from './ledger';
import { saleCoupons, saleLines, saleRefunds, sales, saleTenders } from './schema';

type SaleRow = typeof sales.$inferSelect;
type SaleLineRow = typeof saleLines.$inferSelect;
type SaleTenderRow = typeof saleTenders.$inferSelect;
type RecordInput = ParsedInputOf<'sales.record'>;

const key = sql.placeholder('key');
const salesQueries = (db: Drizzle) => ({
  byTerminalSaleId: db
    .select()
    .from(sales)
    .where(
      and(
        eq(sales.storeId, sql.placeholder('storeId')),
        eq(sales.originKey, sql.placeholder('originKey')),
        eq(sales.terminalSaleId, sql.placeholder('terminalSaleId')),
      ),
    )
    .prepare(),
  storeName: db.select({ name: stores.name }).from(stores).where(eq(stores.id, key)).prepare(),
  terminalCode: db
    .select({ code: terminals.code })
    .from(terminals)
    .where(eq(terminals.id, key))
    .prepare(),
  staffName: db.select({ name: staff.name }).from(staff).where(eq(staff.id, key)).prepare(),
  linesOf: db
    .select({ line: saleLines, sku: products.sku, name: products.name })
    .from(saleLines)
    .innerJoin(products, eq(products.id, saleLines.productId))
    .where(eq(saleLines.saleId, key))
    .orderBy(asc(saleLines.lineNo))
    .prepare(),
  couponsOf: db
    .select({
      redemptionId: redemptions.id,
      code: redemptions.code,
      discountFen: redemptions.discountFen,
      templateName: couponTemplates.name,
    })
    .from(saleCoupons)
    .innerJoin(redemptions, eq(redemptions.id, saleCoupons.redemptionId))
    .innerJoin(couponTemplates, eq(couponTemplates.id, redemptions.templateId))
    .where(eq(saleCoupons.saleId, key))
    .orderBy(asc(saleCoupons.position))
    .prepare(),
  tendersOf: db
    .select()
    .from(saleTenders)
    .where(eq(saleTenders.saleId, key))
    .orderBy(asc(saleTenders.position))
    .prepare(),
  refundsOf: db
    .select({ kind: saleRefunds.kind, amountFen: saleRefunds.amountFen, at: saleRefunds.at })
    .from(saleRefunds)
    .where(eq(saleRefunds.saleId, key))
    .orderBy(asc(saleRefunds.at), asc(saleRefunds.id))
    .prepare(),
});

/**
 * Sales from POS terminals (terminal key) and the manual sale screen. A sale, its lines, its
 * coupons' redemptions, its stock movements, its alerts and its outbox row are one transaction;
 * a terminal posting the same sale again gets the first answer.
 */
export class SalesService {
  private readonly queries: ReturnType<typeof salesQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly ledger: SalesLedger,
    private readonly products: ProductsService,
    private readonly redemption: RedemptionService,
    private readonly businessDays: BusinessDays,
    /** The shop's cash rounding (抹零), read per sale: a change applies to the next one. */
    private readonly cashRounding: () => CashRounding,
    /** The phone of the member at the till (the sale is theirs: coupons, points, level). */
    private readonly memberPhone: (memberId: string) => string = () => {
      throw new AppError('MEMBER_NOT_FOUND');
    },
  ) {
    this.queries = salesQueries(adb.db);
  }

  /**
   * `imported`: a sale of a POS export (sales.import), recorded the same way but marked as
   * imported and announced once by the import rather than one event per sale.
   */
  record(ctx: HandlerContext, input: RecordInput, imported = false): OutputOf<'sales.record'> {
    const actor = ctx.actor;
    if (actor.kind === 'terminal' && actor.storeId !== input.storeId)
      throw new AppError('STORE_MISMATCH');
    const terminalId =
      actor.kind === 'terminal'
        ? actor.terminalId
        : actor.kind === 'staff'
          ? actor.terminalId
          : null;
    const originKey = actor.kind === 'terminal' ? actor.terminalId : '';
    const fingerprint = fingerprintOf(input);
    return this.adb.write(() => {
      const earlier = this.queries.byTerminalSaleId.get({
        storeId: input.storeId,
        originKey,
        terminalSaleId: input.terminalSaleId,
      });
      if (earlier) {
        if (earlier.fingerprint !== fingerprint)
          throw new AppError('SALE_ID_REUSED', { terminalSaleId: input.terminalSaleId });
        return { sale: this.toSale(earlier), replayed: true, changeFen: earlier.changeFen };
      }
      const store = this.queries.storeName.get({ key: input.storeId });
      if (!store) throw new AppError('NOT_FOUND', { entity: 'store', id: input.storeId });
      const customerPhone = input.memberId
        ? this.memberPhone(input.memberId)
        : (input.customerPhone ?? null);

      const now = this.clock.now();
      const saleId = newId(now);
      const lineProducts: ProductRow[] = input.lines.map((line, i) =>
        this.products.forLine(line, i + 1),
      );
      const lineDiscounts = input.lines.map(() => 0);
      const redemptionIds = this.redeemCoupons(
        ctx,
        { ...input, customerPhone: customerPhone ?? undefined },
        saleId,
        lineProducts,
        lineDiscounts,
      );

      const subtotalFen = input.lines.reduce((total, l) => total + l.qty * l.unitPriceFen, 0);
      const discountFen = lineDiscounts.reduce((a, b) => a + b, 0);
      const totalFen = subtotalFen - discountFen;
      // Tenders are checked against the total after coupons; a refusal rolls the coupons back.
      const settled = settleTenders(
        totalFen,
        input.tenders,
        input.tenders?.some((t) => t.kind === 'cash') ? this.cashRounding() : 'fen',
      );
      if (!settled.ok) throw tenderError(settled.problem);
      const soldAt = input.soldAt ?? now;
      const row: SaleRow = {
        id: saleId,
        storeId: input.storeId,
        originKey,
        terminalSaleId: input.terminalSaleId,
        fingerprint,
        terminalId,
        staffId: staffIdOf(ctx),
        source: imported ? 'import' : actor.kind === 'terminal' ? 'terminal' : 'manual',
        customerPhone,
        subtotalFen,
        discountFen,
        totalFen,
        paidFen: settled.tenders.length
          ? totalFen - settled.roundingFen
          : (input.paidFen ?? totalFen),
        refundedFen: 0,
        status: 'completed',
        soldAt,
        recordedAt: now,
        roundingFen: settled.roundingFen,
        changeFen: settled.changeFen,
        businessDate: this.businessDays.dayOf(input.storeId, soldAt),
      };
      const tenderRows: SaleTenderRow[] = settled.tenders.map((tender, position) => ({
        saleId,
        position,
        ...tender,
      }));
      const lineRows: SaleLineRow[] = input.lines.map((line, i) => ({
        id: newId(now),
        saleId,
        lineNo: i + 1,
        productId: lineProducts[i]!.id,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen,
        amountFen: line.qty * line.unitPriceFen,
        discountFen: lineDiscounts[i]!,
        returnedQty: 0,
      }));
      this.ledger.record(
        ctx,
        row,
        lineRows,
        redemptionIds,
        lineRows.map((line, i): MovementDraft => ({
          storeId: input.storeId,
          productId: line.productId,
          kind: 'sale',
          qty: -line.qty,
          refType: 'sale',
          refId: saleId,
          saleLineId: line.id,
          line: i + 1,
          productName: lineProducts[i]!.name,
        })),
        imported,
        tenderRows,
      );
      // Answered from what is at hand (the hot path reads back only the coupons, if any).
      const sale: Sale = {
        ...this.saleHeader(row, store.name),
        staffName: actor.kind === 'staff' ? actor.name : null,
        lines: lineRows.map((line, i) => ({
          id: line.id,
          productId: line.productId,
          sku: lineProducts[i]!.sku,
          name: lineProducts[i]!.name,
          qty: line.qty,
          unitPriceFen: line.unitPriceFen,
          amountFen: line.amountFen,
          discountFen: line.discountFen,
          returnedQty: 0,
        })),
        coupons: redemptionIds.length ? this.couponsOf(saleId) : [],
        tenders: settled.tenders,
        refunds: [],
      };
      return { sale, replayed: false, changeFen: settled.changeFen };
    });
  }

  get(id: string): Sale {
    const row = this.adb.db.select().from(sales).where(eq(sales.id, id)).get();
    if (!row) throw new AppError('SALE_NOT_FOUND', { id });
    return this.toSale(row);
  }

  list(input: ParsedInputOf<'sales.list'>): OutputOf<'sales.list'> {
    const filters: SQL[] = [];
    if (input.storeId) filters.push(eq(sales.storeId, input.storeId));
    if (input.from !== undefined) filters.push(gte(sales.soldAt, input.from));
    if (input.to !== undefined) filters.push(lte(sales.soldAt, input.to));
    if (input.terminalSaleId) filters.push(eq(sales.terminalSaleId, input.terminalSaleId));
    if (input.productId)
      filters.push(
        inArray(
          sales.id,
          this.adb.db
            .select({ id: saleLines.saleId })
            .from(saleLines)
            .where(eq(saleLines.productId, input.productId)),
        ),
      );
    if (input.before) filters.push(lt(sales.id, input.before));
    const rows = this.adb.db
      .select()
      .from(sales)
      .where(and(...filters))
      .orderBy(desc(sales.id))
      .limit(input.limit + 1)
      .all();
    const items = rows.slice(0, input.limit).map((row) => {
      const sale = this.toSale(row);
      return { ...sale, customerPhone: sale.customerPhone ? maskPhone(sale.customerPhone) : null };
    });
    return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  /**
   * Goods back from a sale: stock returns, and the refund is each line's share after its coupon
   * discount (the coupons stay redeemed; voiding a redemption is its own step).
   */
  return(ctx: HandlerContext, input: ParsedInputOf<'sales.return'>): OutputOf<'sales.return'> {
    return this.adb.write(() => {
      const sale = this.adb.db.select().from(sales).where(eq(sales.id, input.saleId)).get();
      if (!sale) throw new AppError('SALE_NOT_FOUND', { id: input.saleId });
      const lines = this.queries.linesOf.all({ key: sale.id });
      const returning = new Map<string, number>();
      let refundFen = 0;
      const drafts = input.lines.map((wanted, i): MovementDraft => {
        const found = lines.find((l) => l.line.id === wanted.saleLineId);
        if (!found) throw new AppError('NOT_FOUND', { entity: 'saleLine', id: wanted.saleLineId });
        const { line } = found;
        const already = line.returnedQty + (returning.get(line.id) ?? 0);
        if (already + wanted.qty > line.qty)
          throw new AppError('RETURN_EXCEEDS_SOLD', {
            productName: found.name,
            remaining: line.qty - already,
          });
        returning.set(line.id, (returning.get(line.id) ?? 0) + wanted.qty);
        refundFen += roundHalfUpDiv((line.amountFen - line.discountFen) * wanted.qty, line.qty);
        return {
          storeId: sale.storeId,
          productId: line.productId,
          kind: 'return',
          qty: wanted.qty,
          refType: 'sale',
          refId: sale.id,
          saleLineId: line.id,
          note: input.reason,
          line: i + 1,
          productName: found.name,
        };
      });
      // 抹零 was never paid: the last return gives back no more than was taken.
      if (sale.roundingFen > 0) refundFen = Math.min(refundFen, sale.paidFen - sale.refundedFen);
      const at = this.clock.now();
      const refunds = refundByTender(
        refundFen,
        this.queries.tendersOf.all({ key: sale.id }),
        input.refundTo,
      );
      const businessDate = this.businessDays.dayOf(sale.storeId, at);
      const staffId = staffIdOf(ctx);
      const terminalId = ctx.actor.kind === 'staff' ? ctx.actor.terminalId : null;
      const soldUnits = lines.reduce((total, l) => total + l.line.qty, 0);
      const returnedUnits =
        lines.reduce((total, l) => total + l.line.returnedQty, 0) +
        [...returning.values()].reduce((a, b) => a + b, 0);
      this.ledger.return(ctx, sale, {
        returned: input.lines,
        returning,
        refundFen,
        status: returnedUnits >= soldUnits ? 'returned' : 'partly_returned',
        reason: input.reason,
        drafts,
        at,
        refunds: refunds.map((refund) => ({
          id: newId(at),
          saleId: sale.id,
          storeId: sale.storeId,
          kind: refund.kind,
          amountFen: refund.amountFen,
          staffId,
          terminalId,
          at,
          businessDate,
        })),
      });
      return { sale: this.get(sale.id), refundFen, refunds };
    });
  }

  /**
   * Redeems the sale's coupons in order through the redemption service (same transaction): each
   * sees the ones before it, and a refusal refuses the whole sale with the coupon's reason.
   */
  private redeemCoupons(
    ctx: HandlerContext,
    input: RecordInput,
    saleId: string,
    lineProducts: ProductRow[],
    lineDiscounts: number[],
  ): string[] {
    const order = {
      lines: input.lines.map((line, i) => ({
        productId: lineProducts[i]!.id,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen,
      })),
      ...(input.customerPhone ? { customerPhone: input.customerPhone } : {}),
    };
    return input.couponCodes.map((code, position) => {
      const { redemption, verdict } = this.redemption.redeem(ctx, {
        code,
        order,
        // Each coupon is priced with all the others, as the till does: its share of the lines
        // is then its share of the whole order, whatever the order of the codes.
        withCodes: input.couponCodes.filter((_, other) => other !== position),
        idempotencyKey: `sale:${saleId}:${position}`,
        storeId: input.storeId,
      });
      verdict.lines.forEach((line, i) => (lineDiscounts[i]! += line.discountFen));
      return redemption.id;
    });
  }

  private toSale(row: SaleRow): Sale {
    const q = this.queries;
    return {
      ...this.saleHeader(row, q.storeName.get({ key: row.storeId })?.name ?? ''),
      staffName: row.staffId ? (q.staffName.get({ key: row.staffId })?.name ?? null) : null,
      lines: q.linesOf.all({ key: row.id }).map(({ line, sku, name }) => ({
        id: line.id,
        productId: line.productId,
        sku,
        name,
        qty: line.qty,
        unitPriceFen: line.unitPriceFen,
        amountFen: line.amountFen,
        discountFen: line.discountFen,
        returnedQty: line.returnedQty,
      })),
      coupons: this.couponsOf(row.id),
      tenders: q.tendersOf
        .all({ key: row.id })
        .map(({ kind, label, amountFen, givenFen, changeFen }) => ({
          kind,
          label,
          amountFen,
          givenFen,
          changeFen,
        })),
      refunds: q.refundsOf.all({ key: row.id }),
    };
  }

  private couponsOf(saleId: string): Sale['coupons'] {
    return this.queries.couponsOf
      .all({ key: saleId })
      .map((c) => ({ ...c, display: displayCode(c.code) }));
  }

  private saleHeader(
    row: SaleRow,
    storeName: string,
  ): Omit<Sale, 'staffName' | 'lines' | 'coupons' | 'tenders' | 'refunds'> {
    return {
      id: row.id,
      terminalSaleId: row.terminalSaleId,
      storeId: row.storeId,
      storeName,
      terminalId: row.terminalId,
      terminalCode: row.terminalId
        ? (this.queries.terminalCode.get({ key: row.terminalId })?.code ?? null)
        : null,
      source: row.source,
      customerPhone: row.customerPhone,
      subtotalFen: row.subtotalFen,
      discountFen: row.discountFen,
      totalFen: row.totalFen,
      paidFen: row.paidFen,
      refundedFen: row.refundedFen,
      status: row.status,
      soldAt: row.soldAt,
      recordedAt: row.recordedAt,
      roundingFen: row.roundingFen,
      changeFen: row.changeFen,
      businessDate: row.businessDate,
    };
  }
}

/** What a replay must repeat: the lines, coupons and customer as posted. */
function fingerprintOf(input: RecordInput): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.lines.map((l) => [
          'productId' in l ? l.productId : 'sku' in l ? `sku:${l.sku}` : `barcode:${l.barcode}`,
          l.qty,
          l.unitPriceFen,
        ]),
        input.couponCodes,
        input.customerPhone ?? null,
        // Only when tenders are sent, so a sale posted before tenders existed replays the same.
        ...(input.tenders?.length ? [input.tenders] : []),
        ...(input.memberId ? [{ memberId: input.memberId }] : []),
      ]),
    )
    .digest('base64url')
    .slice(0, 22);
}

/** A tender refusal with its amounts formatted for the message (the fen stay for programs). */
function tenderError(problem: TenderProblem): AppError {
  const formatted: Record<string, string> = {};
  for (const [name, value] of Object.entries(problem.details))
    if (typeof value === 'number' && name.endsWith('Fen'))
      formatted[name.slice(0, -3)] = formatFen(value);
  return new AppError(problem.code, { ...problem.details, ...formatted });
}
