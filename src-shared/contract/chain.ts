import { z } from 'zod';
import { MANAGERS, method } from './define';
import { epochMsSchema, idSchema } from '../validation';
import { localDateSchema, withValidRange } from './analytics';

/** One store's level of a product, as this PC knows it. */
export const chainLevelSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  qty: z.number().int(),
  /**
   * A store of this PC: its live level here. Otherwise the level the cloud reported, read-only.
   */
  own: z.boolean(),
  /** When that store was last heard of (own stores: now); null: never heard of. */
  lastHeardAt: epochMsSchema.nullable(),
});
export type ChainLevel = z.infer<typeof chainLevelSchema>;

/** One store's takings over a range, as this PC knows them. */
export const chainTakingsSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  /** A store of this PC: its own rollups, live. Otherwise what the cloud reported. */
  own: z.boolean(),
  salesCount: z.number().int(),
  salesFen: z.number().int(),
  refundsFen: z.number().int(),
  redemptionCount: z.number().int(),
  discountFen: z.number().int(),
  /** When that store was last heard of (own stores: now); null: never heard of. */
  lastHeardAt: epochMsSchema.nullable(),
});
export type ChainTakings = z.infer<typeof chainTakingsSchema>;

export const chainMethods = {
  'stock.chainLevels': method({
    summary:
      "A product's stock in every store of the chain: this PC's live, the others' as last synced",
    input: z.object({ productId: idSchema }),
    output: z.object({
      stores: z.array(chainLevelSchema),
      /** When this PC last fetched the chain's stock from the cloud (null: never; not paired). */
      fetchedAt: epochMsSchema.nullable(),
    }),
    access: MANAGERS,
  }),
  'chain.takings': method({
    summary:
      "Every store's takings over a range of business days: this PC's stores live, the others' as the cloud last reported them",
    input: withValidRange(z.object({ from: localDateSchema, to: localDateSchema })),
    output: z.object({
      stores: z.array(chainTakingsSchema),
      /** When this PC last fetched the chain's takings (null: never; not paired). */
      fetchedAt: epochMsSchema.nullable(),
    }),
    access: MANAGERS,
  }),
} as const;
