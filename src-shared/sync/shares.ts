import { z } from 'zod';
import { couponRuleSchema } from '../contract/coupons';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';
import { walletCouponSchema } from './wallet';

// Sharing coupons between phones (the wallet): 转赠 (transfer: the coupon moves to one person,
// with a new code) and 分享 (copy: each friend gets a coupon of the same template, up to the
// holder's allowance). A share goes by a link or the QR of that link.

/** A coupon changes hands at most this many times unless its template says (a copy of a copy is the second). */
export const MAX_SHARE_HOPS = 2;

export const shareModeSchema = z.enum(['transfer', 'copy']);
export type ShareMode = z.infer<typeof shareModeSchema>;

export const couponParamsSchema = z.object({
  merchantCode: merchantCodeSchema,
  couponId: idSchema,
});
/** A share's token: 32 base64url characters (the link carries it; the cloud keeps its hash). */
export const shareParamsSchema = z.object({
  merchantCode: merchantCodeSchema,
  token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, { message: 'validation.shareToken' }),
});

export const createShareBodySchema = z.object({ mode: shareModeSchema });

/** A link the giver made: shown once (only its hash is kept), to send or to show as a QR. */
export const shareLinkSchema = z.object({
  token: z.string(),
  /** The consumer app's page of the share: /c/<merchantCode>/share/<token>. */
  path: z.string(),
  mode: shareModeSchema,
  expiresAt: epochMsSchema,
  /** Copies left to give; null: a transfer, or no limit but the template's. */
  allowanceLeft: z.number().int().nullable(),
});

export const shareStatusSchema = z.enum(['open', 'accepted', 'recalled', 'expired']);

/** What the receiver sees before signing in: the coupon, never the giver's phone. */
export const shareOfferSchema = z.object({
  merchantName: z.string(),
  mode: shareModeSchema,
  status: shareStatusSchema,
  expiresAt: epochMsSchema,
  name: z.string(),
  rule: couponRuleSchema,
  validUntil: epochMsSchema,
  timezone: z.string(),
  allowanceLeft: z.number().int().nullable(),
});

export const acceptShareResponseSchema = z.object({ coupon: walletCouponSchema });
export const recallShareResponseSchema = z.object({ status: z.literal('recalled') });

// ── Asking nearby holders (索取) ─────────────────────────────────────────────────────────────

/** The holders an ask reaches at most (the nearest, the same 商圈 first). */
export const ASK_REACH = 5;
/** Asks one phone may make per day. */
export const ASKS_PER_DAY = 3;

export const askParamsSchema = z.object({ merchantCode: merchantCodeSchema, askId: idSchema });

export const createAskBodySchema = z.object({
  storeId: idSchema,
  /** The asker's phone position, WGS-84 as browsers give it (kept only to ~100 m). */
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** A price offered for the coupon (recorded; no money moves through StoreDesk). */
  priceFen: z.number().int().min(1).max(1_000_000).nullable().default(null),
});

export const askSchema = z.object({
  id: idSchema,
  storeName: z.string(),
  priceFen: z.number().int().nullable(),
  expiresAt: epochMsSchema,
  /** How many holders were asked. */
  asked: z.number().int(),
  /** Coupons holders gave in answer, to accept on the share page. */
  offers: z.array(
    z.object({ token: z.string(), path: z.string(), name: z.string(), mode: shareModeSchema }),
  ),
});

/** An ask as a holder sees it in their wallet: never the asker's phone or exact place. */
export const incomingAskSchema = z.object({
  askId: idSchema,
  storeName: z.string(),
  /** Rounded to 100 m. */
  distanceM: z.number().int(),
  sameDistrict: z.boolean(),
  priceFen: z.number().int().nullable(),
  /** The holder's coupon that answers it. */
  couponId: idSchema,
  couponName: z.string(),
  mode: shareModeSchema,
  at: epochMsSchema,
  expiresAt: epochMsSchema,
});

export const declineAskBodySchema = z.object({
  /** true: 拒绝 (say no); false: 忽略 (just hide it). */
  refuse: z.boolean(),
});
