import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stores } from '../stores/schema';

export const staff = sqliteTable(
  'staff',
  {
    id: text().primaryKey(),
    name: text().notNull(),
    role: text({ enum: ['owner', 'manager', 'cashier'] }).notNull(),
    storeId: text().references(() => stores.id),
    /** `scrypt$N$r$p$salt$hash`, never the PIN. */
    pinHash: text().notNull(),
    failedPinCount: integer().notNull().default(0),
    lockedUntil: integer(),
    active: integer({ mode: 'boolean' }).notNull().default(true),
    lastLoginAt: integer(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  // Two active staff with one name would make the login picker and the audit log ambiguous.
  (t) => [
    uniqueIndex('staff_active_name_unique')
      .on(t.name)
      .where(sql`active = 1`),
  ],
);
