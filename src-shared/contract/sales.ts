import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { fenSchema, productRefSchema } from './products';
import { phoneSchema } from './coupons';
import { qtySchema } from './stock';
import { epochMsSchema, idSchema } from '../validation';
import { instantSchema, moneyFenSchema, pricedLinesSchema } from '../bounds';
import {
  importFileSchema,
  importFormatSchema,
  importIssueSchemaFor,
  importMappingSchemaFor,
} from './imports';

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

/** How the sale reached us: a POS terminal's call, the sale screen, or a POS export imported. */
export const saleSourceSchema = z.enum(['terminal', 'manual', 'import']);

export const saleStatusSchema = z.enum(['completed', 'partly_returned', 'returned']);

/** How a customer paid (StoreDesk records it; no money moves through it). */
export const TENDER_KINDS = ['cash', 'wechat', 'alipay', 'card', 'points', 'other'] as const;
export const tenderKindSchema = z.enum(TENDER_KINDS);
export type TenderKind = z.infer<typeof tenderKindSchema>;

/** One tender of a sale as the till sends it: what it pays, and for cash what was handed over. */
export const tenderInputSchema = z.object({
  kind: tenderKindSchema,
  amountFen: moneyFenSchema,
  /** Cash only: the notes handed over (>= amountFen); the difference is the change. */
  givenFen: moneyFenSchema.optional(),
  /** The shop's name for an `other` tender (会员卡, 购物卡...). */
  label: z.string().trim().max(20).optional(),
});
export type TenderInput = z.infer<typeof tenderInputSchema>;

export const saleTenderSchema = z.object({
  kind: tenderKindSchema,
  label: z.string().nullable(),
  amountFen: z.number().int(),
  givenFen: z.number().int().nullable(),
  changeFen: z.number().int(),
});
export type SaleTender = z.infer<typeof saleTenderSchema>;

/** Money given back on a return, per tender; `unknown` for a sale recorded without tenders. */
export const refundKindSchema = z.enum([...TENDER_KINDS, 'unknown']);
export type RefundKind = z.infer<typeof refundKindSchema>;
export const saleRefundSchema = z.object({
  kind: refundKindSchema,
  amountFen: z.number().int(),
  at: epochMsSchema,
});

export const saleSchema = z.object({
  id: idSchema,
  terminalSaleId: z.string(),
  storeId: idSchema,
  storeName: z.string(),
  terminalId: idSchema.nullable(),
  terminalCode: z.string().nullable(),
  staffName: z.string().nullable(),
  source: saleSourceSchema,
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
  /** How it was paid; empty: tender unknown (a terminal that sends none). */
  tenders: z.array(saleTenderSchema).default([]),
  /** 抹零: the odd fen the shop let go when cash was rounded (paidFen = totalFen − roundingFen). */
  roundingFen: z.number().int().default(0),
  changeFen: z.number().int().default(0),
  refunds: z.array(saleRefundSchema).default([]),
  /** The business day (store's zone) the sale counts on: after a day is closed, the next one. */
  businessDate: z.string().default(''),
});
export type Sale = z.infer<typeof saleSchema>;

/** The columns of a POS sales export; the rows sharing a sale id are one sale's lines. */
export const SALES_IMPORT_FIELDS = [
  'saleId',
  'soldAt',
  'store',
  'sku',
  'barcode',
  'qty',
  'unitPriceYuan',
  'customerPhone',
] as const;
export type SalesImportField = (typeof SALES_IMPORT_FIELDS)[number];
/** SKU or barcode: one of the two must be mapped (checked apart). Store: unless a store is chosen. */
export const REQUIRED_SALES_IMPORT_FIELDS: readonly SalesImportField[] = [
  'saleId',
  'qty',
  'unitPriceYuan',
];

export const salesImportMappingSchema = importMappingSchemaFor(SALES_IMPORT_FIELDS);
export type SalesImportMapping = z.output<typeof salesImportMappingSchema>;

export const salesImportIssueSchema = importIssueSchemaFor(SALES_IMPORT_FIELDS);
export type SalesImportIssue = z.infer<typeof salesImportIssueSchema>;

const salesImportInputSchema = importFileSchema.extend({
  /** Omitted: the mapping guessed from the headers (see the preview's `mapping`). */
  mapping: salesImportMappingSchema.optional(),
  /** The store of every row when the file has no store column. */
  storeId: idSchema.optional(),
});

