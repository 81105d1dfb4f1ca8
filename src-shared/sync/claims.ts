import { z } from 'zod';
import { instantSchema } from '../bounds';
import { epochMsSchema, idSchema } from '../validation';
import { redemptionClaimSchema } from './events';

/**
 * A paired till asks the cloud before it redeems (`redemption.redeem`): the claim carries the
 * redemption the till is about to record, under the same id, so the later push of
 * `redemption.completed` is the same claim (idempotent). A till that could not record it after
 * all releases the claim.
 */
export const onlineClaimRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim'), redemption: redemptionClaimSchema }),
  z.object({ action: z.literal('release'), redemptionId: idSchema, at: instantSchema }),
]);
export type OnlineClaimRequest = z.infer<typeof onlineClaimRequestSchema>;

export const onlineClaimResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted') }),
  z.object({ status: z.literal('released') }),
  /** Another store's redemption holds the code: the till refuses at once, naming the store. */
  z.object({
    status: z.literal('refused'),
    winner: z.object({
      redemptionId: z.string(),
      storeId: z.string().nullable(),
      storeName: z.string().nullable(),
      deviceName: z.string().nullable(),
      claimedAt: epochMsSchema,
    }),
  }),
]);
export type OnlineClaimResponse = z.infer<typeof onlineClaimResponseSchema>;
