import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import { placeholdersFor } from '../db/placeholders';
import type { SaleLineRow, SaleRefundRow, SaleRow, SaleTenderRow } from '../events/catalogue';
import type { DomainEvents, EventContext } from '../events/domain-events';
import type { MovementDraft, StockLedger, TakenStock } from '../stock/ledger';
import type { StoresService } from '../stores/service';
import { saleCoupons, saleLines, saleRefunds, sales, saleTenders } from './schema';

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
  /** The money back per tender (documentId filled in here). */
  refunds: Omit<SaleRefundRow, 'documentId'>[];
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
    private readonly stock: StockLedger,
    private readonly stores: StoresService,
  ) {
    const { db } = adb;
    this.statements = {
      insertSale: db.insert(sales).values(placeholdersFor(sales)).prepare(),
      insertLine: db.insert(saleLines).values(placeholdersFor(saleLines)).prepare(),
      insertCoupon: db.insert(saleCoupons).values(placeholdersFor(saleCoupons)).prepare(),
      insertTender: db.insert(saleTenders).values(placeholdersFor(saleTenders)).prepare(),
      insertRefund: db.insert(saleRefunds).values(placeholdersFor(saleRefunds)).prepare(),
    };
  }

  /**
   * The sale, its lines, its tenders (none: tender unknown), its coupons' redemptions (already
   * made) and its stock movements.
   */
  record(
    ctx: EventContext,
    sale: SaleRow,
    lines: SaleLineRow[],
    redemptionIds: string[],
    drafts: MovementDraft[],
    imported: boolean,
    tenders: SaleTenderRow[] = [],
  ): void {
    this.statements.insertSale.run(sale);
    for (const line of lines) this.statements.insertLine.run(line);
    for (const tender of tenders) this.statements.insertTender.run(tender);
    redemptionIds.forEach((redemptionId, position) =>
      this.statements.insertCoupon.run({ saleId: sale.id, redemptionId, position }),
    );
    const movements = this.stock.move(
      ctx,
      drafts,
      { kind: 'sale', id: sale.id, storeId: sale.storeId },
      this.storeName,
    );
    this.events.record(ctx, 'sale.recorded', {
      sale,
      lines,
      redemptionIds,
      movements,
      imported,
      tenders,
    });
  }

  /**
   * Removes every sale an import run recorded, with its lines, coupons links and stock
   * movements, the stock back on the shelves. The rollups are left to a rebuild (see
   * `sales.importUndone`): a run has many sales, its undo is rare.
   */
  undoImportRun(ctx: EventContext, runId: string, startedAt: number): number {
    const { sqlite } = this.adb;
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS undo_sales (id TEXT PRIMARY KEY) WITHOUT ROWID;
      DELETE FROM temp.undo_sales;`);
    const count = sqlite
      .prepare(
        'INSERT INTO temp.undo_sales SELECT sale_id FROM sales_import_run_sales WHERE run_id = ?',
      )
      .run(runId).changes;
    const taken = sqlite
      .prepare(
        `SELECT s.store_id AS storeId, l.product_id AS productId, sum(l.qty) AS qty
         FROM temp.undo_sales u JOIN sales s ON s.id = u.id JOIN sale_lines l ON l.sale_id = u.id
         GROUP BY s.store_id, l.product_id`,
      )
      .all() as TakenStock[];
    this.stock.takeBackSales(taken, 'temp.undo_sales', startedAt);
    sqlite.exec(`
      DELETE FROM sale_lines WHERE sale_id IN (SELECT id FROM temp.undo_sales);
      DELETE FROM sale_coupons WHERE sale_id IN (SELECT id FROM temp.undo_sales);
      DELETE FROM sale_tenders WHERE sale_id IN (SELECT id FROM temp.undo_sales);
      DELETE FROM sales WHERE id IN (SELECT id FROM temp.undo_sales);
      DELETE FROM temp.undo_sales;`);
    this.events.record(ctx, 'sales.importUndone', {
      runId,
      sales: count,
      pairs: taken.map(({ storeId, productId }) => ({ storeId, productId })),
    });
    return count;
  }

  private readonly storeName = (id: string) => this.stores.get(id).name;

  /**
   * A deleted member's phone on their sales becomes a random id (PIPL): the money, the lines
   * and the repeat-visit counts stay; the person does not. Returns the sales changed.
   */
  pseudonymiseCustomer(phone: string, pseudonym: string): number {
    return this.adb.db
      .update(sales)
      .set({ customerPhone: pseudonym })
      .where(eq(sales.customerPhone, phone))
      .run().changes;
  }

  /**
   * Goods back: the lines' returned units, the sale's refund and status, the money back per
   * tender, the stock back.
   */
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
    const refunds = facts.refunds.map((refund) => ({ ...refund, documentId }));
    for (const refund of refunds) this.statements.insertRefund.run(refund);
    const movements = this.stock.move(
      ctx,
      facts.drafts,
      { kind: 'return', id: documentId, storeId: sale.storeId },
      this.storeName,
    );
    this.events.record(ctx, 'sale.returned', {
      refunds,
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
