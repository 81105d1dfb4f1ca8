import { z } from 'zod';
import { RFM_SEGMENTS } from '../members/rfm';
import { ALL_STAFF, MANAGERS, OWNER, method } from './define';
import { pointMovementSchema, pointsBalanceSchema } from './points';
import { phoneSchema } from './coupons';
import { moneyFenSchema } from '../bounds';
import { epochMsSchema, idSchema } from '../validation';

/** What a member may agree to, each on its own (PIPL): marketing texts, location, profiling. */
export const CONSENT_PURPOSES = ['marketingSms', 'location', 'profiling'] as const;
export const consentPurposeSchema = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;

/** Where a consent was given or withdrawn. */
export const consentSourceSchema = z.enum(['till', 'backOffice', 'wallet', 'import']);

export const genderSchema = z.enum(['male', 'female', 'unknown']);

/** MM-DD: the day of the birthday (the year is its own, optional field). */
export const birthdaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'validation.birthday' });

const textShownSchema = z.string().trim().min(1, { message: 'validation.required' }).max(1000);

export const consentInputSchema = z.object({
  purpose: consentPurposeSchema,
  granted: z.boolean(),
  /** The text the member was shown, kept with the answer. */
  textShown: textShownSchema,
});

export const consentSchema = z.object({
  purpose: consentPurposeSchema,
  granted: z.boolean(),
  source: z.string(),
  textShown: z.string(),
  at: epochMsSchema,
});

const tagsSchema = z.array(z.string().trim().min(1).max(20)).max(20);
const memberNameSchema = z.string().trim().max(40);

/** A member as lists show them: the phone masked (138****1234). */
export const memberSummarySchema = z.object({
  id: idSchema,
  phoneMasked: z.string(),
  name: z.string(),
  levelId: idSchema.nullable(),
  levelName: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: epochMsSchema,
});
export type MemberSummary = z.infer<typeof memberSummarySchema>;

/** How long a merge of two member records can be undone. */
export const MERGE_UNDO_DAYS = 30;

/** One side of a merge as a member page shows it: the other member, and until when it undoes. */
export const memberMergeLinkSchema = z.object({
  mergeId: idSchema,
  memberId: idSchema,
  phoneMasked: z.string(),
  name: z.string(),
  at: epochMsSchema,
  /** The merge can be undone until then (30 days), unless already undone. */
  undoUntil: epochMsSchema,
});
export type MemberMergeLink = z.infer<typeof memberMergeLinkSchema>;

export const memberMergeSchema = z.object({
  id: idSchema,
  keptId: idSchema,
  mergedId: idSchema,
  reason: z.string(),
  at: epochMsSchema,
  undoUntil: epochMsSchema,
  undoneAt: epochMsSchema.nullable(),
});

export const memberSchema = memberSummarySchema.extend({
  phone: z.string(),
  gender: genderSchema,
  birthday: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  storeId: idSchema.nullable(),
  note: z.string(),
  updatedAt: epochMsSchema,
  levelReviewAt: epochMsSchema.nullable(),
  /** Deleted at the member's request: what is left is pseudonymised. */
  deletedAt: epochMsSchema.nullable(),
  /** Merged into another member (the same person's other phone): that member now holds all. */
  mergedInto: memberMergeLinkSchema.nullable(),
  /** Members merged into this one and not undone (their phones find this member). */
  mergedIn: z.array(memberMergeLinkSchema),
  /** Paid (less refunds) over the last 12 months: what the level rests on. */
  qualifyingFen: z.number().int(),
  consents: z.array(consentSchema),
  consentLog: z.array(consentSchema),
  levelHistory: z.array(
    z.object({
      fromLevelName: z.string().nullable(),
      toLevelName: z.string().nullable(),
      reason: z.enum(['signUp', 'upgrade', 'downgrade', 'manual']),
      qualifyingFen: z.number().int(),
      at: epochMsSchema,
    }),
  ),
});
export type Member = z.infer<typeof memberSchema>;

/** What the till needs of a member found: who, points to spend, coupons held. */
export const tillMemberSchema = memberSummarySchema.extend({
  pointsAvailable: z.number().int(),
  /** Their points as money at the till (fen). */
  pointsValueFen: z.number().int(),
  /** Active, unexpired coupons on the member's phone. */
  couponCount: z.number().int(),
  /** The first of them (soonest expiring), for the till to apply with a click. */
  coupons: z.array(
    z.object({
      code: z.string(),
      display: z.string(),
      templateName: z.string(),
      validUntil: epochMsSchema,
    }),
  ),
});
export type TillMember = z.infer<typeof tillMemberSchema>;

export const levelSchema = z.object({
  id: idSchema,
  name: z.string(),
  thresholdFen: z.number().int(),
  multiplierPct: z.number().int(),
  /** The coupon template each member at this level is given once a month; null: none. */
  monthlyTemplateId: idSchema.nullable(),
});
export type MemberLevel = z.infer<typeof levelSchema>;

export const pointsExpirySchema = z.discriminatedUnion('kind', [
  /** End of the next calendar year after the earn (the store's zone): the common rule. */
  z.object({ kind: z.literal('endOfNextYear') }),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(3660) }),
  z.object({ kind: z.literal('never') }),
]);

