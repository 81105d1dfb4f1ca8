import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type { SaleLineRow, SaleRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import type { MovementDraft } from '../stock/ledger';
import type { StockService } from '../stock/service';
import { saleCoupons, saleLines, sales } from './schema';

/** Goods back from a sale, as `sales.return` worked them out. */
export interface ReturnFacts {
  returned: { saleLineId: string; qty: number }[];
  /** The units each line gets back (by line id). */
  returning: Map<string, number>;
  refundFen: number;
  status: SaleRow['status'];
  reason: string;
  drafts: MovementDraft[];
  at: number;
}

/**
 * The only writer of sales (their lines, coupons and returns): the till, a POS terminal and an
 * import all record a sale here, with the stock it takes, in the caller's transaction; the
 * rollups, the outbox and the UI follow from `sale.recorded` and `sale.returned`.
 */
export class SalesLedger {
  private readonly statements;

  constructor(
    private readonly adb: AppDatabase,
    private readonly events: DomainEvents,
    private readonly stock: StockService,
  ) {
    const { db } = adb;
    this.statements = {
      insertSale: db.insert(sales).values(placeholdersFor(sales)).prepare(),
      insertLine: db.insert(saleLines).values(placeholdersFor(saleLines)).prepare(),
      insertCoupon: db.insert(saleCoupons).values(placeholdersFor(saleCoupons)).prepare(),
    };
  }

  /** The sale, its lines, its coupons' redemptions (already made) and its stock movements. */
  record(
    ctx: EventContext,
    sale: SaleRow,
    lines: SaleLineRow[],
    redemptionIds: string[],
    drafts: MovementDraft[],
    imported: boolean,
  ): void {
    this.statements.insertSale.run(sale);
    for (const line of lines) this.statements.insertLine.run(line);
    redemptionIds.forEach((redemptionId, position) =>
      this.statements.insertCoupon.run({ saleId: sale.id, redemptionId, position }),
    );
    const movements = this.stock.moveWithin(ctx, drafts, {
      kind: 'sale',
      id: sale.id,
      storeId: sale.storeId,
    });
    this.events.record(ctx, 'sale.recorded', { sale, lines, redemptionIds, movements, imported });
  }

  /** Goods back: the lines' returned units, the sale's refund and status, the stock back. */
  return(ctx: EventContext, sale: SaleRow, facts: ReturnFacts): void {
    const { db } = this.adb;
    const documentId = this.stock.openDocument(ctx, {
      kind: 'return',
      storeId: sale.storeId,
      note: facts.reason,
    });
    for (const [lineId, qty] of facts.returning)
      db.update(saleLines)
        .set({ returnedQty: sql`${saleLines.returnedQty} + ${qty}` })
        .where(eq(saleLines.id, lineId))
        .run();
    db.update(sales)
      .set({ refundedFen: sale.refundedFen + facts.refundFen, status: facts.status })
      .where(eq(sales.id, sale.id))
      .run();
    const movements = this.stock.moveWithin(ctx, facts.drafts, {
      kind: 'return',
      id: documentId,
      storeId: sale.storeId,
    });
    this.events.record(ctx, 'sale.returned', {
      sale,
      returned: facts.returned,
      refundFen: facts.refundFen,
      reason: facts.reason,
      documentId,
      movements,
      at: facts.at,
    });
  }
}
