import { z } from 'zod';
import { MANAGERS, method } from './define';
import { epochMsSchema, idSchema } from '../validation';
import { MAX_QTY } from '../bounds';

/**
 * A count sheet (盘点单) of a whole store or one category: every product with its book quantity,
 * counted line by line and saved as it goes (a draft survives a restart), then posted once as
 * the stock adjustments of one stocktake.
 */
export const stocktakeStatusSchema = z.enum(['open', 'finished', 'discarded']);

/** What a line's value is priced at: the cost price where known (own or last receipt), else retail. */
export const valueBasisSchema = z.enum(['cost', 'retail']);
export type ValueBasis = z.infer<typeof valueBasisSchema>;

/** Uncounted lines on finishing: left as the books say, or counted as none on the shelf. */
export const uncountedSchema = z.enum(['keep', 'zero']);

const countedQtySchema = z
  .number()
  .int({ message: 'validation.qty' })
  .min(0, { message: 'validation.countedQty' })
  .max(MAX_QTY);

export const stocktakeLineSchema = z.object({
  productId: idSchema,
  sku: z.string(),
  productName: z.string(),
  category: z.string(),
  unit: z.string(),
  /** The first barcode, to find the line by a scan. */
  barcode: z.string().nullable(),
  /** The books: the level now (an open sheet), or at posting (a finished one). */
  bookQty: z.number().int(),
  /** Null: not counted yet. */
  countedQty: z.number().int().nullable(),
  /** counted − book; null while uncounted (and kept). */
  differenceQty: z.number().int().nullable(),
  /** The price one unit of difference is valued at, and which price it is. */
  unitValueFen: z.number().int(),
  valueBasis: valueBasisSchema,
  /** difference × unit value: + a gain (盘盈), − a loss (盘亏); null while uncounted. */
  valueFen: z.number().int().nullable(),
});
export type StocktakeLine = z.infer<typeof stocktakeLineSchema>;

export const stocktakeSummarySchema = z.object({
  id: idSchema,
  storeId: idSchema,
  storeName: z.string(),
  /** Null: the whole store. */
  category: z.string().nullable(),
  status: stocktakeStatusSchema,
  note: z.string(),
  staffName: z.string().nullable(),
  lineCount: z.number().int(),
  countedCount: z.number().int(),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  finishedAt: epochMsSchema.nullable(),
});
export type StocktakeSummary = z.infer<typeof stocktakeSummarySchema>;

export const stocktakeSheetSchema = stocktakeSummarySchema.extend({
  lines: z.array(stocktakeLineSchema),
  /** How uncounted lines were posted (a finished sheet), else null. */
  uncounted: uncountedSchema.nullable(),
  /** The stock document the adjustments were posted under (a finished sheet). */
  stockDocumentId: idSchema.nullable(),
  totals: z.object({
    /** Sum of the gains (盘盈) and of the losses (盘亏, negative), and the net. */
    gainFen: z.number().int(),
    lossFen: z.number().int(),
    netFen: z.number().int(),
    gainQty: z.number().int(),
    lossQty: z.number().int(),
    /** Lines valued at cost and at retail (the total mixes them when both are there). */
    costLines: z.number().int(),
    retailLines: z.number().int(),
  }),
});
export type StocktakeSheet = z.infer<typeof stocktakeSheetSchema>;

export const stocktakeMethods = {
  'stocktake.start': method({
    summary:
      'Open a count sheet (盘点单) listing every product of a store, or of one category, with its book quantity',
    input: z.object({
      storeId: idSchema,
      /** Leave out for the whole store. */
      category: z.string().trim().max(30).nullable().default(null),
      note: z.string().trim().max(200, { message: 'validation.tooLong' }).default(''),
    }),
    output: stocktakeSheetSchema,
    access: MANAGERS,
  }),
  'stocktake.list': method({
    summary: 'Count sheets, open ones first (a draft to carry on with), then the latest finished',
    input: z.object({
      storeId: idSchema.optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    output: z.object({ items: z.array(stocktakeSummarySchema) }),
    access: MANAGERS,
  }),
  'stocktake.get': method({
    summary: 'A count sheet with its lines, book quantities and the value of each difference',
    input: z.object({ id: idSchema }),
    output: stocktakeSheetSchema,
    access: MANAGERS,
  }),
  'stocktake.count': method({
    summary:
      'Record the counted quantity of a line (null: not counted); a product not on the sheet is added',
    input: z.object({
      id: idSchema,
      productId: idSchema,
      countedQty: countedQtySchema.nullable(),
    }),
    output: z.object({ line: stocktakeLineSchema, countedCount: z.number().int() }),
    access: MANAGERS,
  }),
  'stocktake.finish': method({
    summary:
      'Post the differences as stock adjustments in one transaction; uncounted lines kept or set to zero',
    input: z.object({ id: idSchema, uncounted: uncountedSchema }),
    output: stocktakeSheetSchema,
    access: MANAGERS,
  }),
  'stocktake.discard': method({
    summary: 'Throw a count sheet away without changing any stock',
    input: z.object({ id: idSchema }),
    output: stocktakeSummarySchema,
    access: MANAGERS,
  }),
} as const;
