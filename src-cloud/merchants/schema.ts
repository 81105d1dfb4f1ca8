import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

const epochMs = () => bigint({ mode: 'number' });

/** A tenant: one chain or shop with its devices, events and consumers. */
export const merchants = pgTable('merchants', {
  id: text().primaryKey(),
  name: text().notNull(),
  code: text().notNull().unique(),
  /**
   * The last sequence number handed out in this merchant's event stream. A push locks this row,
   * so events are numbered and committed in one order: a cursor never skips a late commit.
   */
  lastSeq: bigint({ mode: 'number' }).notNull().default(0),
  createdAt: epochMs().notNull(),
});

/** The merchant's coupon signing keys; see merchantKeySchema in src-shared/sync/pairing.ts. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    kid: text().notNull(),
    secret: text().notNull(),
    createdAt: epochMs().notNull(),
    retiredAt: epochMs(),
    active: boolean().notNull().default(false),
    uploadedBy: text(),
    addedAt: epochMs().notNull(),
  },
  (t) => [
    uniqueIndex('signing_keys_secret_unique').on(t.merchantId, t.kid, t.secret),
    uniqueIndex('signing_keys_one_active')
      .on(t.merchantId)
      .where(sql`active`),
  ],
);

/** Single-use codes an admin hands to a shop to pair its PC; kept as hashes. */
export const pairingCodes = pgTable(
  'pairing_codes',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    codeHash: text().notNull().unique(),
    label: text(),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
    usedAt: epochMs(),
    usedByDeviceId: text(),
  },
  (t) => [index('pairing_codes_merchant_idx').on(t.merchantId)],
);
