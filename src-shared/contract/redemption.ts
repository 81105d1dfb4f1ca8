import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { fenSchema, productRefSchema } from './products';
import { phoneSchema } from './coupons';
import { epochMsSchema, idSchema, pinSchema } from '../validation';
import { instantSchema, pricedLinesSchema, quantitySchema } from '../bounds';

/** Quick mode: the subtotal only. Full mode: lines by product id, SKU or barcode. */
export const orderSchema = z.union([
  z.object({ subtotalFen: fenSchema, customerPhone: phoneSchema.optional() }),
  z.object({
    lines: pricedLinesSchema(
      z.intersection(
        productRefSchema,
        z.object({
          qty: quantitySchema.max(9999, { message: 'validation.qty' }),
          unitPriceFen: fenSchema.optional(),
        }),
      ),
      200,
    ),
    customerPhone: phoneSchema.optional(),
  }),
]);
export type OrderInput = z.input<typeof orderSchema>;

/** Why a code cannot be used (stable strings: the UI, terminals and reports match on them). */
export const REFUSAL_REASONS = [
  'NOT_FOUND',
  'BAD_CHECK',
  'FORGED',
  'NOT_YET_VALID',
  'EXPIRED',
  'ALREADY_REDEEMED',
  'VOIDED',
  'TRANSFERRED',
  'STORE_NOT_ELIGIBLE',
  'MIN_SPEND_NOT_MET',
  'ITEM_NOT_IN_ORDER',
  'CUSTOMER_LIMIT_REACHED',
  'BUDGET_EXHAUSTED',
  'TEMPLATE_PAUSED',
  'NOT_STACKABLE',
  'COOLING_DOWN',
  'OFFLINE_LIMIT_REACHED',
] as const;
export const refusalReasonSchema = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const pricedLineSchema = z.object({
  productId: idSchema.nullable(),
  name: z.string().nullable(),
  qty: z.number().int(),
  unitPriceFen: z.number().int(),
  discountFen: z.number().int(),
});

export const verdictSchema = z.object({
  valid: z.boolean(),
  reason: refusalReasonSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  code: z.string().nullable(),
  display: z.string().nullable(),
  template: z
    .object({
      id: idSchema,
      name: z.string(),
      type: z.string(),
      stackable: z.boolean(),
      version: z.number().int(),
    })
    .nullable(),
  validUntil: epochMsSchema.nullable(),
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  payableFen: z.number().int(),
  /** Step of this coupon in the order of application, when several are used. */
  step: z.number().int().nullable(),
  lines: z.array(pricedLineSchema),
  gift: z.object({ productId: idSchema, name: z.string(), qty: z.number().int() }).nullable(),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const redemptionSchema = z.object({
  id: idSchema,
  code: z.string(),
  display: z.string(),
  templateId: idSchema,
  templateName: z.string(),
  storeId: idSchema,
  storeName: z.string(),
  terminalId: idSchema.nullable(),
  terminalCode: z.string().nullable(),
  staffId: idSchema.nullable(),
  staffName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  gift: z.object({ productId: idSchema, qty: z.number().int() }).nullable(),
  status: z.enum(['completed', 'voided']),
  createdAt: epochMsSchema,
  voidedAt: epochMsSchema.nullable(),
  voidedByName: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Until when a manager may still void it (null once voided); the till offers 撤销 only until then. */
  voidableUntil: epochMsSchema.nullable(),
});
export type Redemption = z.infer<typeof redemptionSchema>;

const codeInput = z.string().trim().min(1, { message: 'validation.required' }).max(300);

/** The most codes one best-combination call weighs: all of them up to 10, a bounded search above. */
export const BEST_COMBINATION_MAX_CODES = 30;

/** The set of a customer's codes that leaves the least to pay on an order (自动选最优券). */
export const bestCombinationSchema = z.object({
  /** The chosen codes as they were given, in the order they apply; empty when none fits. */
  codes: z.array(z.string()),
  coupons: z.array(
    z.object({
      input: z.string(),
      code: z.string(),
      display: z.string(),
      templateName: z.string(),
      type: z.string(),
      stackable: z.boolean(),
      discountFen: z.number().int(),
      step: z.number().int(),
      gift: z.object({ productId: idSchema, name: z.string(), qty: z.number().int() }).nullable(),
    }),
  ),
  /** The codes left out: why (a refusal), or null when the chosen set simply takes more off. */
  left: z.array(
    z.object({
      input: z.string(),
      display: z.string().nullable(),
      reason: refusalReasonSchema.nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  payableFen: z.number().int(),
  /** False when there were more than 10 usable codes and a bounded search chose among them. */
  exhaustive: z.boolean(),
});
export type BestCombination = z.infer<typeof bestCombinationSchema>;

export const redemptionMethods = {
  'redemption.verify': method({
    summary:
      'Check a typed code or scanned QR against an order: the reason it cannot be used, or the discount',
    input: z.object({
      code: codeInput,
      order: orderSchema,
      /** Other coupons already on this order (they decide stacking and what is left). */
      withCodes: z.array(codeInput).max(10).default([]),
      storeId: idSchema.optional(),
    }),
    output: verdictSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'redemption.bestCombination': method({
    summary:
      'The codes a customer holds, weighed together: the legal set with the lowest payable on this order (自动选最优券)',
    input: z.object({
      codes: z.array(codeInput).min(1).max(BEST_COMBINATION_MAX_CODES),
      order: orderSchema,
      storeId: idSchema.optional(),
    }),
    output: bestCombinationSchema,
    access: [...ALL_STAFF, 'terminal'],
  }),
  'redemption.redeem': method({
    summary: 'Redeem once: atomic and idempotent (the same key answers the same result)',
    input: z.object({
      code: codeInput,
      order: orderSchema,
      withCodes: z.array(codeInput).max(10).default([]),
      idempotencyKey: z.string().trim().min(8).max(100),
      storeId: idSchema.optional(),
    }),
    output: z.object({
      redemption: redemptionSchema,
      verdict: verdictSchema,
      replayed: z.boolean(),
      /**
       * Who decided: `cloud` (a paired till asked first and the cloud answered) or `offline`
       * (this till alone: not paired, or the cloud did not answer in time; the push settles it).
       */
      decidedBy: z.enum(['cloud', 'offline']),
    }),
    access: [...ALL_STAFF, 'terminal'],
  }),
  'redemption.void': method({
    summary: 'Undo a redemption within the void window, with a manager PIN and a reason',
    input: z.object({
      redemptionId: idSchema,
      managerId: idSchema,
      managerPin: pinSchema,
      reason: z.string().trim().min(1, { message: 'validation.required' }).max(200),
    }),
    output: redemptionSchema,
    access: ALL_STAFF,
  }),
  'redemption.list': method({
    summary: 'Redemption history with filters, newest first',
    input: z.object({
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      storeId: idSchema.optional(),
      staffId: idSchema.optional(),
      templateId: idSchema.optional(),
      status: z.enum(['completed', 'voided']).optional(),
      code: z.string().trim().max(300).optional(),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({
      items: z.array(redemptionSchema),
      nextBefore: idSchema.nullable(),
      /** The shop's void window, for the page to say it. */
      voidWindowMinutes: z.number().int(),
    }),
    access: MANAGERS,
  }),
} as const;

export const redemptionEvents = {
  'redemption.changed': event({
    payload: z.object({ redemptionId: idSchema, status: z.enum(['completed', 'voided']) }),
    access: ALL_STAFF,
  }),
} as const;
