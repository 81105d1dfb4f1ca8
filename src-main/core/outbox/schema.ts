import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Changes the cloud must learn, written in the same transaction as the change itself; the sync
 * worker pushes them in order and marks them sent.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text().primaryKey(),
    topic: text().notNull(),
    entityId: text().notNull(),
    payload: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer().notNull(),
    sentAt: integer(),
  },
  (t) => [index('outbox_unsent_idx').on(t.sentAt, t.id)],
);
