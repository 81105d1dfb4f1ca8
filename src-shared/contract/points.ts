import { z } from 'zod';
import { ALL_STAFF, MANAGERS, method } from './define';
import { epochMsSchema, idSchema } from '../validation';

export const POINT_MOVEMENT_KINDS = ['earn', 'burn', 'unburn', 'expire', 'reverse'] as const;
export const pointMovementKindSchema = z.enum(POINT_MOVEMENT_KINDS);

export const pointLotSchema = z.object({
  id: idSchema,
  saleId: idSchema.nullable(),
  points: z.number().int(),
  remaining: z.number().int(),
  earnedAt: epochMsSchema,
  availableAt: epochMsSchema,
  expiresAt: epochMsSchema,
});

/**
 * A member's points: what may be spent now, what waits for its pending days, and the totals
 * that always add up: earned = available + pending + spent + expired + reversed.
 */
export const pointsBalanceSchema = z.object({
  memberId: idSchema,
  available: z.number().int(),
  pending: z.number().int(),
  earned: z.number().int(),
  /** Burnt less given back (unburn). */
  spent: z.number().int(),
  expired: z.number().int(),
  reversed: z.number().int(),
  /** The lots with points left, soonest expiring first. */
  lots: z.array(pointLotSchema),
  /** The points worth ¥1 at the till (a setting). */
  pointsPerYuan: z.number().int(),
});
export type PointsBalance = z.infer<typeof pointsBalanceSchema>;

export const pointMovementSchema = z.object({
  id: idSchema,
  kind: pointMovementKindSchema,
  points: z.number().int(),
  saleId: idSchema.nullable(),
  reason: z.string(),
  at: epochMsSchema,
});

export const pointsMethods = {
  'points.balance': method({
    summary: 'A member’s points: available, pending, the lots and the totals that add up',
    input: z.object({ memberId: idSchema }),
    output: pointsBalanceSchema,
    access: ALL_STAFF,
  }),
  'points.history': method({
    summary: 'A member’s point movements, newest first (earn, burn, unburn, expire, reverse)',
    input: z.object({
      memberId: idSchema,
      before: idSchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ items: z.array(pointMovementSchema), nextBefore: idSchema.nullable() }),
    access: ALL_STAFF,
  }),
  'points.redeemForCoupon': method({
    summary:
      'Exchange points for a coupon the settings offer: the points burn soonest-expiring first and the coupon goes to the member’s phone',
    input: z.object({ memberId: idSchema, templateId: idSchema }),
    output: z.object({ code: z.string(), display: z.string(), points: z.number().int() }),
    access: MANAGERS,
  }),
} as const;
