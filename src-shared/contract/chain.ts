import { z } from 'zod';
import { MANAGERS, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

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
} as const;
