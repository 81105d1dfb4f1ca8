import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stores } from '../stores/schema';

/**
 * A cashier's shift at one drawer (store + terminal; '' for a PC that is no terminal): the float
 * it opened with and, at handover (交班), the cash expected, the cash counted and the difference.
 */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    /** The drawer: the terminal's id, or '' for a PC that is no terminal. */
    drawerKey: text().notNull(),
    status: text({ enum: ['open', 'handed_over'] }).notNull(),
    staffId: text(),
    floatFen: integer().notNull(),
    openedAt: integer().notNull(),
    handedOverAt: integer(),
    /** Float + cash sales − cash refunds − cashback paid at the counter, over the shift. */
    expectedFen: integer(),
    countedFen: integer(),
    /** counted − expected: > 0 长款 (over), < 0 短款 (short). */
    differenceFen: integer(),
    denominations: text({ mode: 'json' }).$type<Record<string, number>>(),
    note: text(),
    /** The manager who accepted a difference over the threshold. */
    approvedBy: text(),
    /** The business day the handover counts on. */
    businessDate: text(),
  },
  (t) => [
    index('shifts_drawer_idx').on(t.storeId, t.drawerKey, t.status),
    index('shifts_store_day_idx').on(t.storeId, t.businessDate),
  ],
);

/** A store's business day closed (日结): its totals as they were, never closed twice. */
export const dayCloses = sqliteTable(
  'day_closes',
  {
    id: text().primaryKey(),
    storeId: text()
      .notNull()
      .references(() => stores.id),
    businessDate: text().notNull(),
    closedAt: integer().notNull(),
    closedBy: text(),
    totals: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('day_closes_store_day_unique').on(t.storeId, t.businessDate)],
);