export const memberSettingsSchema = z.object({
  /** Points per yuan paid (after coupons, points payments excluded). */
  earnPointsPerYuan: z.number().int().min(0).max(100),
  /** How many points are worth ¥1 at the till (100: 100 points = ¥1). */
  pointsPerYuan: z.number().int().min(1).max(10_000),
  /** Product categories that earn nothing (cigarettes, gift cards...). */
  excludedCategories: z.array(z.string().trim().min(1).max(40)).max(100),
  expiry: pointsExpirySchema,
  /**
   * Points one member may spend per day (0: no cap): bounds what two stores apart can both let
   * the same points pay before they sync.
   */
  dailyBurnCap: z.number().int().min(0).max(10_000_000).default(0),
  /** Days after the sale before the points may be spent (returns settle first). */
  pendingDays: z.number().int().min(0).max(90),
  welcomeTemplateId: idSchema.nullable(),
  birthdayTemplateId: idSchema.nullable(),
  /** The birthday coupon goes out this many days before the birthday. */
  birthdayDaysBefore: z.number().int().min(0).max(60),
  /** Coupons a member may take for points. */
  exchanges: z
    .array(z.object({ templateId: idSchema, points: z.number().int().min(1).max(10_000_000) }))
    .max(50),
  /** The text shown at sign-up for each purpose; kept with each answer. */
  consentTexts: z.object({
    marketingSms: textShownSchema,
    location: textShownSchema,
    profiling: textShownSchema,
  }),
});
export type MemberSettings = z.infer<typeof memberSettingsSchema>;

const memberFields = {
  name: memberNameSchema.optional(),
  gender: genderSchema.optional(),
  birthday: birthdaySchema.nullable().optional(),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  tags: tagsSchema.optional(),
  note: z.string().trim().max(500).optional(),
};

