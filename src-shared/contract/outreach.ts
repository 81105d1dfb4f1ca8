import { z } from 'zod';
import { AUDIENCE_STRATA, audienceRulesSchema, EXCLUSION_REASONS } from '../outreach/audience';
import { epochMsSchema, idSchema } from '../validation';
import { smsCampaignStatusSchema } from '../sync/outreach';
import { MANAGERS, method } from './define';

// Outreach (精准营销): audiences built from what customers did, campaigns of an offer placed in
// the wallet plus a text that China's SMS rules allow, a random holdout to measure the lift,
// and automations that run the same way every day. Sending needs the PC paired with the cloud.

const countsByStratum = z.record(z.enum(AUDIENCE_STRATA), z.number().int());
const exclusions = z.record(z.enum(EXCLUSION_REASONS), z.number().int());

export const audiencePreviewSchema = z.object({
  /** Customers the rules select. */
  total: z.number().int(),
  /** Of those, who may get a marketing text today. */
  reachable: z.number().int(),
  excluded: exclusions,
  byStratum: countsByStratum,
  /** A few of them, masked, for the manager to see who this is. */
  sample: z.array(
    z.object({
      phoneMasked: z.string(),
      name: z.string(),
      stratum: z.enum(AUDIENCE_STRATA),
      lastVisit: z.string().nullable(),
    }),
  ),
  /** The local day the segments and "days ago" are counted from. */
  asOf: z.string(),
});
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const audienceSchema = z.object({
  id: idSchema,
  name: z.string(),
  rules: audienceRulesSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type Audience = z.infer<typeof audienceSchema>;

export const CAMPAIGN_KINDS = ['manual', 'expiryReminder', 'birthday', 'winBack'] as const;
export const campaignKindSchema = z.enum(CAMPAIGN_KINDS);

export const campaignSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: campaignKindSchema,
  /** draft: recipients frozen, not sent; sending: handed to the cloud; sent: the cloud is done. */
  state: z.enum(['draft', 'sending', 'sent']),
  rules: audienceRulesSchema,
  templateId: idSchema.nullable(),
  templateName: z.string().nullable(),
  text: z.string(),
  holdoutPct: z.number().int(),
  /** The seed of the random holdout (with the recipients kept, the split can be recomputed). */
  seed: z.string(),
  /** Not before; null: as soon as sent (within the sending hours). */
  sendAt: epochMsSchema.nullable(),
  /** Days after sending that the results count. */
  resultDays: z.number().int(),
  recipients: z.object({
    audience: z.number().int(),
    treatment: z.number().int(),
    holdout: z.number().int(),
    excluded: exclusions,
  }),
  createdAt: epochMsSchema,
  sentAt: epochMsSchema.nullable(),
});
export type Campaign = z.infer<typeof campaignSchema>;

const textSchema = z.string().trim().min(1, { message: 'validation.required' }).max(500);

export const campaignCheckSchema = z.object({
  /** Nothing refused: the message breaks no rule and someone will get it. */
  ok: z.boolean(),
  message: z.object({
    rules: z.array(z.enum(['signatureMissing', 'unsubscribeMissing', 'variableLink', 'empty'])),
    units: z.number().int(),
    parts: z.number().int(),
    /** The signature and wallet link the rules were checked against. */
    signature: z.string(),
    walletLink: z.string().nullable(),
  }),
  recipients: z
    .object({ treatment: z.number().int(), holdout: z.number().int(), excluded: exclusions })
    .nullable(),
  /** When the texts will go: the time asked for, or the next 08:00 when it is outside hours. */
  window: z.object({ requestedAt: epochMsSchema, sendsAt: epochMsSchema, deferred: z.boolean() }),
  /** parts × treated recipients × the price per part (fen). */
  costFen: z.number().int().nullable(),
});
export type CampaignCheck = z.infer<typeof campaignCheckSchema>;

const armSchema = z.object({
  recipients: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  /** The campaign's coupon placed in the wallet / redeemed at a till. */
  placed: z.number().int(),
  redeemed: z.number().int(),
  /** Recipients who bought within the result window. */
  buyers: z.number().int(),
  revenueFen: z.number().int(),
  marginFen: z.number().int(),
});
const intervalSchema = z.object({ lift: z.number(), low: z.number(), high: z.number() }).nullable();

export const campaignResultsSchema = z.object({
  campaign: campaignSchema,
  /** The cloud's view of sending; null when it could not be reached (the rest is local). */
  sending: smsCampaignStatusSchema.nullable(),
  window: z.object({ from: epochMsSchema, until: epochMsSchema, complete: z.boolean() }),
  arms: z.object({ treatment: armSchema, holdout: armSchema }),
  lift: z.object({
    /** Share of recipients who bought (fraction of 1). */
    buyerRate: intervalSchema,
    revenuePerRecipientFen: intervalSchema,
    marginPerRecipientFen: intervalSchema,
  }),
  /** What the campaign cost the merchant: the texts' parts plus the discounts redeemed. */
  costFen: z.number().int(),
  smsCostFen: z.number().int(),
  discountFen: z.number().int(),
  /** Cost over the extra buyers the lift implies; null when there were none. */
  costPerExtraBuyerFen: z.number().int().nullable(),
  /**
   * Cost per redemption of the campaign's coupon: all of them are extra (the holdout got no
   * coupon to redeem). Null when none was redeemed.
   */
  costPerExtraRedemptionFen: z.number().int().nullable(),
});
export type CampaignResults = z.infer<typeof campaignResultsSchema>;

