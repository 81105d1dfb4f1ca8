import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The one merchant this installation belongs to; its row exists once setup has run. */
export const merchant = sqliteTable('merchant', {
  id: text().primaryKey(),
  name: text().notNull(),
  code: text().notNull(),
  createdAt: integer().notNull(),
});
