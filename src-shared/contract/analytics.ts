import { z } from 'zod';
import { MANAGERS, event, method } from './define';
import { phoneSchema } from './coupons';
import { INSIGHT_RULE, MAX_RANGE_DAYS, PERIOD_GRAINS, daysBetween } from '../analytics/rules';
import { boundedDateSchema } from '../bounds';
import { epochMsSchema, idSchema } from '../validation';

// Every chart reads the daily rollup tables, never the raw sales and redemptions. Days are local
// dates of each store's own time zone ('YYYY-MM-DD'); a range is inclusive at both ends.

export const localDateSchema = boundedDateSchema;

/** The filters every chart takes: a date range, stores (empty = all) and optionally one product. */
const rangeAndStores = {
  from: localDateSchema,
  to: localDateSchema,
  storeIds: z.array(idSchema).max(200).default([]),
};
export const analyticsFilterFields = { ...rangeAndStores, productId: idSchema.optional() };

type RangeInput = { from: string; to: string };
/** The range must run forwards and stay within MAX_RANGE_DAYS. */
export const withValidRange = <T extends z.ZodType<RangeInput>>(schema: T) =>
  schema
    .refine((v) => v.from <= v.to, { message: 'validation.endBeforeStart', path: ['to'] })
    .refine((v) => daysBetween(v.from, v.to) < MAX_RANGE_DAYS, {
      message: 'validation.rangeTooLong',
      path: ['to'],
    });

/** Which redemptions count: coupons redeemed at a till, cashback codes paid out, or both. */
export const REDEMPTION_KINDS = ['coupon', 'cashback'] as const;
export const redemptionKindSchema = z.enum(REDEMPTION_KINDS);
export type RedemptionKind = z.infer<typeof redemptionKindSchema>;
const kindsField = z.array(redemptionKindSchema).min(1).default(['coupon', 'cashback']);

export const regionLevelSchema = z.enum(['province', 'city']);
const provinceCodeSchema = z.string().regex(/^\d{6}$/, { message: 'validation.region' });

/** A daily line and its running total over the asked range (one number per date). */
export const seriesSchema = z.object({
  /** Region code, product id, store id … or 'all'. */
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  daily: z.array(z.number().int()),
  cumulative: z.array(z.number().int()),
});
export type Series = z.infer<typeof seriesSchema>;

export const regionShareSchema = z.object({
  /** GB/T 2260 six-digit code of the province or city. */
  code: z.string(),
  name: z.string(),
  count: z.number().int(),
  /** 0..1, four decimals. */
  share: z.number(),
});
export type RegionShare = z.infer<typeof regionShareSchema>;

export const storePointSchema = z.object({
  /** 'YYYY-MM-DD' (a day, or the Monday of a week) or 'YYYY-MM'. */
  period: z.string(),
  /** Sales total after coupons, less refunds (a return counts on the day it was taken back). */
  revenueFen: z.number().int(),
  transactions: z.number().int(),
  /** Sales total after coupons ÷ transactions, before refunds; 0 without sales. */
  avgTicketFen: z.number().int(),
  /**
   * Of the sales with a customer phone, the share made by a customer who had bought in this store
   * before (on an earlier sale): a returning-customer rate that adds up over any period. Null
   * when no sale in the period had a phone.
   */
  repeatRate: z.number().nullable(),
  /** Sales with a customer phone (the base of repeatRate). */
  identifiedSales: z.number().int(),
});
export type StorePoint = z.infer<typeof storePointSchema>;

export const cashierRowSchema = z.object({
  staffId: idSchema,
  name: z.string(),
  role: z.string(),
  sales: z.number().int(),
  salesFen: z.number().int(),
  redemptions: z.number().int(),
  discountFen: z.number().int(),
  cashbackPayouts: z.number().int(),
  /** Redemptions this cashier took that were later voided (counted on the void's day). */
  voids: z.number().int(),
});

export const couponEffectRowSchema = z.object({
  templateId: idSchema,
  name: z.string(),
  type: z.string(),
  /** Codes issued in the range (cashback: codes printed). */
  issued: z.number().int(),
  /** Of `issued`, the codes phones claimed from an issuance QR or a store's QR poster. */
  claimed: z.number().int(),
  /** Redemptions in the range, voided ones excluded. */
  redeemed: z.number().int(),
  /** redeemed ÷ issued in the same range; null when none were issued in it. */
  redemptionRate: z.number().nullable(),
  /** What the redemptions cost the merchant: discounts given, or cashback paid out. */
  costFen: z.number().int(),
  /** Revenue of the orders the redemptions were on (after all discounts). */
  orderRevenueFen: z.number().int(),
  voided: z.number().int(),
});