export const AUTOMATION_KINDS = ['expiryReminder', 'birthday', 'winBack'] as const;
export const automationSchema = z.object({
  kind: z.enum(AUTOMATION_KINDS),
  enabled: z.boolean(),
  /** The offer placed with the text (expiry reminders: none, the coupon is already there). */
  templateId: idSchema.nullable(),
  text: textSchema,
  /** expiryReminder: days before expiry; winBack: days without a visit; birthday: unused. */
  days: z.number().int().min(1).max(365),
  holdoutPct: z.number().int().min(0).max(50),
  /** The last local day it ran. */
  lastRunDay: z.string().nullable(),
});
export type Automation = z.infer<typeof automationSchema>;

export const outreachSettingsSchema = z.object({
  /** The merchant's 【签名】 as registered with the carriers, without brackets. */
  signature: z.string().trim().max(12),
  capPer30Days: z.number().int().min(1).max(60),
  pricePerPartFen: z.number().int().min(0).max(1_000),
  /** Staff phones that get the daily low-stock / slow-moving summary (their own consent). */
  summaryPhones: z.array(z.string().regex(/^\+861\d{10}$/)).max(10),
});
export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;

const campaignIdInput = z.object({ campaignId: idSchema });

export const outreachMethods = {
  'audiences.preview': method({
    summary:
      'Count the customers an audience’s rules select, who of them may be texted (consent, suppression, frequency cap), per segment, with a masked sample',
    input: z.object({ rules: audienceRulesSchema }),
    output: audiencePreviewSchema,
    access: MANAGERS,
  }),
  'audiences.save': method({
    summary: 'Save an audience (its rules, not its members: they are counted again when used)',
    input: z.object({
      id: idSchema.optional(),
      name: z.string().trim().min(1, { message: 'validation.required' }).max(40),
      rules: audienceRulesSchema,
    }),
    output: audienceSchema,
    access: MANAGERS,
  }),
  'audiences.list': method({
    summary: 'The saved audiences',
    input: z.object({}).default({}),
    output: z.object({ audiences: z.array(audienceSchema) }),
    access: MANAGERS,
  }),
  'campaigns.create': method({
    summary:
      'Create a campaign: its recipients are frozen from the audience now and split by a recorded seed into treatment and a stratified holdout',
    input: z.object({
      name: z.string().trim().min(1, { message: 'validation.required' }).max(60),
      rules: audienceRulesSchema,
      templateId: idSchema.nullable(),
      text: textSchema,
      holdoutPct: z.number().int().min(0).max(50).default(10),
      sendAt: epochMsSchema.nullable().default(null),
      resultDays: z.number().int().min(1).max(90).default(14),
    }),
    output: campaignSchema,
    access: MANAGERS,
  }),
  'campaigns.check': method({
    summary:
      'The SMS checker’s verdict on a text (and a campaign’s recipients): every broken rule named, length, parts, cost and when it will go',
    input: z.object({
      text: z.string().max(500),
      campaignId: idSchema.optional(),
      sendAt: epochMsSchema.nullable().default(null),
    }),
    output: campaignCheckSchema,
    access: MANAGERS,
  }),
  'campaigns.send': method({
    summary:
      'Send a draft campaign through the cloud (refused with CAMPAIGN_CHECK_FAILED naming each rule it breaks); a retry resumes and never texts a phone twice',
    input: campaignIdInput,
    output: campaignSchema,
    access: MANAGERS,
  }),
  'campaigns.list': method({
    summary: 'Campaigns, newest first',
    input: z.object({}).default({}),
    output: z.object({ campaigns: z.array(campaignSchema) }),
    access: MANAGERS,
  }),
  'campaigns.results': method({
    summary:
      'Per arm: sent, delivered, placed, redeemed, buyers, revenue and margin in the window; the lift with its 95 % interval and the cost per extra buyer',
    input: campaignIdInput,
    output: campaignResultsSchema,
    access: MANAGERS,
  }),
  'automations.list': method({
    summary: 'Expiry reminders, birthday greetings and win-back, each a daily campaign',
    input: z.object({}).default({}),
    output: z.object({ automations: z.array(automationSchema) }),
    access: MANAGERS,
  }),
  'automations.save': method({
    summary: 'Turn an automation on or off and set its offer, text and days (checked like a campaign)',
    input: automationSchema.omit({ lastRunDay: true }),
    output: automationSchema,
    access: MANAGERS,
  }),
  'outreach.settings': method({
    summary: 'The SMS signature, the frequency cap, the price per part and who gets the daily summary',
    input: z.object({}).default({}),
    output: outreachSettingsSchema,
    access: MANAGERS,
  }),
  'outreach.saveSettings': method({
    summary: 'Change the outreach settings',
    input: outreachSettingsSchema,
    output: outreachSettingsSchema,
    access: MANAGERS,
  }),
};
