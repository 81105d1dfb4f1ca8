import { z } from 'zod';
import { RFM_SEGMENTS } from '../members/rfm';
import { idSchema } from '../validation';

// An audience (人群) is a set of rules over what customers did, kept as data so it can be
// counted live while it is edited, saved, and frozen into a campaign's recipient list at send
// time. Every rule narrows: a customer is in the audience when every rule that is set holds.

const days = z.number().int().min(1).max(3650);

/** Bought (or not) any of these products or any product of these categories within `days`. */
const purchaseRuleSchema = z.object({
  productIds: z.array(idSchema).max(200).default([]),
  categories: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  days: days.default(365),
});
export type PurchaseRule = z.infer<typeof purchaseRuleSchema>;

/** A GB/T 2260 province (xx0000) or city (xxxx00) code: the stores a customer uses are in it. */
const regionCodeSchema = z.string().regex(/^\d{6}$/, { message: 'validation.regionCode' });

export const audienceRulesSchema = z.object({
  /** RFM segments (高价值、流失风险、新客…): the customer is in any of them. */
  segments: z.array(z.enum(RFM_SEGMENTS)).max(RFM_SEGMENTS.length).default([]),
  /** Bought before, and not in the last N days. */
  lapsedDays: days.nullable().default(null),
  bought: purchaseRuleSchema.nullable().default(null),
  notBought: purchaseRuleSchema.nullable().default(null),
  regions: z.array(regionCodeSchema).max(50).default([]),
  /** Member levels; a customer who is no member has no level and is left out by this rule. */
  levelIds: z.array(idSchema).max(20).default([]),
  birthdayMonth: z.number().int().min(1).max(12).nullable().default(null),
  /** Holds a coupon that was issued or claimed to the phone, still valid and never used. */
  unusedCoupon: z.boolean().default(false),
});
export type AudienceRules = z.infer<typeof audienceRulesSchema>;

/** The segment a customer is counted in for the holdout's strata ('none': too little history). */
export const AUDIENCE_STRATA = [...RFM_SEGMENTS, 'none'] as const;
export type AudienceStratum = (typeof AUDIENCE_STRATA)[number];

/** Why an audience member gets no text (the message may be fine); shared with the SMS rules. */
export const EXCLUSION_REASONS = ['noConsent', 'suppressed', 'frequencyCap'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** True when no rule is set: the whole customer base (allowed, but the UI says so). */
export const isEveryone = (rules: AudienceRules) =>
  rules.segments.length === 0 &&
  rules.lapsedDays === null &&
  rules.bought === null &&
  rules.notBought === null &&
  rules.regions.length === 0 &&
  rules.levelIds.length === 0 &&
  rules.birthdayMonth === null &&
  !rules.unusedCoupon;

/** Whether a store in `districtCode` lies in one of the province / city `regions`. */
export function inRegions(districtCode: string | null, regions: readonly string[]): boolean {
  if (!districtCode) return false;
  return regions.some((code) =>
    code.endsWith('0000')
      ? districtCode.startsWith(code.slice(0, 2))
      : code.endsWith('00')
        ? districtCode.startsWith(code.slice(0, 4))
        : districtCode === code,
  );
}
