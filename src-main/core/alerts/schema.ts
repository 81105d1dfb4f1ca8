import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_KINDS, ALERT_STATUSES } from '../../../src-shared/contract/alerts';
import { products } from '../products/schema';
import { stores } from '../stores/schema';

/**
 * Thresholds for one product in one store, or a category default (in one store or all).
 * `scopeKey` makes each target unique: `p:<productId>:<storeId>`, `c:<category>:<storeId|*>`.
 */
export const stockThresholds = sqliteTable(
  'stock_thresholds',
  {
    id: text().primaryKey(),
    scopeKey: text().notNull(),
    productId: text().references(() => products.id),
    category: text(),
    storeId: text().references(() => stores.id),
    lowLevel: integer(),
    highLevel: integer(),
    slowDays: integer(),
    updatedAt: integer().notNull(),
  },
  (t) => [uniqueIndex('stock_thresholds_scope_unique').on(t.scopeKey)],
);

export interface RestockSuggestion {
  qty: number;
  avgDailySales: number;
  windowDays: number;
  leadTimeDays: number;
  coverDays: number;
}

export const stockAlerts = sqliteTable(
  'stock_alerts',
  {
    id: text().primaryKey(),
    kind: text({ enum: ALERT_KINDS }).notNull(),
    status: text({ enum: ALERT_STATUSES }).notNull(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    productId: text()
      .notNull()
      .references(() => products.id),
    qty: integer().notNull(),
    lowLevel: integer(),
    highLevel: integer(),
    slowDays: integer(),
    aboveHighSince: integer(),
    /** Low stock: restocking soon costs more, the price may rise. */
    priceMayRise: integer({ mode: 'boolean' }).notNull().default(false),
    restock: text({ mode: 'json' }).$type<RestockSuggestion>(),
    /** Slow-moving: the suggested price, per mille of the list price (850 = 8.5折). */
    payPermille: integer(),
    snoozedUntil: integer(),
    couponTemplateId: text(),
    acknowledgedBy: text(),
    raisedAt: integer().notNull(),
    updatedAt: integer().notNull(),
    resolvedAt: integer(),
  },
  (t) => [
    // At most one open alert of a kind per product and store.
    uniqueIndex('stock_alerts_open_unique')
      .on(t.storeId, t.productId, t.kind)
      .where(sql`status <> 'resolved'`),
    index('stock_alerts_status_idx').on(t.status, t.storeId),
  ],
);
