import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { MOVEMENT_KINDS } from '../../../src-shared/contract/stock';
import { products } from '../products/schema';
import { stores } from '../stores/schema';

/** Per store: may stock go negative, and how restock suggestions are sized. */
export const stockSettings = sqliteTable('stock_settings', {
  storeId: text()
    .primaryKey()
    .references(() => stores.id),
  allowNegative: integer({ mode: 'boolean' }).notNull().default(false),
  leadTimeDays: integer().notNull().default(3),
  coverDays: integer().notNull().default(7),
  salesWindowDays: integer().notNull().default(14),
  updatedAt: integer().notNull(),
});

/**
 * A document that moved stock: a receipt of goods (进货单), a stocktake (盘点), a transfer (调拨)
 * or a return. Sales are their own table; their movements point at the sale.
 */
export const stockDocuments = sqliteTable(
  'stock_documents',
  {
    id: text().primaryKey(),
    kind: text({ enum: ['receipt', 'stocktake', 'transfer', 'return'] }).notNull(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    /** The receiving store of a transfer. */
    toStoreId: text().references(() => stores.id),
    supplier: text().notNull().default(''),
    note: text().notNull().default(''),
    staffId: text(),
    createdAt: integer().notNull(),
  },
  (t) => [index('stock_documents_store_idx').on(t.storeId, t.createdAt)],
);

/** Every change of stock, signed (+ in, − out). The levels are the running sum of these. */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    productId: text()
      .notNull()
      .references(() => products.id),
    kind: text({ enum: MOVEMENT_KINDS }).notNull(),
    qty: integer().notNull(),
    levelAfter: integer().notNull(),
    refType: text({ enum: ['sale', 'receipt', 'stocktake', 'transfer'] }).notNull(),
    refId: text().notNull(),
    /** The sale line a sale's or a return's movement belongs to (a product may be on two). */
    saleLineId: text(),
    unitCostFen: integer(),
    note: text().notNull().default(''),
    staffId: text(),
    createdAt: integer().notNull(),
  },
  (t) => [
    // A product's history (in one store or all), and its recent sales in one store (the
    // restock suggestion's daily average). One index: each sale line writes every index.
    index('stock_movements_product_store_idx').on(t.productId, t.storeId, t.createdAt),
  ],
);

/**
 * The level of each product in each store, kept equal to the sum of its movements: both are
 * written in the same transaction, always through StockLedger.
 */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    storeId: text()
      .notNull()
      .references(() => stores.id),
    productId: text()
      .notNull()
      .references(() => products.id),
    qty: integer().notNull(),
    /** Since when the level has been above the high threshold (the slow-moving clock). */
    aboveHighSince: integer(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId] }),
    index('stock_levels_product_idx').on(t.productId),
  ],
);
