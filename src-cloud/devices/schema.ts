import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });

/** A paired shop PC. Tokens are kept as SHA-256 hashes only. */
export const devices = pgTable(
  'devices',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    name: text().notNull(),
    storeId: text(),
    appVersion: text(),
    tokenHash: text().notNull().unique(),
    /** The token before the last rotation: accepted until the new one is first used. */
    previousTokenHash: text().unique(),
    tokenIssuedAt: epochMs().notNull(),
    pairedAt: epochMs().notNull(),
    lastSeenAt: epochMs(),
    revokedAt: epochMs(),
  },
  (t) => [index('devices_merchant_idx').on(t.merchantId, t.pairedAt)],
);

/**
 * Which paired device speaks for a store: the first to redeem or issue cashback codes there.
 * Only it may void that store's claims and add its cashback codes; when it is revoked (the PC
 * unpaired, re-paired as a new device) the next device to speak for the store takes it over.
 */
export const storeOwners = pgTable(
  'store_owners',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    deviceId: text()
      .notNull()
      .references(() => devices.id),
    since: epochMs().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.storeId] })],
);