export const INSIGHT_KINDS = ['store', 'product'] as const;
export const SUGGESTION_KEYS = [
  'storeDeclineCopyCoupon',
  'storeDeclineCheck',
  'productDeclineDiscount',
  'productDeclineCheck',
  'bestStoreShare',
  'bestProductStock',
] as const;

export const insightSchema = z.object({
  kind: z.enum(INSIGHT_KINDS),
  storeId: idSchema,
  storeName: z.string(),
  productId: idSchema.nullable(),
  productName: z.string().nullable(),
  recentFen: z.number().int(),
  /** Mean week of the baseline (same weekdays, previous weeks). */
  baselineFen: z.number().int(),
  /** (recent − baseline) ÷ baseline: −0.25 is a quarter lower. */
  change: z.number(),
  recentTransactions: z.number().int(),
  /** Plain-language advice: a key under `insights.` in the shared texts, with its parameters. */
  suggestion: z.object({
    key: z.enum(SUGGESTION_KEYS),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  /** A coupon template worth reusing, when the suggestion names one. */
  templateId: idSchema.nullable(),
});
export type Insight = z.infer<typeof insightSchema>;

export const rebuildJobSchema = z.object({
  id: idSchema,
  task: z.enum(['rebuild', 'demo']),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  startedAt: epochMsSchema,
  finishedAt: epochMsSchema.nullable(),
});
export type AnalyticsJob = z.infer<typeof rebuildJobSchema>;

const storeFilterOnly = z.object({ storeIds: analyticsFilterFields.storeIds });

export const analyticsInputs = {
  redemptionsByRegion: withValidRange(
    z.object({
      ...analyticsFilterFields,
      kinds: kindsField,
      level: regionLevelSchema,
      /** Only cities of this province (level 'city'). */
      provinceCode: provinceCodeSchema.optional(),
    }),
  ),
  redemptionsDaily: withValidRange(
    z.object({
      ...analyticsFilterFields,
      kinds: kindsField,
      /** 'none': one line for everything; otherwise one line per region (top `limit` by count). */
      groupBy: z.enum(['none', 'province', 'city']).default('none'),
      provinceCode: provinceCodeSchema.optional(),
      limit: z.number().int().min(1).max(50).default(10),
    }),
  ),
  consumer: withValidRange(
    z.object({ ...analyticsFilterFields, phone: phoneSchema, kinds: kindsField }),
  ),
  topConsumers: withValidRange(
    z.object({
      ...analyticsFilterFields,
      kinds: kindsField,
      limit: z.number().int().min(1).max(200).default(20),
    }),
  ),
  storeTrend: withValidRange(
    z.object({ ...analyticsFilterFields, grain: z.enum(PERIOD_GRAINS).default('day') }),
  ),
  products: withValidRange(
    z.object({ ...analyticsFilterFields, limit: z.number().int().min(1).max(500).default(20) }),
  ),
  // Cashiers and coupons are judged on whole orders: no product filter.
  cashiers: withValidRange(z.object(rangeAndStores)),
  couponEffect: withValidRange(z.object({ ...rangeAndStores, templateId: idSchema.optional() })),
  insights: storeFilterOnly.extend({
    /** The last day of the recent week; default yesterday (today is not over yet). */
    asOf: localDateSchema.optional(),
    productId: idSchema.optional(),
  }),
} as const;

const consumerRowSchema = z.object({
  phone: z.string(),
  /** 138****1234 */
  masked: z.string(),
  count: z.number().int(),
  rewardFen: z.number().int(),
  products: z.number().int(),
  firstDay: z.string(),
  lastDay: z.string(),
});

export const analyticsMethods = {
  'analytics.status': method({
    summary:
      'Whether there is anything to chart (the empty dashboard offers demo data), the days covered, and a running rollup job',
    input: z.object({}),
    output: z.object({
      hasData: z.boolean(),
      firstDay: z.string().nullable(),
      lastDay: z.string().nullable(),
      /** Today in the first store's zone: the default end of a range. */
      today: z.string(),
      job: rebuildJobSchema.nullable(),
    }),
    access: MANAGERS,
  }),
  'analytics.redemptionsByRegion': method({
    summary:
      'Share of redemptions (coupons and cashback codes) by province, or by city within a province; all products or one',
    input: analyticsInputs.redemptionsByRegion,
    output: z.object({ total: z.number().int(), rows: z.array(regionShareSchema) }),
    access: MANAGERS,
  }),
  'analytics.redemptionsDaily': method({
    summary:
      'Daily and cumulative redemption counts over a range: one line, or one per province / city',
    input: analyticsInputs.redemptionsDaily,
    output: z.object({ days: z.array(z.string()), series: z.array(seriesSchema) }),
    access: MANAGERS,
  }),
  'analytics.consumer': method({
    summary: "One consumer's (phone) redemptions by day, cumulative, and per product",
    input: analyticsInputs.consumer,
    output: z.object({
      phone: z.string(),
      masked: z.string(),
      rewardFen: z.number().int(),
      days: z.array(z.string()),
      total: seriesSchema,
      products: z.array(seriesSchema),
    }),
    access: MANAGERS,
  }),
  'analytics.topConsumers': method({
    summary: 'Consumers (phones) with the most redemptions in a range, to pick one to chart',
    input: analyticsInputs.topConsumers,
    output: z.array(consumerRowSchema),
    access: MANAGERS,
  }),
  'analytics.storeTrend': method({
    summary:
      'Per store and day / week / month: revenue, transactions, average ticket, repeat-purchase rate',
    input: analyticsInputs.storeTrend,
    output: z.object({
      periods: z.array(z.string()),
      stores: z.array(
        z.object({
          storeId: idSchema,
          storeName: z.string(),
          points: z.array(storePointSchema),
          total: storePointSchema.omit({ period: true }),
        }),
      ),
    }),
    access: MANAGERS,
  }),
  'analytics.products': method({
    summary: 'Best-selling products in a range: revenue, quantity, returns, redemptions',
    input: analyticsInputs.products,
    output: z.array(
      z.object({
        productId: idSchema,
        sku: z.string(),
        name: z.string(),
        revenueFen: z.number().int(),
        qty: z.number().int(),
        returnedQty: z.number().int(),
        transactions: z.number().int(),
        redemptions: z.number().int(),
      }),
    ),
    access: MANAGERS,
  }),
  'analytics.cashiers': method({
    summary: 'Cashier performance: sales, redemptions, cashback payouts and voids per staff member',
    input: analyticsInputs.cashiers,
    output: z.array(cashierRowSchema),
    access: MANAGERS,
  }),
  'analytics.couponEffect': method({
    summary:
      'Coupon effect per template: issued (of them claimed by phone), redeemed, redemption rate, discount cost, revenue of orders that used it',
    input: analyticsInputs.couponEffect,
    output: z.array(couponEffectRowSchema),
    access: MANAGERS,
  }),
  'analytics.insights': method({
    summary: `Declining and best stores and products, with advice: last ${INSIGHT_RULE.recentDays} days vs the mean of the same weekdays in the ${INSIGHT_RULE.baselineWeeks} weeks before, minimum volume, drop >= ${INSIGHT_RULE.dropRatio * 100} %`,
    input: analyticsInputs.insights,
    output: z.object({
      asOf: z.string(),
      recentFrom: z.string(),
      baselineFrom: z.string(),
      rule: z.object({
        recentDays: z.number().int(),
        baselineWeeks: z.number().int(),
        dropRatio: z.number(),
        riseRatio: z.number(),
        minStoreWeeklyFen: z.number().int(),
        minProductWeeklyFen: z.number().int(),
        minWeeklyTransactions: z.number().int(),
      }),
      declines: z.array(insightSchema),
      best: z.array(insightSchema),
    }),
    access: MANAGERS,
  }),
  'analytics.rebuildRollups': method({
    summary:
      'Rebuild every rollup table from the raw sales and redemptions in a worker (progress events); the new tables replace the old at once',
    input: z.object({}),
    output: rebuildJobSchema,
    access: MANAGERS,
  }),
} as const;

export const analyticsEvents = {
  'analytics.jobProgress': event({ payload: rebuildJobSchema, access: MANAGERS }),
} as const;
