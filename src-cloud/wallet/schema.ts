import type { TemplateRule } from '../../src-shared/contract/coupons';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });

/**
 * A template's sharing as the PCs described it: transfer (the coupon moves) or copy (each friend
 * gets one, `maxShares` per holder); copies count against `totalIssueLimit` with the codes the
 * PCs said they issued (`issuedCount`, as of the template's last edit).
 */
export interface TemplateShare {
  mode: 'none' | 'transfer' | 'copy';
  /** Copies per holder; null: no limit but the template's. */
  maxShares: number | null;
  /** Times a coupon may change hands (older PCs do not say: 2). */
  maxHops?: number;
  totalIssueLimit: number | null;
  issuedCount: number;
}
export const NO_SHARING: TemplateShare = {
  mode: 'none',
  maxShares: null,
  totalIssueLimit: null,
  issuedCount: 0,
};

export type TemplateValidity =
  { kind: 'fixed'; startDate: string; endDate: string } | { kind: 'relative'; days: number };

/** The merchant's coupon templates as the PCs described them (`templates.changed`, newer wins). */
export const walletTemplates = pgTable(
  'wallet_templates',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    templateId: text().notNull(),
    name: text().notNull(),
    status: text().$type<'draft' | 'active' | 'paused' | 'ended'>().notNull(),
    /** The version new codes are issued under. */
    version: integer().notNull(),
    /** The money rule of each version (a code is priced by its own): { "1": rule, … }. */
    rules: jsonb().$type<Record<string, TemplateRule>>().notNull(),
    validity: jsonb().$type<TemplateValidity>().notNull(),
    /** Empty: every store. */
    storeIds: jsonb().$type<string[]>().notNull(),
    codeFormat: text().$type<'numeric' | 'base32'>().notNull(),
    /** Whether and how its coupons may be shared, and the issue limit copies count against. */
    share: jsonb().$type<TemplateShare>().notNull().default(NO_SHARING),
    /** Copies the cloud issued (shares/): the cloud's own counter, never reset by an edit. */
    sharedCount: integer().notNull().default(0),
    updatedAt: epochMs().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.templateId] })],
);

/**
 * What may be claimed: an issuance QR the desktop created (`claims.issuanceChanged`, newer
 * wins), or a store's poster (source 'store': made by the cloud at the first claim, one per
 * store and template, no cap). `claimed` is the counter the claim decrements against `count`.
 */
export const walletIssuances = pgTable(
  'wallet_issuances',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    id: text().notNull(),
    source: text().$type<'desktop' | 'store'>().notNull(),
    templateId: text().notNull(),
    title: text().notNull(),
    /** null: no cap (a store poster). */
    count: integer(),
    perPerson: integer().notNull(),
    startsAt: epochMs(),
    endsAt: epochMs(),
    storeId: text(),
    status: text().$type<'active' | 'paused' | 'ended'>().notNull(),
    updatedAt: epochMs().notNull(),
    claimed: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    uniqueIndex('wallet_issuances_store_unique')
      .on(t.merchantId, t.storeId, t.templateId)
      .where(sql`source = 'store'`),
  ],
);

/** The coupon a store's fixed poster gives now (`stores.defaultCouponChanged`, newer wins). */
export const walletStoreDefaults = pgTable(
  'wallet_store_defaults',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    storeId: text().notNull(),
    templateId: text(),
    updatedAt: epochMs().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.storeId] })],
);

/**
 * Coupons claimed on phones: the cloud's own ledger (not a projection). Claim number `n`
 * (1..perPerson) with a unique index per issuance and phone: the database refuses a phone's
 * claim beyond its limit, whatever the race.
 */
