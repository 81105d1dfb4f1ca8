import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Daily rollups for the charts: updated in the same transaction as each sale, return,
// redemption, void, cashback payout and issue (see rollups.ts), and rebuilt from the raw tables
// by the analytics worker. `day` is the local date in the store's own time zone. A product_id of
// '' is the row for all products together; the per-product rows beside it let one product be
// charted without scanning the raw lines.

const measure = () => integer().notNull().default(0);

/** Per store and day: the store trend, the daily report, the decline rule. */
export const rollupStoreDay = sqliteTable(
  'rollup_store_day',
  {
    storeId: text().notNull(),
    day: text().notNull(),
    sales: measure(),
    /** Sales totals after coupons, on the day sold. */
    salesFen: measure(),
    /** Refunds, on the day the goods came back. */
    refundFen: measure(),
    items: measure(),
    /** Sales with a customer phone, and those of a customer who had bought here before. */
    identifiedSales: measure(),
    returningSales: measure(),
    redemptions: measure(),
    discountFen: measure(),
    cashback: measure(),
    cashbackFen: measure(),
    /** Redemptions voided on this day. */
    voids: measure(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] }), index('rollup_store_day_day_idx').on(t.day)],
);

/** Per store, product and day. */
export const rollupStoreProductDay = sqliteTable(
  'rollup_store_product_day',
  {
    storeId: text().notNull(),
    productId: text().notNull(),
    day: text().notNull(),
    /** Sales with this product on a line. */
    sales: measure(),
    qty: measure(),
    /** Line amounts less their share of coupon discounts. */
    revenueFen: measure(),
    returnedQty: measure(),
    refundFen: measure(),
    /** Coupon redemptions on orders with this product, and cashback codes of it paid out. */
    redemptions: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId, t.day] }),
    // Covering: a range of days over every store and product is read from the index alone.
    index('rollup_store_product_day_day_idx').on(
      t.day,
      t.storeId,
      t.productId,
      t.sales,
      t.qty,
      t.revenueFen,
      t.returnedQty,
      t.refundFen,
      t.redemptions,
    ),
    index('rollup_store_product_day_product_idx').on(t.productId, t.day),
  ],
);

/** Per product and day over every store: the product ranking without a store filter. */
export const rollupProductDay = sqliteTable(
  'rollup_product_day',
  {
    productId: text().notNull(),
    day: text().notNull(),
    sales: measure(),
    qty: measure(),
    revenueFen: measure(),
    returnedQty: measure(),
    refundFen: measure(),
    redemptions: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.day] }),
    index('rollup_product_day_day_idx').on(
      t.day,
      t.productId,
      t.sales,
      t.qty,
      t.revenueFen,
      t.returnedQty,
      t.refundFen,
      t.redemptions,
    ),
  ],
);

/** Per coupon template, store and day; issues are counted with store '' (the whole merchant). */
export const rollupTemplateDay = sqliteTable(
  'rollup_template_day',
  {
    templateId: text().notNull(),
    storeId: text().notNull(),
    day: text().notNull(),
    issued: measure(),
    /** Of those issued, the codes phones claimed from an issuance QR or a store's QR poster. */
    claimed: measure(),
    redeemed: measure(),
    /** Discounts given, or cashback paid out. */
    costFen: measure(),
    /** What the orders the coupons were used on came to, after all discounts. */
    orderRevenueFen: measure(),
    voided: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.templateId, t.storeId, t.day] }),
    // Covering: the coupon effect of a range is summed from the index alone.
    index('rollup_template_day_day_idx').on(
      t.day,
      t.templateId,
      t.storeId,
      t.issued,
      t.claimed,
      t.redeemed,
      t.costFen,
      t.orderRevenueFen,
      t.voided,
    ),
  ],
);

/**
 * Redemptions per region and day: a coupon counts where its store is, a cashback code where the
 * terminal that printed it is (the region recorded with the code).
 */
