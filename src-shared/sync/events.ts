import { z } from 'zod';
import { epochMsSchema, idSchema } from '../validation';
import { instantSchema, moneyFenSchema } from '../bounds';

/**
 * What a till tells the cloud: its outbox rows, one event each. The kind is the outbox topic.
 * The cloud reads the kinds it decides on (claims, voids, cashback) and relays every kind to the
 * merchant's other devices through pull.
 */
export const EVENT_KINDS = [
  'redemption.completed',
  'redemption.voided',
  'coupons.issued',
  'coupons.cancelled',
  'templates.changed',
  'sales.recorded',
  'stock.moved',
  'staff.changed',
  'stores.changed',
  'cashback.issued',
  'cashback.redeemed',
  'members.changed',
  'members.consented',
  'members.levelChanged',
  'points.moved',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const looseRecord = z.record(z.string(), z.unknown());

/** A single-use coupon redeemed at a till: a claim the cloud accepts first-come. */
export const redemptionClaimSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  couponId: idSchema.optional(),
  templateId: idSchema,
  storeId: idSchema,
  terminalId: idSchema.nullish(),
  staffId: idSchema.nullish(),
  customerPhone: z.string().nullish(),
  subtotalFen: moneyFenSchema,
  discountFen: moneyFenSchema,
  createdAt: instantSchema,
});

export const redemptionVoidSchema = z.looseObject({
  redemptionId: idSchema,
  voidedAt: instantSchema,
  voidedBy: idSchema.nullish(),
  reason: z.string().nullish(),
});

export const cashbackIssuedSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  templateId: idSchema,
  productId: idSchema,
  terminalId: idSchema,
  storeId: idSchema,
  rewardFen: moneyFenSchema,
  issuedAt: instantSchema,
  validUntil: instantSchema,
});

/** Paid out at a counter or a terminal: a claim like a coupon redemption, first one wins. */
export const cashbackRedeemedSchema = z.looseObject({
  id: idSchema,
  code: z.string().min(1).max(64),
  phone: z.string().min(1).max(20),
  redeemedAt: instantSchema,
  via: z.enum(['counter', 'terminal', 'cloud']),
});

/**
 * One movement of a member's points (issue 22): a fact of its own, so the cloud and the other
 * stores add movements up and two stores earning offline merge without loss.
 */
export const pointsMovedSchema = z.looseObject({
  id: idSchema,
  memberId: idSchema,
  lotId: idSchema,
  kind: z.enum(['earn', 'burn', 'unburn', 'expire', 'reverse']),
  points: z.number().int(),
  saleId: idSchema.nullish(),
  at: instantSchema,
});

/** The payload each kind must carry; kinds the cloud only relays take any JSON object. */
export const EVENT_PAYLOADS = {
  'redemption.completed': redemptionClaimSchema,
  'redemption.voided': redemptionVoidSchema,
  'coupons.issued': looseRecord,
  'coupons.cancelled': looseRecord,
  'templates.changed': looseRecord,
  'sales.recorded': looseRecord,
  'stock.moved': looseRecord,
  'staff.changed': looseRecord,
  'stores.changed': looseRecord,
  'cashback.issued': cashbackIssuedSchema,
  'cashback.redeemed': cashbackRedeemedSchema,
  'members.changed': looseRecord,
  'members.consented': looseRecord,
  'members.levelChanged': looseRecord,
  'points.moved': pointsMovedSchema,
} satisfies Record<EventKind, z.ZodType>;

/** One outbox row as pushed. The id is the idempotency key: the outbox row's UUIDv7. */
export const pushedEventSchema = z.object({
  id: idSchema,
  // Names, never text a person wrote: printable ASCII only (a control character would fail the
  // whole batch's insert; the desktop then finds and dead-letters this event alone).
  kind: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x20-\x7E]+$/),
  entityId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x20-\x7E]+$/),
  occurredAt: epochMsSchema,
  payload: looseRecord,
});
export type PushedEvent = z.infer<typeof pushedEventSchema>;
