import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { SmsCampaignBody } from '../../src-shared/sync/outreach';
import type { RecipientRule } from '../../src-shared/outreach/sms-rules';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });
const merchantId = () =>
  text()
    .notNull()
    .references(() => merchants.id);

/**
 * An SMS campaign a merchant's desktop handed over, keyed by the desktop's id (a retry of the
 * hand-over finds it). `deployment` is the cloud deployment whose sender texts it (config.ts:
 * two clouds on one database keep their queues apart). `bodyHash` is what "the same campaign"
 * means when the id comes again.
 */
export const outreachCampaigns = pgTable(
  'outreach_campaigns',
  {
    merchantId: merchantId(),
    id: text().notNull(),
    deployment: text().notNull(),
    purpose: text().$type<SmsCampaignBody['purpose']>().notNull(),
    name: text().notNull(),
    signature: text().notNull(),
    text: text().notNull(),
    templateId: text(),
    sendAt: epochMs().notNull(),
    timeZone: text().notNull(),
    capPer30Days: integer('cap_per_30_days').notNull(),
    bodyHash: text().notNull(),
    createdAt: epochMs().notNull(),
    /** Set once by the first start; recipients added later are checked and queued as they come. */
    startedAt: epochMs(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] })],
);

/**
 * received: handed over, not yet checked (the campaign has not started);
 * queued: checked, waiting for `notBefore` (the sending window, the throttle, a retry);
 * sending: taken by a sender until `leaseUntil`; sent: handed to the provider;
 * delivered / failed: the provider's receipt, or failed after the last retry;
 * skipped: a rule left the recipient out (`skipReason`).
 */
export type MessageState =
  'received' | 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped';

/**
 * One text of a campaign to one phone, at most: unique per (merchant, campaign, phone), so a page
 * sent again or a start repeated never makes a second message. Its id is the message id the
 * provider gets (and dedupes on) and reports receipts by: a resend after a crash keeps it.
 */
export const outreachMessages = pgTable(
  'outreach_messages',
  {
    id: text().primaryKey(),
    merchantId: merchantId(),
    campaignId: text().notNull(),
    deployment: text().notNull(),
    /** E.164. */
    phone: text().notNull(),
    /** phoneHash(phone): what suppressions and the frequency count are kept under. */
    phoneHash: text().notNull(),
    stratum: text().notNull(),
    /** A marketing text (counts against the frequency cap; needs consent). */
    marketing: boolean().notNull(),
    state: text().$type<MessageState>().notNull(),
    skipReason: text().$type<RecipientRule>(),
    /** Not sent before this (the window's 08:00, a retry's backoff). */
    notBefore: epochMs(),
    leaseUntil: epochMs(),
    /** Hand-overs the provider refused (or did not answer). */
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** The campaign's coupon placed in the phone's wallet (wallet_claims.id). */
    claimId: text(),
    /** Carrier parts of the text handed over (what the merchant pays for). */
    parts: integer(),
    receivedAt: epochMs().notNull(),
    queuedAt: epochMs(),
    sentAt: epochMs(),
    /** When it was delivered, failed or skipped. */
    settledAt: epochMs(),
  },
  (t) => [
    uniqueIndex('outreach_messages_per_phone').on(t.merchantId, t.campaignId, t.phone),
    index('outreach_messages_campaign_state_idx').on(t.merchantId, t.campaignId, t.state),
    // What a sender claims: its deployment's due messages, oldest due first.
    index('outreach_messages_due_idx').on(t.deployment, t.state, t.notBefore),
    // The 30-day frequency count per merchant and phone.
    index('outreach_messages_frequency_idx').on(t.merchantId, t.phoneHash, t.notBefore),
    // A reply that names no message: the phone's latest text.
    index('outreach_messages_phone_idx').on(t.phone, t.sentAt),
  ],
);

/**
 * A phone that asked for no more marketing texts under a signature (an unsubscribe reply), kept
 * by phone hash so a merged or deleted member stays suppressed; every PC learns it from the
 * `sms.suppressed` event written with it.
 */
export const outreachSuppressions = pgTable(
  'outreach_suppressions',
  {
    merchantId: merchantId(),
    signature: text().notNull(),
    phoneHash: text().notNull(),
    reason: text().$type<'reply' | 'complaint'>().notNull(),
    /** The message replied to, when known. */
    messageId: text(),
    at: epochMs().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.signature, t.phoneHash] })],
);
