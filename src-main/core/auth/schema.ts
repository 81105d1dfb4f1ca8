import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staff } from '../staff/schema';
import { terminals } from '../stores/schema';

export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    /** SHA-256 of the bearer token: a copy of the database does not let anyone log in. */
    tokenHash: text().notNull(),
    staffId: text()
      .notNull()
      .references(() => staff.id),
    terminalId: text().references(() => terminals.id),
    createdAt: integer().notNull(),
    lastSeenAt: integer().notNull(),
    revokedAt: integer(),
    revokeReason: text(),
  },
  (t) => [
    uniqueIndex('sessions_token_unique').on(t.tokenHash),
    index('sessions_staff_idx').on(t.staffId),
  ],
);
