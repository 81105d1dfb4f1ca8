import { z } from 'zod';
import { ALL_STAFF, MANAGERS, event, method } from './define';
import { fenSchema, productRefSchema } from './products';
import { epochMsSchema, idSchema } from '../validation';
import { instantSchema, quantitySchema } from '../bounds';

/** How stock moved; `qty` on a movement is signed (+ in, − out). */
export const MOVEMENT_KINDS = [
  'receive',
  'sale',
  'return',
  'adjust',
  'transfer_in',
  'transfer_out',
] as const;
export const movementKindSchema = z.enum(MOVEMENT_KINDS);
export type MovementKind = z.infer<typeof movementKindSchema>;

/** A positive whole quantity (stock is counted in units of the product's unit). */
export const qtySchema = quantitySchema;

/** A line naming its product by id, SKU or barcode, with a quantity. */
export const stockLineSchema = z.intersection(productRefSchema, z.object({ qty: qtySchema }));

const noteSchema = z.string().trim().max(200, { message: 'validation.tooLong' }).default('');

export const movementSchema = z.object({
  id: idSchema,
  storeId: idSchema,
  storeName: z.string(),
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  kind: movementKindSchema,
  /** Signed: + into the store, − out of it. */
  qty: z.number().int(),
  /** The store's level of this product right after the movement. */
  levelAfter: z.number().int(),
  /** What caused it: a sale, a receipt (进货单), a stocktake, a transfer. */
  refType: z.enum(['sale', 'receipt', 'stocktake', 'transfer']),
  refId: idSchema,
  unitCostFen: z.number().int().nullable(),
  note: z.string(),
  staffName: z.string().nullable(),
  createdAt: epochMsSchema,
});
export type Movement = z.infer<typeof movementSchema>;

export const levelStatusSchema = z.enum(['ok', 'low', 'high', 'negative']);
export type LevelStatus = z.infer<typeof levelStatusSchema>;

export const stockLevelSchema = z.object({
  storeId: idSchema,
  storeName: z.string(),
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  category: z.string(),
  unit: z.string(),
  qty: z.number().int(),
  /** Below zero: sold more than was on file (only in stores that allow it). */
  negative: z.boolean(),
  /** The thresholds in force (product's own, else its category's), null when none. */
  lowLevel: z.number().int().nullable(),
  highLevel: z.number().int().nullable(),
  status: levelStatusSchema,
  /** Since when the level has been above the high level (slow-moving clock). */
  aboveHighSince: epochMsSchema.nullable(),
  updatedAt: epochMsSchema,
});
export type StockLevel = z.infer<typeof stockLevelSchema>;

/** Per store: may stock go below zero, and how restock suggestions are sized. */
export const stockSettingsSchema = z.object({
  storeId: idSchema,
  /** Sell even when the file says there is none (the level goes negative and is flagged). */
  allowNegative: z.boolean(),
  /** Days from ordering goods to having them on the shelf. */
  leadTimeDays: z.number().int().min(0).max(90),
  /** Days of sales a restock should cover beyond the lead time. */
  coverDays: z.number().int().min(1).max(180),
  /** Days of sales the daily average is taken over. */
  salesWindowDays: z.number().int().min(1).max(90),
});
export type StockSettings = z.infer<typeof stockSettingsSchema>;

const movementsOutput = z.object({ movements: z.array(movementSchema) });

export const stockMethods = {
  'stock.receive': method({
    summary: 'Receive goods into a store (进货): one receipt, a movement per line',
    input: z.object({
      storeId: idSchema,
      lines: z
        .array(
          z.intersection(
            stockLineSchema,
            z.object({ unitCostFen: fenSchema.nullable().default(null) }),
          ),
        )
        .min(1, { message: 'validation.required' })
        .max(500),
      supplier: z.string().trim().max(60).default(''),
      note: noteSchema,
    }),
    output: movementsOutput.extend({ receiptId: idSchema }),
    access: ALL_STAFF,
  }),
  'stock.adjust': method({
    summary:
      'Stocktake (盘点): set each counted product to its count; the movement is counted − expected',
    input: z.object({
      storeId: idSchema,
      lines: z
        .array(
          z.intersection(
            productRefSchema,
            z.object({
              countedQty: z
                .number()
                .int({ message: 'validation.qty' })
                .min(0, { message: 'validation.countedQty' })
                .max(1_000_000),
            }),
          ),
        )
        .min(1, { message: 'validation.required' })
        .max(2000),
      note: noteSchema,
    }),
    output: movementsOutput.extend({
      stocktakeId: idSchema,
      lines: z.array(
        z.object({
          productId: idSchema,
          sku: z.string(),
          productName: z.string(),
          expectedQty: z.number().int(),
          countedQty: z.number().int(),
          /** counted − expected (0: no movement written). */
          differenceQty: z.number().int(),
        }),
      ),
    }),
    access: MANAGERS,
  }),
  'stock.transfer': method({
    summary: 'Move goods from one store to another (调拨): both sides in one transaction',
    input: z.object({
      fromStoreId: idSchema,
      toStoreId: idSchema,
      lines: z.array(stockLineSchema).min(1, { message: 'validation.required' }).max(500),
      note: noteSchema,
    }),
    output: movementsOutput.extend({ transferId: idSchema }),
    access: MANAGERS,
  }),
  'stock.levels': method({
    summary: 'Stock per product and store, with its thresholds and status',
    input: z.object({
      storeId: idSchema.optional(),
      productId: idSchema.optional(),
      search: z.string().trim().max(60).optional(),
      category: z.string().trim().max(30).optional(),
      status: levelStatusSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ items: z.array(stockLevelSchema), total: z.number().int() }),
    access: ALL_STAFF,
  }),
  'stock.movements': method({
    summary: 'Stock movements, newest first',
    input: z.object({
      storeId: idSchema.optional(),
      productId: idSchema.optional(),
      kind: movementKindSchema.optional(),
      from: instantSchema.optional(),
      to: instantSchema.optional(),
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ items: z.array(movementSchema), nextBefore: idSchema.nullable() }),
    access: ALL_STAFF,
  }),
  'stock.settings': method({
    summary: "A store's stock settings (negative stock allowed, lead time, cover days)",
    input: z.object({ storeId: idSchema }),
    output: stockSettingsSchema,
    access: ALL_STAFF,
  }),
  'stock.setSettings': method({
    summary: "Change a store's stock settings",
    input: stockSettingsSchema.partial().extend({ storeId: idSchema }),
    output: stockSettingsSchema,
    access: MANAGERS,
  }),
} as const;

export const stockEvents = {
  'stock.changed': event({
    payload: z.object({ storeId: idSchema, productIds: z.array(idSchema) }),
    access: ALL_STAFF,
  }),
} as const;