/** What a customer's purchases say: computed from the rollups, never from the raw sales. */
export const memberProfileSchema = z.object({
  /** Masked. */
  phone: z.string(),
  memberId: idSchema.nullable(),
  /** Local dates (YYYY-MM-DD); null: never bought with this phone. */
  firstPurchase: z.string().nullable(),
  lastPurchase: z.string().nullable(),
  visits: z.number().int(),
  /** Paid less refunded, all time. */
  spendFen: z.number().int(),
  averageTicketFen: z.number().int(),
  /** The last 12 months, oldest first, every month present. */
  months: z.array(
    z.object({ month: z.string(), visits: z.number().int(), spendFen: z.number().int() }),
  ),
  stores: z.array(
    z.object({
      storeId: z.string(),
      name: z.string(),
      visits: z.number().int(),
      spendFen: z.number().int(),
    }),
  ),
  /** '' : products without a category. */
  categories: z.array(
    z.object({ category: z.string(), qty: z.number().int(), spendFen: z.number().int() }),
  ),
  coupons: z.object({
    received: z.number().int(),
    redeemed: z.number().int(),
    /** Redeemed per thousand received; null when none were received. */
    usePermille: z.number().int().nullable(),
  }),
  /**
   * Whether the member agreed to profiling (PIPL): without it (and for a phone that never joined)
   * the purchase summary is shown but no scores or segment are made.
   */
  profilingConsent: z.boolean(),
  /**
   * Scored against the merchant's customers of the last 12 months; null: no consent to
   * profiling, or no purchase in those months.
   */
  rfm: z
    .object({
      recency: z.number().int().min(1).max(5),
      frequency: z.number().int().min(1).max(5),
      monetary: z.number().int().min(1).max(5),
      daysSinceLast: z.number().int(),
      segment: z.enum(RFM_SEGMENTS),
    })
    .nullable(),
  /** The local date the scores are as of. */
  asOf: z.string(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

export const membersMethods = {
  'members.create': method({
    summary:
      'Sign a member up by mainland mobile (at the till in seconds): optional name and birthday, consent per purpose with the text shown; the welcome coupon goes to the phone',
    input: z.object({
      phone: phoneSchema,
      ...memberFields,
      storeId: idSchema.optional(),
      consents: z.array(consentInputSchema).max(3).default([]),
      source: consentSourceSchema.default('till'),
    }),
    output: z.object({
      member: memberSchema,
      /** The welcome coupon's code, when the settings name one. */
      welcomeCode: z.string().nullable(),
    }),
    access: ALL_STAFF,
  }),
  'members.lookup': method({
    summary:
      'Find a member at the till by phone, by the last four digits (several may match) or by the member QR',
    input: z.union([
      z.object({ phone: phoneSchema }),
      z.object({ last4: z.string().regex(/^\d{4}$/, { message: 'validation.last4' }) }),
      z.object({ qr: z.string().trim().min(1).max(500) }),
    ]),
    output: z.object({ matches: z.array(tillMemberSchema) }),
    access: ALL_STAFF,
  }),
  'members.get': method({
    summary: 'One member with consents (and their log), level history and qualifying spend',
    input: z.object({ id: idSchema }),
    output: memberSchema,
    access: ALL_STAFF,
  }),
  'members.list': method({
    summary:
      'Members, newest first, by phone digits, name, pinyin initials, tag or level; phones masked',
    input: z.object({
      q: z.string().trim().max(40).optional(),
      tag: z.string().trim().max(20).optional(),
      levelId: idSchema.optional(),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      items: z.array(memberSummarySchema),
      nextBefore: idSchema.nullable(),
      total: z.number().int(),
    }),
    access: MANAGERS,
  }),
  'members.update': method({
    summary: 'Change a member’s name, gender, birthday, tags, note, phone or (by hand) level',
    input: z.object({
      id: idSchema,
      phone: phoneSchema.optional(),
      /** Set the level by hand (kept in the history as `manual`); null: no level. */
      levelId: idSchema.nullable().optional(),
      ...memberFields,
    }),
    output: memberSchema,
    access: MANAGERS,
  }),
  'members.setConsent': method({
    summary:
      'Give or withdraw one consent of a member, with the source and the text shown; every change is logged',
    input: z.object({
      memberId: idSchema,
      ...consentInputSchema.shape,
      source: consentSourceSchema,
    }),
    output: memberSchema,
    access: ALL_STAFF,
  }),
  'members.export': method({
    summary:
      'Everything kept about a member (PIPL access request): profile, consents and their log, levels, points lots and movements, purchases, coupons',
    input: z.object({ id: idSchema }),
    output: z.object({
      exportedAt: epochMsSchema,
      member: memberSchema,
      points: pointsBalanceSchema,
      movements: z.array(pointMovementSchema),
      purchases: z.array(
        z.object({
          saleId: idSchema,
          soldAt: epochMsSchema,
          storeName: z.string(),
          totalFen: z.number().int(),
          paidFen: z.number().int(),
          refundedFen: z.number().int(),
        }),
      ),
      coupons: z.array(
        z.object({
          display: z.string(),
          templateName: z.string(),
          status: z.string(),
          validUntil: epochMsSchema,
        }),
      ),
    }),
    access: MANAGERS,
  }),
  'members.profile': method({
    summary:
      'What a member (or a phone that bought without joining) buys: visits, spend, average ticket, the last 12 months, favourite stores and categories, coupon use and RFM scores (quintiles of the merchant’s customers) with a segment',
    input: z.union([z.object({ memberId: idSchema }), z.object({ phone: phoneSchema })]),
    output: memberProfileSchema,
    access: MANAGERS,
  }),
  'members.merge': method({
    summary:
      'Merge two member records of one person (two phones): the merged one’s points lots and qualifying spend go to the kept one, its phone finds the kept one from now on; the lineage is kept and the merge can be undone within 30 days',
    input: z.object({
      keepId: idSchema,
      mergeId: idSchema,
      reason: z.string().trim().max(200).default(''),
    }),
    output: z.object({
      merge: memberMergeSchema,
      /** Points still to spend that moved with the lots. */
      movedPoints: z.number().int(),
      /** Qualifying spend that moved (fen). */
      movedSpendFen: z.number().int(),
    }),
    access: MANAGERS,
  }),
  'members.unmerge': method({
    summary:
      'Undo a merge within 30 days: the merged member stands alone again with the lots and spend the merge moved (what the kept member earned or spent since stays with them)',
    input: z.object({ mergeId: idSchema }),
    output: z.object({ merge: memberMergeSchema, returnedPoints: z.number().int() }),
    access: MANAGERS,
  }),
  'members.delete': method({
    summary:
      'Delete a member at their request: name, phone, birthday, tags and note pseudonymised, their sales keep the money under a random id, points left are forfeited (the ledger stays balanced), the consent log is kept',
    input: z.object({ id: idSchema, reason: z.string().trim().max(200).default('') }),
    output: z.object({ id: idSchema, deletedAt: epochMsSchema, forfeitedPoints: z.number().int() }),
    access: OWNER,
  }),
  'levels.list': method({
    summary: 'The merchant’s member levels, lowest first',
    input: z.object({}).default({}),
    output: z.array(levelSchema),
    access: ALL_STAFF,
  }),
  'levels.save': method({
    summary:
      'Replace the member levels (lowest first; thresholds rising); a level members hold cannot be removed',
    input: z.object({
      levels: z
        .array(
          z.object({
            id: idSchema.optional(),
            name: z.string().trim().min(1, { message: 'validation.required' }).max(20),
            thresholdFen: moneyFenSchema,
            multiplierPct: z.number().int().min(0).max(1000),
            monthlyTemplateId: idSchema.nullable().default(null),
          }),
        )
        .max(10),
    }),
    output: z.array(levelSchema),
    access: MANAGERS,
  }),
  'memberSettings.get': method({
    summary:
      'The member settings: points earn and value, expiry, pending days, coupons, consent texts',
    input: z.object({}).default({}),
    output: memberSettingsSchema,
    access: ALL_STAFF,
  }),
  'memberSettings.save': method({
    summary: 'Change the member settings',
    input: memberSettingsSchema.partial(),
    output: memberSettingsSchema,
    access: MANAGERS,
  }),
} as const;
