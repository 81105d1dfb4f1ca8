import { z } from 'zod';
import { phoneSchema } from '../contract/coupons';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';

export const OTP_DIGITS = 6;

export const consumerParamsSchema = z.object({ merchantCode: merchantCodeSchema });

export const cashbackRedeemRequestSchema = z.object({
  /** The printed digits (spaces allowed) or the slip's QR payload. */
  code: z.string().trim().min(1).max(300),
  phone: phoneSchema,
  /** When the consumer's app knows them (it scanned the product or the till's QR): must match. */
  productId: idSchema.optional(),
  terminalId: idSchema.optional(),
  /** The code texted to the phone (`…/otp`): the payout goes only to the phone's holder. */
  otp: z.string().regex(/^\d{6}$/, { message: 'validation.otp' }),
});

export const cashbackRedeemResponseSchema = z.object({
  code: z.string(),
  display: z.string(),
  rewardFen: z.number().int(),
  /** Masked: 138****5678. */
  phone: z.string(),
  redeemedAt: epochMsSchema,
  productId: idSchema,
  storeId: idSchema,
});

export const otpRequestSchema = z.object({ phone: phoneSchema });

export const otpResponseSchema = z.object({
  phone: z.string(),
  expiresAt: epochMsSchema,
  /** Another code may be asked for after this. */
  resendAfter: epochMsSchema,
});

export const historyRequestSchema = z.object({
  phone: phoneSchema,
  otp: z.string().regex(/^\d{6}$/, { message: 'validation.otp' }),
});

export const historyItemSchema = z.object({
  kind: z.enum(['coupon', 'cashback']),
  code: z.string(),
  display: z.string(),
  /** The discount (coupon) or the reward paid (cashback). */
  amountFen: z.number().int(),
  storeId: z.string().nullable(),
  at: epochMsSchema,
  via: z.enum(['store', 'cloud']),
});

export const historyResponseSchema = z.object({
  phone: z.string(),
  items: z.array(historyItemSchema),
});
