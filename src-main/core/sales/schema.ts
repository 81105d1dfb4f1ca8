import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { redemptions } from '../coupons/schema';
import { products } from '../products/schema';
import { stores } from '../stores/schema';

export const sales = sqliteTable(
  'sales',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    /** Whose numbering terminalSaleId follows: the terminal's id, or '' for manual entry. */
    originKey: text().notNull(),
    terminalSaleId: text().notNull(),
    /** Lines, coupons and phone as posted: a replay must carry the same. */
    fingerprint: text().notNull(),
    terminalId: text(),
    staffId: text(),
    source: text({ enum: ['terminal', 'manual', 'import'] }).notNull(),
    customerPhone: text(),
    subtotalFen: integer().notNull(),
    discountFen: integer().notNull(),
    totalFen: integer().notNull(),
    paidFen: integer().notNull(),
    refundedFen: integer().notNull().default(0),
    status: text({ enum: ['completed', 'partly_returned', 'returned'] }).notNull(),
    soldAt: integer().notNull(),
    recordedAt: integer().notNull(),
    /** 抹零: the odd fen let go when cash was rounded (paid = total − rounding). */
    roundingFen: integer().notNull().default(0),
    changeFen: integer().notNull().default(0),
    /**
     * The business day (YYYY-MM-DD, store's zone) the sale counts on: its local day, or the next
     * open one when that day was already closed (日结), so a close never changes after the fact.
     */
    businessDate: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('sales_terminal_sale_unique').on(t.storeId, t.originKey, t.terminalSaleId),
    index('sales_store_sold_idx').on(t.storeId, t.soldAt),
    index('sales_store_business_date_idx').on(t.storeId, t.businessDate),
    // A customer's sales over a window: a campaign's results per recipient.
    index('sales_phone_sold_idx').on(t.customerPhone, t.soldAt),
  ],
);

/** How a sale was paid, one row a tender; a sale without rows was recorded "tender unknown". */
export const saleTenders = sqliteTable(
  'sale_tenders',
  {
    saleId: text()
      .notNull()
      .references(() => sales.id),
    position: integer().notNull(),
    kind: text({ enum: ['cash', 'wechat', 'alipay', 'card', 'points', 'other'] }).notNull(),
    label: text(),
    amountFen: integer().notNull(),
    givenFen: integer(),
    changeFen: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.position] })],
);

/** Money given back on a return, per tender (the drawer's cash out, the close's refunds). */
export const saleRefunds = sqliteTable(
  'sale_refunds',
  {
    id: text().primaryKey(),
    saleId: text()
      .notNull()
      .references(() => sales.id),
    /** The return's stock document. */
    documentId: text().notNull(),
    storeId: text().notNull(),
    kind: text({
      enum: ['cash', 'wechat', 'alipay', 'card', 'points', 'other', 'unknown'],
    }).notNull(),
    amountFen: integer().notNull(),
    staffId: text(),
    terminalId: text(),
    at: integer().notNull(),
    /** The business day it counts on (as a sale's). */
    businessDate: text().notNull(),
  },
  (t) => [
    index('sale_refunds_sale_idx').on(t.saleId),
    index('sale_refunds_store_day_idx').on(t.storeId, t.businessDate),
  ],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: text().primaryKey(),
    saleId: text()
      .notNull()
      .references(() => sales.id),
    lineNo: integer().notNull(),
    productId: text()
      .notNull()
      .references(() => products.id),
    qty: integer().notNull(),
    unitPriceFen: integer().notNull(),
    amountFen: integer().notNull(),
    discountFen: integer().notNull(),
    returnedQty: integer().notNull().default(0),
  },
  (t) => [
    index('sale_lines_sale_idx').on(t.saleId, t.lineNo),
    index('sale_lines_product_idx').on(t.productId),
  ],
);

/** The coupons redeemed on a sale, in the order they were applied. */
export const saleCoupons = sqliteTable(
  'sale_coupons',
  {
    saleId: text()
      .notNull()
      .references(() => sales.id),
    redemptionId: text()
      .notNull()
      .references(() => redemptions.id),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.redemptionId] }),
    // A voided redemption finds its sale (analytics takes the order's revenue back).
    index('sale_coupons_redemption_idx').on(t.redemptionId),
  ],
);

/**
 * A large sales import, written by the worker in short transactions so the tills keep selling:
 * which sales it has recorded so far, so an import that fails or is cut off half-way is undone
 * whole (at once, or at the next start). The list is dropped when the import is done.
 */
export const salesImportRuns = sqliteTable('sales_import_runs', {
  id: text().primaryKey(),
  fileName: text().notNull(),
  status: text({ enum: ['running', 'done', 'undone'] }).notNull(),
  /** The worker's clock: every movement of the run is stamped with it. */
  startedAt: integer().notNull(),
  finishedAt: integer(),
});

export const salesImportRunSales = sqliteTable(
  'sales_import_run_sales',
  {
    runId: text()
      .notNull()
      .references(() => salesImportRuns.id),
    saleId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.saleId] })],
);

/**
 * The outbox rows of a running import, staged: moved to the outbox with the import's last
 * transaction (one INSERT … SELECT), so the cloud never hears of a sale the import undoes.
 */
export const salesImportOutbox = sqliteTable(
  'sales_import_outbox',
  {
    id: text().primaryKey(),
    runId: text()
      .notNull()
      .references(() => salesImportRuns.id),
    topic: text().notNull(),
    version: integer().notNull().default(1),
    entityId: text().notNull(),
    payload: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('sales_import_outbox_run_idx').on(t.runId)],
);
