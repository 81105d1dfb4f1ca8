import { z } from 'zod';
import { epochMsSchema, idSchema, timeZoneSchema } from '../validation';
import { AUDIENCE_STRATA } from '../outreach/audience';

// Outreach between the desktop and the cloud. The desktop builds the audience, freezes the
// recipients and splits off the holdout; the cloud places the offer in each treated phone's
// wallet, applies China's SMS rules once more per recipient (consent, suppression, frequency
// cap, sending hours) and sends through its SMS provider, queued, throttled and idempotent per
// campaign and phone. Providers report receipts and replies; an unsubscribe reply suppresses the
// phone for the signature and reaches every PC as `sms.suppressed`.

const phoneSchema = z.string().regex(/^\+861\d{10}$/, { message: 'validation.phone' });

/** A campaign as the desktop hands it over (idempotent by id: a retry changes nothing). */
export const smsCampaignBodySchema = z.object({
  id: idSchema,
  /** 'marketing': the SMS rules apply; 'merchant': the shop's own staff (their own consent). */
  purpose: z.enum(['marketing', 'merchant']),
  name: z.string().trim().min(1).max(60),
  /** The merchant's 【签名】, without the brackets. */
  signature: z.string().trim().min(2).max(12),
  text: z.string().trim().min(1).max(500),
  /** A template whose coupon is placed in each treated phone's wallet before the text goes. */
  templateId: idSchema.nullable(),
  /** Not before this; outside 08:00–20:00 in `timeZone` the text waits for the next window. */
  sendAt: epochMsSchema,
  timeZone: timeZoneSchema,
  /** Marketing texts per phone in 30 days, this one included. */
  capPer30Days: z.number().int().min(1).max(60),
});
export type SmsCampaignBody = z.infer<typeof smsCampaignBodySchema>;

export const smsCampaignParamsSchema = z.object({ campaignId: idSchema });

/** The treated recipients, in pages (a page repeated is no second text). */
export const smsRecipientsBodySchema = z.object({
  recipients: z
    .array(z.object({ phone: phoneSchema, stratum: z.enum(AUDIENCE_STRATA) }))
    .min(1)
    .max(5_000),
});
export const smsRecipientsResponseSchema = z.object({ received: z.number().int() });

export const smsSkipReasonSchema = z.enum(['noConsent', 'suppressed', 'frequencyCap']);

/** Where a campaign stands in the cloud. */
export const smsCampaignStatusSchema = z.object({
  id: idSchema,
  state: z.enum(['receiving', 'sending', 'done']),
  recipients: z.number().int(),
  /** Waiting: queued, for the window or the throttle. */
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  skipped: z.record(smsSkipReasonSchema, z.number().int()),
  /** Offers placed in wallets. */
  placed: z.number().int(),
  /** Carrier parts handed to the provider (what the merchant pays for). */
  parts: z.number().int(),
  /** When the next queued text may go (the window), if any wait. */
  nextSendAt: epochMsSchema.nullable(),
  startedAt: epochMsSchema.nullable(),
  finishedAt: epochMsSchema.nullable(),
});
export type SmsCampaignStatus = z.infer<typeof smsCampaignStatusSchema>;

// ── What a provider calls (authenticated by its callback token) ─────────────────────────────

export const smsReceiptsBodySchema = z.object({
  receipts: z
    .array(
      z.object({
        /** The id the cloud gave the message when it handed it over. */
        messageId: idSchema,
        status: z.enum(['delivered', 'failed']),
        at: epochMsSchema.optional(),
        error: z.string().max(200).optional(),
      }),
    )
    .min(1)
    .max(1_000),
});
export const smsRepliesBodySchema = z.object({
  replies: z
    .array(
      z.object({
        phone: z.string().min(5).max(20),
        text: z.string().max(500),
        /** The message replied to, when the provider can tell; else the phone's latest. */
        messageId: idSchema.optional(),
        at: epochMsSchema.optional(),
      }),
    )
    .min(1)
    .max(1_000),
});
export const smsCallbackResponseSchema = z.object({
  accepted: z.number().int(),
  /** Ids or phones the cloud does not know (a provider retrying an old callback is fine). */
  unknown: z.number().int(),
  /** Replies that were unsubscribes and suppressed their phone. */
  suppressed: z.number().int().optional(),
});

/** The payload of `sms.suppressed`: the phone (by hash) gets no marketing under this signature. */
export const smsSuppressedSchema = z.object({
  phoneHash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string(),
  reason: z.enum(['reply', 'complaint']),
  at: epochMsSchema,
});
export type SmsSuppressed = z.infer<typeof smsSuppressedSchema>;
