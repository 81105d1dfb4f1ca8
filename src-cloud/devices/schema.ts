import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
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
