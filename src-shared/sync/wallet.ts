import { z } from 'zod';
import { couponRuleSchema, phoneSchema } from '../contract/coupons';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';
import { instantSchema } from '../bounds';

// The consumer's wallet: what the phone (src-consumer) and the cloud (src-cloud/wallet) say to
// each other, and the events through which the desktop tells the cloud what may be claimed.

const otpSchema = z.string().regex(/^\d{6}$/, { message: 'validation.otp' });

export const issuanceParamsSchema = z.object({
  merchantCode: merchantCodeSchema,
  issuanceId: idSchema,
});
export const storeParamsSchema = z.object({ merchantCode: merchantCodeSchema, storeId: idSchema });

/** The purposes a consumer consents to (PIPL: one answer per purpose, withdrawable). */
export const CONSUMER_CONSENT_PURPOSES = ['marketing', 'location'] as const;
export type ConsumerConsentPurpose = (typeof CONSUMER_CONSENT_PURPOSES)[number];

export const consumerConsentsSchema = z.object({
  /** null: never asked yet (the app asks on first use). */
  marketing: z.boolean().nullable(),
  location: z.boolean().nullable(),
});

export const memberCardSchema = z.object({
  memberId: z.string(),
  name: z.string().nullable(),
  levelName: z.string().nullable(),
  /** Spendable now (pending lots excluded). */
  points: z.number().int(),
  /**
   * The member code the till scans (SDM1…, signed with the merchant's key, good for about two
   * minutes: the phone asks again every 30 s while it shows it); null until a PC of the merchant
   * has sent its signing key.
   */
  code: z.string().nullable(),
});

/** Who is signed in on this phone, for this merchant. */
export const consumerMeSchema = z.object({
  /** Masked: 138****5678. */
  phone: z.string(),
  merchantName: z.string(),
  expiresAt: epochMsSchema,
  consents: consumerConsentsSchema,
  /** The merchant's member record of this phone, when there is one. */
  member: memberCardSchema.nullable(),
});

export const sessionRequestSchema = z.object({ phone: phoneSchema, otp: otpSchema });

export const setConsentsRequestSchema = z.object({
  marketing: z.boolean(),
  location: z.boolean(),
  /** The text the consumer was shown when answering, kept with the answer. */
  textShown: z.string().trim().min(1).max(2000),
});

/** A store where a coupon works; distance when the phone shared its location. */
export const walletStoreSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  distanceM: z.number().int().nullable(),
});

export const walletCouponStatusSchema = z.enum(['available', 'used', 'expired']);
export type WalletCouponStatus = z.infer<typeof walletCouponStatusSchema>;

export const walletCouponSchema = z.object({
  /** The phone's coupon (what a share names). */
  id: z.string(),
  code: z.string(),
  /** Grouped for reading aloud: 1234 5678 …. */
  display: z.string(),
  /** The signed QR payload (SD1.…) any till of the merchant verifies offline. */
  token: z.string(),
  templateId: z.string(),
  name: z.string(),
  rule: couponRuleSchema,
  /** Product names the rule mentions (item and gift coupons), by id. */
  productNames: z.record(z.string(), z.string()),
  validFrom: epochMsSchema,
  validUntil: epochMsSchema,
  /** The zone validity is shown in (the first store's). */
  timezone: z.string(),
  status: walletCouponStatusSchema,
  usedAt: epochMsSchema.nullable(),
  usedStoreName: z.string().nullable(),
  /** Where it works; empty: every store of the merchant. Nearest first with a location. */
  stores: z.array(walletStoreSchema),
  claimedAt: epochMsSchema,
  /** How it may be shared now (null: not shareable, or not any more). */
  share: z
    .object({
      mode: z.enum(['transfer', 'copy']),
      /** Copies left to give; null: a transfer, or no limit but the template's. */
      allowanceLeft: z.number().int().nullable(),
    })
    .nullable(),
  /** Given by another phone (转赠 or 分享), not claimed from a QR. */
  received: z.boolean(),
});
export type WalletCoupon = z.infer<typeof walletCouponSchema>;

export const walletQuerySchema = z.object({
  /** The phone's position (WGS-84, as browsers give it), when location consent is given. */
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

export const walletResponseSchema = z.object({
  /** Expiring soonest first among the available ones, then used and expired. */
  coupons: z.array(walletCouponSchema),
  member: memberCardSchema.nullable(),
});

/** What a claim page shows before the consumer signs in. */
export const claimOfferSchema = z.object({
  merchantName: z.string(),
  title: z.string(),
  name: z.string(),
  rule: couponRuleSchema,
  productNames: z.record(z.string(), z.string()),
  /** Coupons left to claim; null: no cap (a store QR). */
  remaining: z.number().int().nullable(),
  startsAt: epochMsSchema.nullable(),
  endsAt: epochMsSchema.nullable(),
  storeName: z.string().nullable(),
  /** Why it cannot be claimed now, if it cannot (a stable error code). */
  unavailable: z.string().nullable(),
});

export const claimResponseSchema = z.object({
  coupon: walletCouponSchema,
  /** This phone had claimed here before: the coupon it already holds. */
  already: z.boolean(),
});

// ── Desktop → cloud (outbox events) ──────────────────────────────────────────────────────────

/** An issuance QR as the desktop created or changed it (the cloud keeps the latest by updatedAt). */
export const issuanceChangedSchema = z.looseObject({
  id: idSchema,
  templateId: idSchema,
  title: z.string().max(60),
  /** How many coupons may be claimed in all. */
  count: z.number().int().positive(),
  /** How many one phone may claim. */
  perPerson: z.number().int().positive(),
  startsAt: instantSchema.nullable(),
  endsAt: instantSchema.nullable(),
  /** Claimed coupons are for this store only (else the template's stores). */
  storeId: idSchema.nullable(),
  status: z.enum(['active', 'paused', 'ended']),
  updatedAt: instantSchema,
});
export type IssuanceChanged = z.infer<typeof issuanceChangedSchema>;

/** The coupon a store's fixed poster gives (null: none now). */
export const storeDefaultCouponSchema = z.looseObject({
  storeId: idSchema,
  templateId: idSchema.nullable(),
  updatedAt: instantSchema,
});

/** The paths of the consumer app, for QR codes and links. */
export const walletPaths = {
  home: (merchantCode: string) => `/c/${encodeURIComponent(merchantCode)}/`,
  issuance: (merchantCode: string, issuanceId: string) =>
    `/c/${encodeURIComponent(merchantCode)}/i/${issuanceId}`,
  store: (merchantCode: string, storeId: string) =>
    `/c/${encodeURIComponent(merchantCode)}/s/${storeId}`,
};
