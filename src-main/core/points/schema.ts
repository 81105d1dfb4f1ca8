import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { members } from '../members/schema';

/**
 * A lot of points: one earn (a sale line), with its expiry and the moment it may be spent.
 * `remaining` is the lot's sum of movements, kept by the points ledger alone.
 */
export const pointLots = sqliteTable(
  'point_lots',
  {
    id: text().primaryKey(),
    memberId: text()
      .notNull()
      .references(() => members.id),
    storeId: text(),
    saleId: text(),
    saleLineId: text(),
    points: integer().notNull(),
    remaining: integer().notNull(),
    earnedAt: integer().notNull(),
    availableAt: integer().notNull(),
    expiresAt: integer().notNull(),
    /**
     * 'local': earned at this PC, which alone expires it (two PCs expiring one lot would take
     * its points twice); 'remote': earned at another PC of the merchant, pulled.
     */
    origin: text({ enum: ['local', 'remote'] })
      .notNull()
      .default('local'),
  },
  (t) => [
    index('point_lots_member_idx').on(t.memberId, t.expiresAt),
    index('point_lots_sale_line_idx').on(t.saleLineId),
    index('point_lots_expiry_idx').on(t.expiresAt, t.remaining),
  ],
);

/**
 * Every change of points: earn (+), burn (−, paid or exchanged), unburn (+, a points payment
 * given back), expire (−), reverse (−, goods returned). Balances are sums of these, so two
 * stores earning offline merge without loss.
 */
export const pointMovements = sqliteTable(
  'point_movements',
  {
    id: text().primaryKey(),
    memberId: text().notNull(),
    lotId: text().notNull(),
    kind: text({ enum: ['earn', 'burn', 'unburn', 'expire', 'reverse'] }).notNull(),
    points: integer().notNull(),
    saleId: text(),
    saleLineId: text(),
    /** Why, in a word the history shows: 'sale', 'coupon', 'return'... */
    reason: text().notNull(),
    storeId: text(),
    at: integer().notNull(),
  },
  (t) => [
    index('point_movements_member_idx').on(t.memberId, t.at),
    index('point_movements_sale_idx').on(t.saleId, t.kind),
  ],
);
