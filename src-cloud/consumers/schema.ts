import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });

/**
 * Cashback codes as the tills issued them (learned from `cashback.issued`), and who was paid:
 * at a counter (pushed `cashback.redeemed`) or through the cloud, whichever came first.
 */
export const cashbackCodes = pgTable(
  'cashback_codes',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    id: text().notNull(),
    code: text().notNull(),
    templateId: text().notNull(),
    productId: text().notNull(),
    terminalId: text().notNull(),
    storeId: text().notNull(),
    rewardFen: bigint({ mode: 'number' }).notNull(),
    issuedAt: epochMs().notNull(),
    validUntil: epochMs().notNull(),
    phone: text(),
    redeemedAt: epochMs(),
    redeemedVia: text().$type<'counter' | 'terminal' | 'cloud'>(),
    redeemedDeviceId: text(),
    redeemedEventId: text(),
    redemptionReceivedAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    uniqueIndex('cashback_codes_code_unique').on(t.merchantId, t.code),
    index('cashback_codes_phone_idx').on(t.merchantId, t.phone),
  ],
);

/** One-time codes texted to consumers; hashed, short-lived, a few tries each. */
export const consumerOtps = pgTable(
  'consumer_otps',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    phone: text().notNull(),
    codeHash: text().notNull(),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
    attemptsLeft: integer().notNull(),
    usedAt: epochMs(),
    /** The address that asked: the per-address caps count these rows (they hold across restarts). */
    address: text(),
  },
  (t) => [
    index('consumer_otps_phone_idx').on(t.merchantId, t.phone, t.createdAt),
    index('consumer_otps_any_phone_idx').on(t.phone, t.createdAt),
    index('consumer_otps_address_idx').on(t.address, t.createdAt),
    index('consumer_otps_created_idx').on(t.createdAt),
  ],
);

/**
 * The verification-text breaker, shared by every cloud node: while `pausedUntil` is ahead, no
 * node sends a text. One row ('otp').
 */
export const smsBreaker = pgTable('sms_breaker', {
  id: text().primaryKey(),
  pausedUntil: epochMs().notNull(),
});
