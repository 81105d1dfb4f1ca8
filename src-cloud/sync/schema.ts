import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { EventResult, EventStatus } from '../../src-shared/sync/sync';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });

/**
 * Every pushed event with the answer it got, keyed by its id: a re-push finds the answer here.
 * Accepted and conflicting events get a place (seq) in the merchant's stream; rejected ones don't.
 */
export const syncEvents = pgTable(
  'sync_events',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    eventId: text().notNull(),
    seq: bigint({ mode: 'number' }),
    /** null: made by the cloud itself (a consumer's cashback redemption). */
    deviceId: text(),
    kind: text().notNull(),
    /** The catalogue version of the payload (src-shared/sync/events.ts). */
    version: integer().notNull().default(1),
    entityId: text().notNull(),
    occurredAt: epochMs().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** To tell a re-push of the same event from another event reusing its id. */
    payloadHash: text().notNull(),
    status: text().$type<EventStatus>().notNull(),
    result: jsonb().$type<EventResult>().notNull(),
    receivedAt: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.eventId] }),
    uniqueIndex('sync_events_seq_unique').on(t.merchantId, t.seq),
    // The projections find the redemption a void names, the code a cashback payout names.
    index('sync_events_entity_idx').on(t.merchantId, t.kind, t.entityId),
  ],
);

/**
 * Coupon redemptions the cloud accepted. At most one live (not voided) claim per code: the
 * database itself refuses a second winner.
 */
export const couponClaims = pgTable(
  'coupon_claims',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    redemptionId: text().notNull(),
    code: text().notNull(),
    eventId: text().notNull(),
    deviceId: text(),
    storeId: text(),
    terminalId: text(),
    staffId: text(),
    customerPhone: text(),
    subtotalFen: bigint({ mode: 'number' }).notNull(),
    discountFen: bigint({ mode: 'number' }).notNull(),
    claimedAt: epochMs().notNull(),
    receivedAt: epochMs().notNull(),
    voidedAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.redemptionId] }),
    uniqueIndex('coupon_claims_one_live')
      .on(t.merchantId, t.code)
      .where(sql`voided_at is null`),
    index('coupon_claims_phone_idx').on(t.merchantId, t.customerPhone),
  ],
);
