import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { fenSchema, productRefSchema } from './products';
import { phoneSchema } from './coupons';
import { qtySchema } from './stock';
import { epochMsSchema, idSchema } from '../validation';

const couponCodeSchema = z.string().trim().min(1, { message: 'validation.required' }).max(300);

export const saleLineInputSchema = z.intersection(
  productRefSchema,
  z.object({ qty: qtySchema, unitPriceFen: fenSchema }),
);

export const saleLineSchema = z.object({
  id: idSchema,
  productId: idSchema,
  sku: z.string(),
  name: z.string(),
  qty: z.number().int(),
  unitPriceFen: z.number().int(),
  /** qty × unit price, before coupons. */
  amountFen: z.number().int(),
  /** This line's share of the coupons' discount. */
  discountFen: z.number().int(),
  returnedQty: z.number().int(),
});
export type SaleLine = z.infer<typeof saleLineSchema>;

export const saleCouponSchema = z.object({
  redemptionId: idSchema,
  code: z.string(),
  display: z.string(),
  templateName: z.string(),
  discountFen: z.number().int(),
});

export const saleStatusSchema = z.enum(['completed', 'partly_returned', 'returned']);

export const saleSchema = z.object({
  id: idSchema,
  terminalSaleId: z.string(),
  storeId: idSchema,
  storeName: z.string(),
  terminalId: idSchema.nullable(),
  terminalCode: z.string().nullable(),
  staffName: z.string().nullable(),
  source: z.enum(['terminal', 'manual']),
  customerPhone: z.string().nullable(),
  subtotalFen: z.number().int(),
  discountFen: z.number().int(),
  totalFen: z.number().int(),
  /** What the customer paid (the terminal's figure; defaults to the total). */
  paidFen: z.number().int(),
  refundedFen: z.number().int(),
  status: saleStatusSchema,
  lines: z.array(saleLineSchema),
  coupons: z.array(saleCouponSchema),
  /** When the till rang it up (may be earlier than recordedAt for a terminal that was offline). */
  soldAt: epochMsSchema,
  recordedAt: epochMsSchema,
});
export type Sale = z.infer<typeof saleSchema>;

export const salesMethods = {
  'sales.record': method({
    summary:
      'Record a sale (POS terminal or manual entry): stock goes down, coupons are redeemed with it; the same terminalSaleId is recorded once',
    input: z.object({
      /** The till's own id for the sale: posting it again answers the first recording. */
      terminalSaleId: z.string().trim().min(1, { message: 'validation.required' }).max(64),
      storeId: idSchema,
      lines: z.array(saleLineInputSchema).min(1, { message: 'validation.required' }).max(500),
      customerPhone: phoneSchema.optional(),
      couponCodes: z.array(couponCodeSchema).max(10).default([]),
      paidFen: fenSchema.optional(),
      soldAt: epochMsSchema.optional(),
    }),
    output: z.object({ sale: saleSchema, replayed: z.boolean() }),
    access: [...ALL_STAFF, 'terminal'],
  }),
  'sales.get': method({
    summary: 'One sale with its lines and coupons',
    input: z.object({ id: idSchema }),
    output: saleSchema,
    access: ALL_STAFF,
  }),
  'sales.list': method({
    summary: 'Sales, newest first, by store, date range, product or terminal sale id',
    input: z.object({
      storeId: idSchema.optional(),
      from: epochMsSchema.optional(),
      to: epochMsSchema.optional(),
      productId: idSchema.optional(),
      terminalSaleId: z.string().trim().max(64).optional(),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ items: z.array(saleSchema), nextBefore: idSchema.nullable() }),
    access: ALL_STAFF,
  }),
  'sales.return': method({
    summary:
      'Take goods of a sale back: stock returns, the refund is the lines’ share after coupons',
    input: z.object({
      saleId: idSchema,
      lines: z
        .array(z.object({ saleLineId: idSchema, qty: qtySchema }))
        .min(1, { message: 'validation.required' })
        .max(500),
      reason: z.string().trim().max(200).default(''),
    }),
    output: z.object({ sale: saleSchema, refundFen: z.number().int() }),
    access: MANAGERS,
  }),
} as const;

export const salesEvents = {
  'sales.changed': event({
    payload: z.object({ saleId: idSchema, storeId: idSchema }),
    access: ALL_STAFF,
  }),
} as const;
