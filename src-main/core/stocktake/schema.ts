import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { products } from '../products/schema';
import { stockDocuments } from '../stock/schema';
import { stores } from '../stores/schema';

/**
 * A count sheet (盘点单): the products of a store or a category to be counted. Kept in the
 * database while open, so a count in progress survives a restart; posting it writes stock
 * only through the stock ledger (one stocktake document).
 */
export const stocktakeSheets = sqliteTable(
  'stocktake_sheets',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    /** Null: the whole store. */
    category: text(),
    status: text({ enum: ['open', 'finished', 'discarded'] }).notNull(),
    note: text().notNull().default(''),
    /** How uncounted lines were posted (once finished). */
    uncounted: text({ enum: ['keep', 'zero'] }),
    stockDocumentId: text().references(() => stockDocuments.id),
    staffId: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
    finishedAt: integer(),
  },
  (t) => [index('stocktake_sheets_store_idx').on(t.storeId, t.status, t.createdAt)],
);

/**
 * A product on a sheet and what was counted. The book quantity and the unit value are read live
 * while the sheet is open and frozen here when it is posted, so a finished sheet reads as posted.
 */
export const stocktakeLines = sqliteTable(
  'stocktake_lines',
  {
    sheetId: text()
      .notNull()
      .references(() => stocktakeSheets.id),
    productId: text()
      .notNull()
      .references(() => products.id),
    /** The sheet's order (category, then SKU; scanned additions at the end). */
    position: integer().notNull(),
    countedQty: integer(),
    countedAt: integer(),
    bookQty: integer(),
    unitValueFen: integer(),
    valueBasis: text({ enum: ['cost', 'retail'] }),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.productId] })],
);