export const walletClaims = pgTable(
  'wallet_claims',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    id: text().notNull(),
    issuanceId: text().notNull(),
    phone: text().notNull(),
    n: integer().notNull(),
    code: text().notNull(),
    /** The signed QR payload, as signed at the claim (a retired key still verifies at the tills). */
    token: text().notNull(),
    templateId: text().notNull(),
    templateVersion: integer().notNull(),
    storeId: text(),
    validFrom: epochMs().notNull(),
    validUntil: epochMs().notNull(),
    /** The zone the validity was computed in (shown in it). */
    timezone: text().notNull(),
    claimedAt: epochMs().notNull(),
    /** The `coupons.issued` event that took the code to the PCs. */
    eventId: text().notNull(),
    /** How the phone came by it: claimed from a QR, given by another holder (shares/), a task's reward (tasks/), or a campaign's offer (outreach/). */
    source: text()
      .$type<'claim' | 'transfer' | 'copy' | 'task' | 'campaign'>()
      .notNull()
      .default('claim'),
    /** Shares away from a claimed coupon (a copy of a copy is 2). */
    hop: integer().notNull().default(0),
    /** The coupon it was given from. */
    parentClaimId: text(),
    /** Copies given from it so far (counted against the template's `maxShares`). */
    sharesUsed: integer().notNull().default(0),
    /** Given away (transfer accepted): its code is cancelled, the receiver holds a new one. */
    transferredAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    uniqueIndex('wallet_claims_per_person').on(t.merchantId, t.issuanceId, t.phone, t.n),
    uniqueIndex('wallet_claims_code_unique').on(t.merchantId, t.code),
    index('wallet_claims_phone_idx').on(t.merchantId, t.phone, t.validUntil),
  ],
);

/** A signed-in phone, per merchant; only the SHA-256 of its token is kept. */
export const consumerSessions = pgTable(
  'consumer_sessions',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    phone: text().notNull(),
    tokenHash: text().notNull(),
    createdAt: epochMs().notNull(),
    expiresAt: epochMs().notNull(),
    endedAt: epochMs(),
  },
  (t) => [uniqueIndex('consumer_sessions_token_unique').on(t.tokenHash)],
);

/** Every answer a consumer gave per purpose (PIPL): the latest one counts. */
export const consumerConsents = pgTable(
  'consumer_consents',
  {
    id: text().primaryKey(),
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    phone: text().notNull(),
    purpose: text().notNull(),
    granted: boolean().notNull(),
    source: text().notNull(),
    textShown: text().notNull(),
    at: epochMs().notNull(),
  },
  (t) => [index('consumer_consents_phone_idx').on(t.merchantId, t.phone, t.purpose, t.at)],
);

/** The merchant's members as the PCs saved them (`members.changed`, newer wins): the wallet's card. */
export const walletMembers = pgTable(
  'wallet_members',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    memberId: text().notNull(),
    /** E.164, as the desktop stores it. */
    phone: text().notNull(),
    name: text().notNull().default(''),
    levelId: text(),
    /** Deleted at the member's request (PIPL): no card any more. */
    deleted: boolean().notNull().default(false),
    /** Merged into that member (the same person's other phone): its card is theirs. */
    mergedInto: text(),
    updatedAt: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.memberId] }),
    index('wallet_members_phone_idx').on(t.merchantId, t.phone),
  ],
);

/** Members' point movements (`points.moved`, one row each): a balance is their sum. */
export const walletPoints = pgTable(
  'wallet_points',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    movementId: text().notNull(),
    memberId: text().notNull(),
    points: integer().notNull(),
    /** Earned points pending until then (a return window); null: spendable at once. */
    availableAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.movementId] }),
    index('wallet_points_member_idx').on(t.merchantId, t.memberId),
  ],
);

/**
 * Where a phone was last seen near the merchant, coarsely (~100 m, GCJ-02: stores' system), kept
 * only while its location consent stands: the wallet writes it when opened with a fix; a
 * withdrawn consent deletes it. Asks for a coupon rank holders by it (shares/asks.ts).
 */
export const consumerPlaces = pgTable(
  'consumer_places',
  {
    merchantId: text()
      .notNull()
      .references(() => merchants.id),
    phone: text().notNull(),
    /** Rounded to 3 decimals (about 100 m): never the raw fix. */
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    system: text().$type<'gcj02'>().notNull().default('gcj02'),
    /** The 商圈 of the merchant's store nearest to it (null: that store has none). */
    businessDistrict: text(),
    at: epochMs().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.phone] })],
);