export const salesImportRowSchema = z.object({
  row: z.number().int(),
  saleId: z.string(),
  soldAt: epochMsSchema.nullable(),
  storeName: z.string(),
  productName: z.string(),
  /** The SKU or barcode as in the file. */
  product: z.string(),
  qty: z.number().int().nullable(),
  unitPriceFen: z.number().int().nullable(),
  customerPhone: z.string().nullable(),
  /** The sale is already recorded (same store and terminal sale id): skipped, not doubled. */
  duplicate: z.boolean(),
  issues: z.array(salesImportIssueSchema),
});
export type SalesImportRow = z.infer<typeof salesImportRowSchema>;

export const salesMethods = {
  'sales.record': method({
    summary:
      'Record a sale (POS terminal or manual entry): stock goes down, coupons are redeemed with it; the same terminalSaleId is recorded once',
    input: z.object({
      /** The till's own id for the sale: posting it again answers the first recording. */
      terminalSaleId: z.string().trim().min(1, { message: 'validation.required' }).max(64),
      storeId: idSchema,
      lines: pricedLinesSchema(saleLineInputSchema, 500),
      customerPhone: phoneSchema.optional(),
      /** The member at the till (found by members.lookup): the sale is theirs, points and all. */
      memberId: idSchema.optional(),
      couponCodes: z.array(couponCodeSchema).max(10).default([]),
      paidFen: fenSchema.optional(),
      soldAt: instantSchema.optional(),
      /**
       * How it was paid. Their amounts add up to the total, or to the total less 抹零 when cash is
       * rounded by the shop's setting; cash may carry givenFen. Omitted: tender unknown.
       */
      tenders: z.array(tenderInputSchema).max(10).optional(),
    }),
    output: z.object({
      sale: saleSchema,
      replayed: z.boolean(),
      /** Cash to hand back (0 without cash). */
      changeFen: z.number().int().default(0),
    }),
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
      from: instantSchema.optional(),
      to: instantSchema.optional(),
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
      /** Give it all back by this tender instead of the sale's own (the cashier's choice). */
      refundTo: tenderKindSchema.optional(),
    }),
    output: z.object({
      sale: saleSchema,
      refundFen: z.number().int(),
      /** Per tender: by the original tenders unless `refundTo` was chosen. */
      refunds: z
        .array(z.object({ kind: refundKindSchema, amountFen: z.number().int() }))
        .default([]),
    }),
    access: MANAGERS,
  }),
  'sales.importPreview': method({
    summary:
      'Read a POS sales export (CSV in UTF-8 or GBK, or XLSX): the mapping, every row checked, the sales already recorded; writes nothing',
    input: salesImportInputSchema,
    output: z.object({
      ...importFormatSchema,
      mapping: salesImportMappingSchema,
      rowCount: z.number().int(),
      /** Sales (rows grouped by sale id) that the import would record. */
      saleCount: z.number().int(),
      lineCount: z.number().int(),
      /** Sales of the file already recorded: skipped. */
      duplicateCount: z.number().int(),
      duplicateSaleIds: z.array(z.string()),
      errorCount: z.number().int(),
      /** The first rows, each with its problems (all rows with problems come first). */
      rows: z.array(salesImportRowSchema),
      /** Every problem in the file, up to 1,000. */
      issues: z.array(salesImportIssueSchema),
    }),
    access: MANAGERS,
  }),
  'sales.import': method({
    summary:
      'Record the sales of a POS export like sales.record (stock, alerts, outbox): every sale or none; sales already recorded are skipped',
    input: salesImportInputSchema,
    output: z.object({
      recorded: z.number().int(),
      lines: z.number().int(),
      /** Already recorded before (same store and sale id): not recorded again. */
      duplicates: z.number().int(),
      duplicateSaleIds: z.array(z.string()),
      durationMs: z.number(),
      /** Of which the write transaction (the file is read and checked before it). */
      writeMs: z.number(),
    }),
    access: MANAGERS,
  }),
} as const;

export const salesEvents = {
  'sales.changed': event({
    payload: z.object({ saleId: idSchema, storeId: idSchema }),
    access: ALL_STAFF,
  }),
} as const;