export const rollupRegionDay = sqliteTable(
  'rollup_region_day',
  {
    productId: text().notNull(),
    day: text().notNull(),
    kind: text({ enum: ['coupon', 'cashback'] }).notNull(),
    storeId: text().notNull(),
    provinceCode: text().notNull(),
    cityCode: text().notNull(),
    count: measure(),
    /** Discount given or cashback paid. */
    amountFen: measure(),
  },
  (t) => [
    primaryKey({
      columns: [t.productId, t.day, t.kind, t.storeId, t.provinceCode, t.cityCode],
    }),
  ],
);

/** Per staff member, store and day. */
export const rollupCashierDay = sqliteTable(
  'rollup_cashier_day',
  {
    staffId: text().notNull(),
    storeId: text().notNull(),
    day: text().notNull(),
    sales: measure(),
    salesFen: measure(),
    redemptions: measure(),
    discountFen: measure(),
    cashback: measure(),
    /** Redemptions this person took that were voided (on the void's day). */
    voids: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.storeId, t.day] }),
    index('rollup_cashier_day_day_idx').on(t.day),
  ],
);

/** Per consumer phone, day, store and product: coupon redemptions and cashback payouts. */
export const rollupConsumerDay = sqliteTable(
  'rollup_consumer_day',
  {
    phone: text().notNull(),
    day: text().notNull(),
    storeId: text().notNull(),
    productId: text().notNull(),
    kind: text({ enum: ['coupon', 'cashback'] }).notNull(),
    count: measure(),
    amountFen: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.phone, t.day, t.storeId, t.productId, t.kind] }),
    // Covering, for the top consumers of a range.
    index('rollup_consumer_day_all_idx')
      .on(t.day, t.phone, t.kind, t.storeId, t.count, t.amountFen)
      .where(sql`product_id = ''`),
  ],
);

/**
 * Per customer phone, day, store and product: what each customer bought (the '' product row:
 * visits, takings and items of the sale; the product rows: units and revenue of each product).
 * The member profiles (visits, spend, favourite stores and categories, RFM) read it.
 */
export const rollupCustomerDay = sqliteTable(
  'rollup_customer_day',
  {
    phone: text().notNull(),
    day: text().notNull(),
    storeId: text().notNull(),
    productId: text().notNull(),
    sales: measure(),
    qty: measure(),
    spendFen: measure(),
    refundFen: measure(),
  },
  (t) => [
    primaryKey({ columns: [t.phone, t.day, t.storeId, t.productId] }),
    // Covering, for the merchant-wide RFM cuts over a year of days.
    index('rollup_customer_day_all_idx')
      .on(t.day, t.phone, t.sales, t.spendFen, t.refundFen)
      .where(sql`product_id = ''`),
    // Covering, for an audience's "bought these products within N days".
    index('rollup_customer_day_product_idx')
      .on(t.productId, t.day, t.phone, t.qty)
      .where(sql`product_id != ''`),
  ],
);

/**
 * Per day: a counter bumped by every write to that day's consumer rows, so a reader that keeps the
 * day's figures in memory (consumer-ranking.ts) knows when to read them again.
 */
export const rollupConsumerStamp = sqliteTable('rollup_consumer_stamp', {
  day: text().primaryKey(),
  stamp: integer().notNull().default(0),
});

/** When a customer first bought in a store: tells a returning customer's sale from a first one. */
export const customerStoreFirst = sqliteTable(
  'customer_store_first',
  {
    storeId: text().notNull(),
    phone: text().notNull(),
    firstSoldAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.phone] })],
);

/**
 * One row: a counter every rollup write bumps, so a rebuild computed off a snapshot knows
 * whether anything changed before it swaps its tables in; and when the last rebuild finished.
 */
export const analyticsState = sqliteTable('analytics_state', {
  id: integer().primaryKey(),
  generation: integer().notNull().default(0),
  rebuiltAt: integer(),
});
