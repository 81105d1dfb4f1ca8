import { z } from 'zod';
import { epochMsSchema, idSchema } from '../validation';
import { MANAGERS, method } from './define';

/** One coupon in a campaign's share tree: claimed on a phone (a root) or given by another. */
export const shareNodeSchema = z.object({
  code: z.string(),
  /** Grouped for reading: 1234 5678 …. */
  display: z.string(),
  /** The code it came from; null: claimed from a QR (a root). */
  parentCode: z.string().nullable(),
  mode: z.enum(['transfer', 'copy']).nullable(),
  hop: z.number().int(),
  status: z.enum(['active', 'redeemed', 'cancelled', 'unknown']),
  at: epochMsSchema.nullable(),
});

export const sharesMethods = {
  'shares.tree': method({
    summary:
      'A template’s coupons shared between phones: claims, transfers and copies, how many shared coupons were redeemed, and the tree (claims → shares → redemptions), the most shared first',
    input: z.object({
      templateId: idSchema,
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: z.object({
      claimed: z.number().int(),
      transfers: z.number().int(),
      copies: z.number().int(),
      /** Coupons received by sharing that were redeemed. */
      sharedRedeemed: z.number().int(),
      nodes: z.array(shareNodeSchema),
    }),
    access: MANAGERS,
  }),
};
