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
    /** Set while the till's lock screen is up: the session answers nothing but unlock/logout. */
    lockedAt: integer(),
  },
  (t) => [
    uniqueIndex('sessions_token_unique').on(t.tokenHash),
    index('sessions_staff_idx').on(t.staffId),
  ],
);

/**
 * Wrong PINs per source (a session, a terminal, an API key, the window, a remote address): how
 * long that source waits before its next PIN is checked. On disk, so a restart forgives nobody.
 */
export const pinAttempts = sqliteTable('pin_attempts', {
  /** `session:<id>`, `terminal:<id>`, `key:<id>`, `window`, `address:<ip>`. */
  key: text().primaryKey(),
  failures: integer().notNull(),
  lastFailureAt: integer().notNull(),
  blockedUntil: integer(),
});
