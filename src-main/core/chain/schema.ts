import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The chain's stock as the cloud last reported it (every store of the merchant, this PC's own
 * included): what `stock.chainLevels` shows for other stores, offline too. Not a ledger: a
 * copy, replaced as the cloud's projection changes (see ChainStockCache).
 */
export const chainStock = sqliteTable(
  'chain_stock',
  {
    storeId: text().notNull(),
    productId: text().notNull(),
    /** The other PCs' product ids are not ours: the same article is found by its SKU. */
    sku: text(),
    qty: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.storeId] }),
    index('chain_stock_sku_idx').on(t.sku),
  ],
);

/** The merchant's stores as the cloud knows them, and when it last heard of each. */
export const chainStores = sqliteTable('chain_stores', {
  storeId: text().primaryKey(),
  name: text().notNull(),
  districtCode: text().notNull(),
  lat: real(),
  lng: real(),
  businessDistrict: text(),
  lastEventAt: integer().notNull(),
});

/** Where the copy stands: the cloud's cursor and when it was last fetched (one row). */
export const chainSync = sqliteTable('chain_sync', {
  id: integer().primaryKey(),
  cursor: text().notNull(),
  fetchedAt: integer().notNull(),
});

/**
 * Every store's takings per business day as the cloud projected them (the days fetched
 * replaced at each round): the chain's totals in analytics, offline too.
 */
export const chainDaily = sqliteTable(
  'chain_daily',
  {
    storeId: text().notNull(),
    day: text().notNull(),
    salesCount: integer().notNull(),
    salesFen: integer().notNull(),
    refundsFen: integer().notNull(),
    redemptionCount: integer().notNull(),
    discountFen: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] }), index('chain_daily_day_idx').on(t.day)],
);

/** When the takings were last fetched (one row). */
export const chainDailySync = sqliteTable('chain_daily_sync', {
  id: integer().primaryKey(),
  fetchedAt: integer().notNull(),
});
