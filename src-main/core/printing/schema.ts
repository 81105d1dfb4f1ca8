import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PrinterTransport } from '../../../src-shared/contract/printing';
import { terminals } from '../stores/schema';

export const printers = sqliteTable('printers', {
  id: text().primaryKey(),
  name: text().notNull(),
  transport: text({ mode: 'json' }).$type<PrinterTransport>().notNull(),
  widthMm: integer().notNull(),
  copies: integer().notNull().default(1),
  cut: text({ enum: ['full', 'partial', 'none'] }).notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: integer().notNull(),
});

export const printerDefaults = sqliteTable(
  'printer_defaults',
  {
    terminalId: text()
      .notNull()
      .references(() => terminals.id),
    printerId: text()
      .notNull()
      .references(() => printers.id),
  },
  (t) => [primaryKey({ columns: [t.terminalId] })],
);

/** What a job prints: the codes (issued before), or a test page. */
export type PrintJobPayload =
  | { kind: 'coupons'; codes: string[]; storeId: string | null }
  | { kind: 'cashback'; codes: string[]; storeId: string | null }
  | { kind: 'test' }
  | { kind: 'summary'; storeId: string; date: string }
  /** The till's slips (drawn by the renderers the till registers with the slips service). */
  | { kind: 'receipt'; storeId: string; saleId: string; kickDrawer: boolean }
  | { kind: 'drawer'; storeId: string | null }
  | { kind: 'close'; storeId: string; businessDate: string }
  /** A 领券二维码 slip: an issuance's QR, or a store's fixed QR (drawn by claims/slips.ts). */
  | { kind: 'claimQr'; storeId: string | null; issuanceId: string | null };

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text().primaryKey(),
    printerId: text()
      .notNull()
      .references(() => printers.id),
    kind: text({
      enum: ['coupons', 'cashback', 'test', 'summary', 'receipt', 'drawer', 'close', 'claimQr'],
    }).notNull(),
    payload: text({ mode: 'json' }).$type<PrintJobPayload>().notNull(),
    // A text column without a CHECK: new statuses need no migration.
    status: text({
      enum: ['queued', 'printing', 'paused', 'done', 'failed', 'cancelled'],
    }).notNull(),
    total: integer().notNull(),
    done: integer().notNull().default(0),
    error: text(),
    reprint: integer({ mode: 'boolean' }).notNull().default(false),
    createdBy: text(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('print_jobs_status_idx').on(t.status, t.createdAt)],
);
