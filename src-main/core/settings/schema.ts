import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small key/value facts about this installation (which terminal this PC is, preferences). */
export const settings = sqliteTable('settings', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).notNull(),
  updatedAt: integer().notNull(),
});
