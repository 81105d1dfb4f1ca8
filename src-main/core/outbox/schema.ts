import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Changes the cloud must learn, written in the same transaction as the change itself; the sync
 * worker pushes them in order and marks them sent.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text().primaryKey(),
    /** An event kind of the catalogue (src-shared/sync/events.ts). */
    topic: text().notNull(),
    /** The catalogue version of the payload when it was written. */
    version: integer().notNull().default(1),
    entityId: text().notNull(),
    payload: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer().notNull(),
    sentAt: integer(),
  },
  (t) => [index('outbox_unsent_idx').on(t.sentAt, t.id)],
);
