import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { fenSchema } from './products';
import { normalizeMainlandMobile } from '../phone';
import { boundedDateSchema } from '../bounds';
import { printAfterIssueSchema } from './printing';
import { epochMsSchema, idSchema } from '../validation';

export const phoneSchema = z.string().transform((text, ctx) => {
  const phone = normalizeMainlandMobile(text);
  if (!phone) ctx.addIssue({ code: 'custom', message: 'validation.phone' });
  return phone ?? '';
});

const dateSchema = boundedDateSchema;
const permilleSchema = z
  .number()
  .int()
  .min(1, { message: 'validation.zhe' })
  .max(999, { message: 'validation.zhe' });
const positiveFen = fenSchema.refine((n) => n > 0, { message: 'validation.positive' });

/** The money rule of a template: what it takes off (see src-shared/coupons/pricing.ts). */
export const couponRuleSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('threshold'),
    thresholdFen: positiveFen,
    amountFen: positiveFen,
    repeat: z.boolean().default(false),
    capFen: positiveFen.nullable().default(null),
  }),
  z.object({
    type: z.literal('percent'),
    /** What the customer pays, per mille: 850 = 8.5折. */
    payPermille: permilleSchema,
    maxDiscountFen: positiveFen.nullable().default(null),
    minSpendFen: positiveFen.nullable().default(null),
  }),
  z.object({
    type: z.literal('voucher'),
    amountFen: positiveFen,
    minSpendFen: positiveFen.nullable().default(null),
  }),
  z.object({
    type: z.literal('item'),
    productId: idSchema,
    maxUnits: z.number().int().min(1).max(99).default(1),
    mode: z.enum(['free', 'price', 'percent']),
    priceFen: fenSchema.nullable().default(null),
    payPermille: permilleSchema.nullable().default(null),
  }),
  z.object({
    type: z.literal('gift'),
    thresholdFen: positiveFen,
    giftProductId: idSchema,
    giftQty: z.number().int().min(1).max(99).default(1),
  }),
  z.object({
    type: z.literal('cashback'),
    /** Paid out to the consumer's phone when the code is redeemed. */
    rewardFen: positiveFen,
  }),
]);
export type CouponRuleInput = z.input<typeof couponRuleSchema>;
export type TemplateRule = z.output<typeof couponRuleSchema>;
export type TemplateType = TemplateRule['type'];

export const scopeSchema = z.object({
  productIds: z.array(idSchema).max(500).default([]),
  categories: z.array(z.string().trim().min(1)).max(100).default([]),
});

export const validitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), startDate: dateSchema, endDate: dateSchema }),
  z.object({ kind: z.literal('relative'), days: z.number().int().min(1).max(3650) }),
]);

const optionalCount = z.number().int().min(1).nullable().default(null);

export const templateFieldsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(40, { message: 'validation.tooLong' }),
  description: z.string().trim().max(500).default(''),
  rule: couponRuleSchema,
  scope: scopeSchema.default({ productIds: [], categories: [] }),
  validity: validitySchema,
  /** Empty = every store. */
  storeIds: z.array(idSchema).default([]),
  perCustomerLimit: optionalCount,
  totalIssueLimit: optionalCount,
  budgetCount: optionalCount,
  budgetFen: positiveFen.nullable().default(null),
  stackable: z.boolean().default(false),
  share: z
    .object({
      mode: z.enum(['none', 'transfer', 'copy']),
      maxShares: z.number().int().min(1).max(100).nullable(),
      /** How many times a coupon may change hands (a copy of a copy is the second). */
      maxHops: z.number().int().min(1).max(5).default(2),
    })
    .default({ mode: 'none', maxShares: null, maxHops: 2 }),
  /** Spend-X-get-a-coupon at the till: a sale of at least this much earns one code. */
  issueOnSpendFen: positiveFen.nullable().default(null),
  codeFormat: z.enum(['numeric', 'base32']).default('numeric'),
});
export type TemplateFields = z.input<typeof templateFieldsSchema>;

export const templateStatusSchema = z.enum(['draft', 'active', 'paused', 'ended']);
export type TemplateStatus = z.infer<typeof templateStatusSchema>;

/** Why an edit of a template with issued codes was refused (TEMPLATE_CHANGE_REFUSED `reason`). */
export const TEMPLATE_CHANGE_REFUSALS = [
  'TYPE_CHANGED',
  'VALIDITY_KIND_CHANGED',
  'VALIDITY_SHRUNK',
  'STORES_NARROWED',
  'CUSTOMER_LIMIT_SHRUNK',
] as const;
export type TemplateChangeRefusal = (typeof TEMPLATE_CHANGE_REFUSALS)[number];

