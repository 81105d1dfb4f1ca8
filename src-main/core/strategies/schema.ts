import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { products } from '../products/schema';
import { stores } from '../stores/schema';

/**
 * A store's advice that a manager chose to show consumers (seed 001): an item on discount (a
 * slow seller) or an item whose price may rise (running low). One row per store, product and
 * kind, published and withdrawn in place; withdrawn by itself when its alert is resolved.
 */
export const publishedStrategies = sqliteTable(
  'published_strategies',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    productId: text()
      .notNull()
      .references(() => products.id),
    kind: text({ enum: ['discounted', 'priceMayRise'] }).notNull(),
    /** The alert the advice comes from: when it is resolved, the advice is withdrawn. */
    alertId: text().notNull(),
    status: text({ enum: ['published', 'withdrawn'] }).notNull(),
    publishedAt: integer().notNull(),
    publishedBy: text(),
    withdrawnAt: integer(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('published_strategies_item_unique').on(t.storeId, t.productId, t.kind),
    index('published_strategies_status_idx').on(t.status, t.storeId),
  ],
);
