import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Conflict } from '../../../src-shared/sync/sync';

/**
 * This PC's link to the merchant's cloud: one row (id 1) while paired. The token is kept here,
 * never logged; `nextToken` is a rotated token saved before its first use (the old one keeps
 * working until then, so a crash between rotating and using loses nothing).
 */
export const syncLink = sqliteTable('sync_link', {
  id: integer().primaryKey(),
  cloudUrl: text().notNull(),
  deviceId: text().notNull(),
  deviceName: text().notNull(),
  token: text().notNull(),
  nextToken: text(),
  merchantId: text().notNull(),
  merchantName: text().notNull(),
  merchantCode: text().notNull(),
  /** The pull cursor: opaque, as the cloud gave it. */
  cursor: text().notNull(),
  /** paired, or revoked: the cloud answered 401 (pairing ended); nothing is pushed until re-paired. */
  state: text({ enum: ['paired', 'revoked'] }).notNull(),
  pairedAt: integer().notNull(),
  lastSyncAt: integer(),
  lastError: text(),
  lastErrorAt: integer(),
});

/** The merchant's signing keys as the cloud gave them; one kid may appear with several secrets. */
export const merchantKeys = sqliteTable(
  'merchant_keys',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kid: text().notNull(),
    secret: text().notNull(),
    active: integer({ mode: 'boolean' }).notNull(),
    createdAt: integer().notNull(),
    retiredAt: integer(),
  },
  (t) => [index('merchant_keys_kid_idx').on(t.kid)],
);

/**
 * Outbox events the cloud did not simply accept: `conflict` (a claim someone else won first; a
 * manager resolves it) and `dead` (rejected for good; retried or discarded by a manager).
 */
export const syncIssues = sqliteTable(
  'sync_issues',
  {
    eventId: text().primaryKey(),
    kind: text({ enum: ['conflict', 'dead'] }).notNull(),
    eventKind: text().notNull(),
    entityId: text().notNull(),
    errorCode: text(),
    errorMessage: text(),
    conflict: text({ mode: 'json' }).$type<Conflict>(),
    createdAt: integer().notNull(),
    resolvedAt: integer(),
    resolvedBy: text(),
    resolution: text(),
  },
  (t) => [index('sync_issues_open_idx').on(t.kind, t.resolvedAt)],
);

/** Pulled events already applied: applying is idempotent by event id. */
export const syncApplied = sqliteTable('sync_applied', {
  eventId: text().primaryKey(),
  appliedAt: integer().notNull(),
});

/**
 * Codes this till redeemed without having seen them issued (genuinely signed, issued at another
 * store, not yet synced): counted per business day against the offline limits.
 */
export const offlineAdmissions = sqliteTable(
  'offline_admissions',
  {
    couponId: text().primaryKey(),
    code: text().notNull(),
    day: text().notNull(),
    discountFen: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [index('offline_admissions_day_idx').on(t.day)],
);

/**
 * The merchant's staff at its other PCs, as their `staff.changed` events tell: names and roles
 * for showing who did what elsewhere (a redemption pulled from another store). A directory, not
 * accounts: no PIN hash ever leaves a PC, so nobody here can sign in as them, and a role given
 * at another store grants nothing at this one.
 */
export const syncedStaff = sqliteTable('synced_staff', {
  id: text().primaryKey(),
  name: text().notNull(),
  role: text({ enum: ['owner', 'manager', 'cashier'] }).notNull(),
  storeId: text(),
  active: integer({ mode: 'boolean' }).notNull(),
  /** The change's own time at its PC: an older event never overwrites a newer one. */
  updatedAt: integer().notNull(),
});
