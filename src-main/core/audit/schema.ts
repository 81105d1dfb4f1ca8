import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only. Names are copied in (not only ids) so the log still reads right after a staff
 * member is renamed or a terminal removed.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text().primaryKey(),
    at: integer().notNull(),
    action: text().notNull(),
    staffId: text(),
    staffName: text(),
    terminalId: text(),
    terminalCode: text(),
    storeId: text(),
    source: text({ enum: ['app', 'http', 'terminal', 'system'] }).notNull(),
    targetType: text(),
    targetId: text(),
    details: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_staff_idx').on(t.staffId, t.at),
    index('audit_action_idx').on(t.action, t.at),
  ],
);
