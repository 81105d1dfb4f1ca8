import { z } from 'zod';
import { epochMsSchema } from '../validation';

/** Where a PC's copy of the chain's stock stands: after (rev, store, product); '' is the start. */
export const chainCursorSchema = z
  .string()
  .max(200)
  .regex(/^$|^\d{1,18}:[\x21-\x7E]{1,64}:[\x21-\x7E]{1,64}$/, { message: 'validation.cursor' });

export const chainStockQuerySchema = z.object({
  after: chainCursorSchema.default(''),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

/** One store of the merchant as the cloud knows it, and when it last heard of it. */
export const chainStoreSchema = z.object({
  storeId: z.string(),
  name: z.string(),
  districtCode: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  businessDistrict: z.string().nullable(),
  /** When the cloud last received an event of this store (0: never). */
  lastEventAt: epochMsSchema,
});

/**
 * The chain's stock levels changed after a cursor (every store's, this PC's own included), in
 * pages, with the merchant's whole store list. A PC keeps them to show other stores' stock
 * offline.
 */
export const chainStockResponseSchema = z.object({
  stores: z.array(chainStoreSchema),
  levels: z.array(
    z.object({
      storeId: z.string(),
      productId: z.string(),
      sku: z.string().nullable(),
      qty: z.number().int(),
    }),
  ),
  cursor: chainCursorSchema,
  hasMore: z.boolean(),
});
export type ChainStockResponse = z.infer<typeof chainStockResponseSchema>;

export const chainDailyQuerySchema = z.object({
  /** The first business day wanted (YYYY-MM-DD, each store's own zone). */
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' }),
});

/** One store's business day as the cloud projected it from the tills' events. */
export const chainDaySchema = z.object({
  storeId: z.string(),
  day: z.string(),
  salesCount: z.number().int(),
  salesFen: z.number().int(),
  refundsFen: z.number().int(),
  redemptionCount: z.number().int(),
  discountFen: z.number().int(),
});
export type ChainDay = z.infer<typeof chainDaySchema>;

/** Every store's takings per day since a day: the chain's totals on every PC. */
export const chainDailyResponseSchema = z.object({ days: z.array(chainDaySchema) });
