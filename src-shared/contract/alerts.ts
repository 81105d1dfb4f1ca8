import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { templateFieldsSchema } from './coupons';
import { epochMsSchema, idSchema } from '../validation';

export const ALERT_KINDS = ['low_stock', 'slow_moving', 'negative_stock'] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** new → acknowledged / snoozed (→ new again when the snooze ends) → resolved when the cause is gone. */
export const ALERT_STATUSES = ['new', 'acknowledged', 'snoozed', 'resolved'] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

const levelSchema = z
  .number()
  .int({ message: 'validation.qty' })
  .min(0, { message: 'validation.nonNegative' })
  .max(1_000_000);

/** What the thresholds say; each part may be left out (null). */
export const thresholdValuesSchema = z.object({
  /** Restock alert when the level is at or below this. */
  lowLevel: levelSchema.nullable(),
  /** Slow-moving when the level stays above this for `slowDays` days. */
  highLevel: levelSchema.nullable(),
  slowDays: z.number().int().min(1, { message: 'validation.positive' }).max(365).nullable(),
});

/** Per product and store, or a default for a category (in one store, or in all: storeId null). */
export const thresholdTargetSchema = z.union([
  z.object({ productId: idSchema, storeId: idSchema }),
  z.object({
    category: z.string().trim().min(1, { message: 'validation.required' }).max(30),
    storeId: idSchema.nullable(),
  }),
]);

export const thresholdSchema = thresholdValuesSchema.extend({
  id: idSchema,
  productId: idSchema.nullable(),
  productName: z.string().nullable(),
  sku: z.string().nullable(),
  category: z.string().nullable(),
  storeId: idSchema.nullable(),
  storeName: z.string().nullable(),
  updatedAt: epochMsSchema,
});
export type Threshold = z.infer<typeof thresholdSchema>;

/** A restock suggestion: enough for the lead time plus the cover days at the recent pace. */
export const restockSuggestionSchema = z.object({
  qty: z.number().int(),
  avgDailySales: z.number(),
  windowDays: z.number().int(),
  leadTimeDays: z.number().int(),
  coverDays: z.number().int(),
});

/** A discount suggestion, with ready coupon templates (coupons.createTemplate input). */
export const discountSuggestionSchema = z.object({
  /** What the customer pays, per mille (850 = 8.5折). */
  payPermille: z.number().int(),
  /** The same discount as an amount off one unit (单品 coupon at this price). */
  unitPriceFen: z.number().int(),
  discountedPriceFen: z.number().int(),
  /** A 单品 coupon for this product at the discounted price. */
  itemTemplate: templateFieldsSchema,
  /** A 折扣 coupon scoped to this product. */
  percentTemplate: templateFieldsSchema,
});

