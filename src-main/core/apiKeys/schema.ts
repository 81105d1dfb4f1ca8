import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staff } from '../staff/schema';
import { terminals } from '../stores/schema';

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text().primaryKey(),
    terminalId: text()
      .notNull()
      .references(() => terminals.id),
    label: text().notNull(),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdAt: integer().notNull(),
    createdBy: text().references(() => staff.id),
    lastUsedAt: integer(),
    revokedAt: integer(),
  },
  (t) => [
    uniqueIndex('api_keys_hash_unique').on(t.keyHash),
    index('api_keys_terminal_idx').on(t.terminalId),
  ],
);
