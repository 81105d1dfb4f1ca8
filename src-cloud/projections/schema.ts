import {
  bigint,
  boolean,
  doublePrecision,
  index,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/schema';

// The cloud's projections of the merchant's event log (sync_events): kept by the push that
// stores the events (projector.ts) and rebuilt from the log by `npm run cloud --
// rebuild-projections`. Only accepted events count (a claim that lost a conflict does not).

const epochMs = () => bigint({ mode: 'number' });
const count = () => bigint({ mode: 'number' }).notNull().default(0);

/** The merchant's stores as their PCs described them (stores.changed), and when last heard of. */
export const chainStores = pgTable(
  'chain_stores',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    name: text().notNull().default(''),
    code: text().notNull().default(''),
    provinceCode: text().notNull().default(''),
    cityCode: text().notNull().default(''),
    districtCode: text().notNull().default(''),
    lat: doublePrecision(),
    lng: doublePrecision(),
    /** 商圈 (optional). */
    businessDistrict: text(),
    timezone: text().notNull().default('Asia/Shanghai'),
    active: boolean().notNull().default(true),
    /** The store's own edit time (the newer edit wins); 0: only heard of, never described. */
    updatedAt: epochMs().notNull().default(0),
    /** When the cloud last received an event of this store. */
    lastEventAt: epochMs().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.storeId] })],
);

/**
 * Stock per store and product: the sum of every movement the tills reported (receipts,
 * stocktakes, transfers, sales, returns). `rev`: the stream position of the last change, the
 * cursor the other PCs read changes after.
 */
export const storeStock = pgTable(
  'store_stock',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    productId: text().notNull(),
    /** The SKU the till gave (other PCs of the chain know the product by it). */
    sku: text(),
    qty: bigint({ mode: 'number' }).notNull(),
    rev: bigint({ mode: 'number' }).notNull(),
    updatedAt: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.storeId, t.productId] }),
    index('store_stock_rev_idx').on(t.merchantId, t.rev, t.storeId, t.productId),
  ],
);

/** Per store and business day (store's zone): takings, refunds, redemptions, cashback. */
export const storeDaily = pgTable(
  'store_daily',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    /** YYYY-MM-DD in the store's zone. */
    day: text().notNull(),
    salesCount: count(),
    salesFen: count(),
    refundsFen: count(),
    redemptionCount: count(),
    discountFen: count(),
    cashbackIssuedCount: count(),
    cashbackIssuedFen: count(),
    cashbackPaidCount: count(),
    cashbackPaidFen: count(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.storeId, t.day] })],
);

/**
 * Which projection builds this database has had: a cloud upgraded from before projections
 * builds them from its log once at start-up (see `ensureProjections`).
 */
export const projectionState = pgTable('projection_state', {
  name: text().primaryKey(),
  builtAt: epochMs().notNull(),
});
