import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/schema';

/**
 * Items of a store's advice its managers showed to consumers (strategies.changed), published or
 * withdrawn, the newer edit winning. Rebuilt from the log with the other projections.
 */
export const publishedStrategies = pgTable(
  'published_strategies',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    productId: text().notNull(),
    kind: text({ enum: ['discounted', 'priceMayRise'] }).notNull(),
    status: text({ enum: ['published', 'withdrawn'] }).notNull(),
    sku: text().notNull(),
    productName: text().notNull(),
    category: text().notNull().default(''),
    priceFen: bigint({ mode: 'number' }).notNull(),
    payPermille: integer(),
    discountedPriceFen: bigint({ mode: 'number' }),
    couponTemplateId: text(),
    updatedAt: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.storeId, t.productId, t.kind] }),
    index('published_strategies_live_idx').on(t.merchantId, t.status),
  ],
);
