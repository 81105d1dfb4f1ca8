import { z } from 'zod';
import { couponRuleSchema } from '../contract/coupons';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';
import { walletCouponSchema } from './wallet';

// Sharing coupons between phones (the wallet): 转赠 (transfer: the coupon moves to one person,
// with a new code) and 分享 (copy: each friend gets a coupon of the same template, up to the
// holder's allowance). A share goes by a link or the QR of that link.

/** A coupon changes hands at most this many times (a copy of a copy is the second). */
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
  /** Copies left to give (copy); null for a transfer. */
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