/** Where a template may go from each status: draft → active ⇄ paused → ended. */
export const TEMPLATE_STATUS_TRANSITIONS: Record<TemplateStatus, TemplateStatus[]> = {
  draft: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

export const templateSchema = templateFieldsSchema.extend({
  id: idSchema,
  type: z.enum(['threshold', 'percent', 'voucher', 'item', 'gift', 'cashback']),
  status: templateStatusSchema,
  version: z.number().int(),
  issuedCount: z.number().int(),
  redeemedCount: z.number().int(),
  redeemedFen: z.number().int(),
  /** Claimed by phones from this PC's issuance and store QRs (codes the cloud issued). */
  claimedCount: z.number().int(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});
export type CouponTemplate = z.infer<typeof templateSchema>;

export const issuedCodeSchema = z.object({
  code: z.string(),
  display: z.string(),
  /** Signed token for the QR: any till of the merchant can tell it is genuine offline. */
  qrPayload: z.string(),
  validFrom: epochMsSchema,
  validUntil: epochMsSchema,
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

export const batchSchema = z.object({
  id: idSchema,
  templateId: idSchema,
  templateName: z.string(),
  requested: z.number().int(),
  issued: z.number().int(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  error: z.string().nullable(),
  createdAt: epochMsSchema,
  finishedAt: epochMsSchema.nullable(),
});
export type CouponBatch = z.infer<typeof batchSchema>;

export const MAX_BATCH = 1_000_000;

export const couponsMethods = {
  'coupons.listTemplates': method({
    summary: 'Coupon templates with their counters (issued, redeemed, budget used)',
    input: z.object({ status: templateStatusSchema.optional(), type: z.string().optional() }),
    output: z.array(templateSchema),
    access: ALL_STAFF,
  }),
  'coupons.createTemplate': method({
    summary: 'Set up a coupon (满减, 折扣, 抵扣, 单品, 满赠, 返现); starts as a draft',
    input: templateFieldsSchema,
    output: templateSchema,
    access: MANAGERS,
  }),
  'coupons.updateTemplate': method({
    summary:
      'Edit a template; money-rule changes after codes were issued make a new version, changes that would hurt holders are refused',
    input: templateFieldsSchema.partial().extend({ id: idSchema }),
    output: templateSchema,
    access: MANAGERS,
  }),
  'coupons.setTemplateStatus': method({
    summary: 'draft → active ⇄ paused → ended',
    input: z.object({ id: idSchema, status: templateStatusSchema }),
    output: templateSchema,
    access: MANAGERS,
  }),
  'coupons.issue': method({
    summary: 'Issue codes of an active template, optionally to a customer phone',
    input: z.object({
      templateId: idSchema,
      count: z.number().int().min(1).max(10_000),
      phone: phoneSchema.optional(),
      /** Print a slip per code once they are issued (codes commit first; a failed print loses none). */
      print: printAfterIssueSchema,
    }),
    output: z.object({
      batchId: idSchema,
      codes: z.array(issuedCodeSchema),
      /** The print job, when printing was asked. */
      printJobId: idSchema.optional(),
    }),
    access: MANAGERS,
  }),
  'coupons.startBatch': method({
    summary: 'Issue up to a million codes in the background, with progress events; cancellable',
    input: z.object({ templateId: idSchema, count: z.number().int().min(1).max(MAX_BATCH) }),
    output: batchSchema,
    access: MANAGERS,
  }),
  'coupons.cancelBatch': method({
    summary: 'Stop a running batch; the codes already issued stay valid',
    input: z.object({ batchId: idSchema }),
    output: batchSchema,
    access: MANAGERS,
  }),
  'coupons.listBatches': method({
    summary: 'Issue batches, newest first',
    input: z.object({ templateId: idSchema.optional() }),
    output: z.array(batchSchema),
    access: MANAGERS,
  }),
  'coupons.exportBatch': method({
    summary: "Write a batch's codes (with their QR payloads) to CSV or XLSX in the exports folder",
    input: z.object({ batchId: idSchema, format: z.enum(['csv', 'xlsx']).default('csv') }),
    output: z.object({ fileName: z.string(), path: z.string(), rows: z.number().int() }),
    access: MANAGERS,
  }),
  'coupons.issueForSale': method({
    summary:
      'Spend-X-get-a-coupon at the till: codes earned by a sale of this total, ready to print',
    input: z.object({ saleTotalFen: fenSchema, phone: phoneSchema.optional() }),
    output: z.array(issuedCodeSchema.extend({ templateId: idSchema, templateName: z.string() })),
    access: [...ALL_STAFF, 'terminal'],
  }),
  'coupons.cancel': method({
    summary: 'Cancel an issued code (lost, misprinted): it can no longer be redeemed',
    input: z.object({
      code: z.string().min(1).max(200),
      reason: z.string().trim().min(1).max(200),
    }),
    output: z.object({ code: z.string(), status: z.literal('cancelled') }),
    access: MANAGERS,
  }),
} as const;

export const couponsEvents = {
  'coupons.templateChanged': event({
    payload: z.object({ templateId: idSchema }),
    access: ALL_STAFF,
  }),
  'coupons.batchProgress': event({
    payload: z.object({
      batchId: idSchema,
      task: z.enum(['issue', 'export']),
      done: z.number().int(),
      total: z.number().int(),
      status: z.enum(['running', 'done', 'cancelled', 'failed']),
    }),
    access: MANAGERS,
  }),
} as const;
