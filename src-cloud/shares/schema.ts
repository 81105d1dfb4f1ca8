import {
  bigint,
  boolean,
  doublePrecision,
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
 * A share link a holder made for one of their coupons (转赠: transfer, for one person; 分享:
 * copy, for friends up to the allowance). Only the SHA-256 of its token is kept.
 */
export const walletShares = pgTable(
  'wallet_shares',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    id: text().notNull(),
    tokenHash: text().notNull(),
    /** The giver's coupon (wallet_claims.id). */
    claimId: text().notNull(),
    fromPhone: text().notNull(),
    mode: text().$type<'transfer' | 'copy'>().notNull(),
    /** The hop the receiver's coupon will have. */
    hop: integer().notNull(),
    status: text().$type<'open' | 'accepted' | 'recalled'>().notNull(),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
    /** Recalled, replaced by a newer link, or (transfer) accepted. */
    endedAt: epochMs(),
    /** Given in answer to an ask: only the asker may accept it. */
    forPhone: text(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    uniqueIndex('wallet_shares_token_unique').on(t.tokenHash),
    index('wallet_shares_claim_idx').on(t.merchantId, t.claimId),
  ],
);

/**
 * Every coupon that went from one phone to another, as a row: from, to, kind, hop, when (the
 * merchant's share history and the campaign's tree). One per share and receiver.
 */
export const walletShareAccepts = pgTable(
  'wallet_share_accepts',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    shareId: text().notNull(),
    /** The receiver's new coupon (wallet_claims.id). */
    claimId: text().notNull(),
    fromClaimId: text().notNull(),
    fromPhone: text().notNull(),
    toPhone: text().notNull(),
    mode: text().$type<'transfer' | 'copy'>().notNull(),
    hop: integer().notNull(),
    templateId: text().notNull(),
    at: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.shareId, t.toPhone] }),
    index('wallet_share_accepts_template_idx').on(t.merchantId, t.templateId, t.at),
  ],
);

/**
 * A consumer asking, on a store's page, for a coupon of that store (索取): the holders nearest
 * to them (the same 商圈 first) are asked in their wallet. The asker's point is kept coarsely.
 */
export const walletAsks = pgTable(
  'wallet_asks',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    id: text().notNull(),
    askerPhone: text().notNull(),
    storeId: text().notNull(),
    /** ~100 m, GCJ-02. */
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    businessDistrict: text(),
    /** A price the asker offers (recorded only: no money moves through StoreDesk). */
    priceFen: integer(),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index('wallet_asks_asker_idx').on(t.merchantId, t.askerPhone, t.createdAt),
  ],
);

/** A holder an ask reached, with their rank, and what they did: gave, declined or refused. */
export const walletAskTargets = pgTable(
  'wallet_ask_targets',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    askId: text().notNull(),
    holderPhone: text().notNull(),
    /** The holder's coupon that answers the ask. */
    claimId: text().notNull(),
    rank: integer().notNull(),
    /** Rounded to 100 m. */
    distanceM: integer().notNull(),
    sameDistrict: boolean().notNull(),
    status: text().$type<'asked' | 'given' | 'declined' | 'refused'>().notNull(),
    /** The share made when given (bound to the asker: its token is no secret). */
    shareToken: text(),
    at: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.askId, t.holderPhone] }),
    index('wallet_ask_targets_holder_idx').on(t.merchantId, t.holderPhone, t.status),
  ],
);