export const alertSchema = z.object({
  id: idSchema,
  kind: alertKindSchema,
  status: alertStatusSchema,
  storeId: idSchema,
  storeName: z.string(),
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  category: z.string(),
  /** The level now (as of the last evaluation). */
  qty: z.number().int(),
  lowLevel: z.number().int().nullable(),
  highLevel: z.number().int().nullable(),
  slowDays: z.number().int().nullable(),
  aboveHighSince: epochMsSchema.nullable(),
  /** A low-stock alert: restocking costs more soon, so the price may rise. */
  priceMayRise: z.boolean(),
  restock: restockSuggestionSchema.nullable(),
  discount: discountSuggestionSchema.nullable(),
  snoozedUntil: epochMsSchema.nullable(),
  /** The coupon template made from this alert, if any. */
  couponTemplateId: idSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
  raisedAt: epochMsSchema,
  updatedAt: epochMsSchema,
  resolvedAt: epochMsSchema.nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertCountsSchema = z.object({
  new: z.number().int(),
  acknowledged: z.number().int(),
  snoozed: z.number().int(),
  byKind: z.object({
    low_stock: z.number().int(),
    slow_moving: z.number().int(),
    negative_stock: z.number().int(),
  }),
});

export const strategyItemSchema = z.object({
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  category: z.string(),
  priceFen: z.number().int(),
  qty: z.number().int(),
  since: epochMsSchema,
  alertId: idSchema,
  /** Shown to consumers since (the wallet's promotions); null: not published. */
  publishedAt: epochMsSchema.nullable(),
});

export const STRATEGY_KINDS = ['discounted', 'priceMayRise'] as const;
export const strategyKindSchema = z.enum(STRATEGY_KINDS);
export type StrategyKind = z.infer<typeof strategyKindSchema>;
const strategyTargetSchema = z.object({
  storeId: idSchema,
  productId: idSchema,
  kind: strategyKindSchema,
});

/** A product a previewed rule would flag, with what it holds now. */
const previewItemSchema = z.object({
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  qty: z.number().int(),
});

export const alertsMethods = {
  'alerts.list': method({
    summary: 'Stock alerts (low stock, slow-moving, negative), open ones first, newest first',
    input: z.object({
      storeId: idSchema.optional(),
      kind: alertKindSchema.optional(),
      /** Default: every status but resolved. */
      statuses: z.array(alertStatusSchema).min(1).optional(),
      productId: idSchema.optional(),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(alertSchema), nextBefore: idSchema.nullable() }),
    access: ALL_STAFF,
  }),
  'alerts.counts': method({
    summary: 'How many alerts are open, for the badge in the navigation',
    input: z.object({ storeId: idSchema.optional() }),
    output: alertCountsSchema,
    access: ALL_STAFF,
  }),
  'alerts.acknowledge': method({
    summary: 'Mark an alert as seen (optionally naming the coupon template made from it)',
    input: z.object({ id: idSchema, couponTemplateId: idSchema.optional() }),
    output: alertSchema,
    access: MANAGERS,
  }),
  'alerts.snooze': method({
    summary: 'Hide an alert for some days; it comes back as new if its cause is still there',
    input: z.object({ id: idSchema, days: z.number().int().min(1).max(90) }),
    output: alertSchema,
    access: MANAGERS,
  }),
  'alerts.evaluate': method({
    summary:
      'The daily pass: check every product in every store (or one store) against its thresholds',
    input: z.object({ storeId: idSchema.optional() }),
    output: z.object({
      checked: z.number().int(),
      raised: z.number().int(),
      resolved: z.number().int(),
      open: z.number().int(),
      durationMs: z.number(),
    }),
    access: MANAGERS,
  }),
  'alerts.thresholds': method({
    summary: 'Thresholds set per product and store, and the category defaults',
    input: z.object({
      storeId: idSchema.optional(),
      productId: idSchema.optional(),
      category: z.string().trim().max(30).optional(),
    }),
    output: z.array(thresholdSchema),
    access: ALL_STAFF,
  }),
  'alerts.setThresholds': method({
    summary:
      'Set the low level, high level and slow-moving days for a product in a store or a category default; all null removes them',
    input: thresholdValuesSchema.extend({ target: thresholdTargetSchema }),
    output: z.object({ threshold: thresholdSchema.nullable() }),
    access: MANAGERS,
  }),
  'alerts.previewRules': method({
    summary:
      'Which products of a store (one product, a category, or all) the given low level and slow-moving rule would flag now, and when the slow-moving ones would be flagged if nothing sells',
    input: thresholdValuesSchema.extend({
      storeId: idSchema,
      /** One product, or a category's products without thresholds of their own; else every product. */
      productId: idSchema.optional(),
      category: z.string().trim().max(30).optional(),
    }),
    output: z.object({
      /** Products the rule applies to. */
      products: z.number().int(),
      /** Whole days since the store's first stock movement (0: none yet, or today). */
      historyDays: z.number().int(),
      /** Below the low level now: a restock alert. */
      low: z.array(previewItemSchema.extend({ lowLevel: z.number().int() })),
      /**
       * Above the high level now: slow-moving once it has been so for the days (flagged now, or
       * from `flaggedFrom` if nothing sells before then).
       */
      aboveHigh: z.array(
        previewItemSchema.extend({
          aboveHighSince: epochMsSchema,
          flaggedFrom: epochMsSchema.nullable(),
          slowNow: z.boolean(),
        }),
      ),
    }),
    access: MANAGERS,
  }),
  'strategies.list': method({
    summary:
      "A store's advice: items to discount (slow-moving) and items whose price may rise (low stock)",
    input: z.object({ storeId: idSchema }),
    output: z.object({
      storeId: idSchema,
      discounted: z.array(
        strategyItemSchema.extend({
          payPermille: z.number().int(),
          discountedPriceFen: z.number().int(),
          couponTemplateId: idSchema.nullable(),
        }),
      ),
      priceMayRise: z.array(strategyItemSchema.extend({ lowLevel: z.number().int() })),
    }),
    access: MANAGERS,
  }),
  'strategies.publish': method({
    summary:
      'Show one item of a store’s advice to consumers (on discount, or price may rise): the cloud lists it in the merchant’s promotions until it is withdrawn or its alert is resolved',
    input: strategyTargetSchema,
    output: z.object({ publishedAt: epochMsSchema }),
    access: MANAGERS,
  }),
  'strategies.unpublish': method({
    summary: 'Stop showing an item of a store’s advice to consumers',
    input: strategyTargetSchema,
    output: z.object({ withdrawn: z.boolean() }),
    access: MANAGERS,
  }),
} as const;

export const alertsEvents = {
  'alerts.changed': event({
    payload: z.object({
      /** Alerts that just became new (for a desktop notification). */
      raised: z.array(
        z.object({
          id: idSchema,
          kind: alertKindSchema,
          storeName: z.string(),
          productName: z.string(),
        }),
      ),
      resolved: z.number().int(),
    }),
    access: ALL_STAFF,
  }),
} as const;
