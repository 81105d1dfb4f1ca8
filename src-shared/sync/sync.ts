import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { epochMsSchema, idSchema } from '../validation';
import { pushedEventSchema } from './events';

/** The most events one push may carry; the body limit (1 MiB) applies as well. */
export const MAX_PUSH_EVENTS = 1000;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

/**
 * A position in the merchant's change stream. Opaque to the device: store it and send it back.
 * (Today it is the decimal sequence number of the last event seen; '0' is the beginning.)
 */
export const cursorSchema = z.string().regex(/^\d{1,18}$/, { message: 'validation.cursor' });
export const START_CURSOR = '0';

export const pushRequestSchema = z.object({
  events: z.array(pushedEventSchema).min(1).max(MAX_PUSH_EVENTS),
});

/** One side of a contested single-use code: who redeemed it, where and when. */
export const claimSchema = z.object({
  kind: z.enum(['coupon', 'cashback']),
  code: z.string(),
  /** The redemption (coupon) or cashback code row id at the till that made it. */
  redemptionId: z.string(),
  eventId: idSchema.nullable(),
  /** null: made through the cloud (a consumer's phone), not at a till. */
  deviceId: idSchema.nullable(),
  deviceName: z.string().nullable(),
  storeId: z.string().nullable(),
  terminalId: z.string().nullable(),
  staffId: z.string().nullable(),
  phone: z.string().nullable(),
  amountFen: z.number().int(),
  /** When the till made it (its own clock). */
  claimedAt: epochMsSchema,
  /** When the cloud learned of it: the order that decides. */
  receivedAt: epochMsSchema,
});
export type Claim = z.infer<typeof claimSchema>;

export const conflictSchema = z.object({
  code: z.string(),
  winner: claimSchema,
  loser: claimSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;

export const EVENT_STATUSES = ['accepted', 'conflict', 'rejected'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * The answer for one pushed event, stored with it: pushing the same event id again answers
 * exactly this again.
 * - accepted: the cloud has it (and relays it); mark the outbox row sent.
 * - conflict: a single-use code someone else claimed first; show it in the conflicts list.
 * - rejected: the event can never be accepted as it is (bad payload, unknown kind); dead letter.
 */
export const eventResultSchema = z.object({
  eventId: idSchema,
  status: z.enum(EVENT_STATUSES),
  /** Where the event sits in the merchant's stream; null for rejected events (not relayed). */
  seq: cursorSchema.nullable(),
  conflict: conflictSchema.optional(),
  error: appErrorSchema.optional(),
});
export type EventResult = z.infer<typeof eventResultSchema>;

export const pushResponseSchema = z.object({
  /** In the order of the request. */
  results: z.array(eventResultSchema),
});

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const pullQuerySchema = z.object({
  after: cursorSchema.default(START_CURSOR),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
  /** Also return this device's own events, marked `own` (default: skipped). */
  includeOwn: booleanQuery.default(false),
});

export const pulledEventSchema = pushedEventSchema.extend({
  seq: cursorSchema,
  /** accepted events are facts; a conflict event is a claim that lost (do not apply it). */
  status: z.enum(['accepted', 'conflict']),
  /** null: the cloud itself (a consumer redeemed cashback through it). */
  deviceId: idSchema.nullable(),
  own: z.boolean(),
  receivedAt: epochMsSchema,
  conflict: conflictSchema.optional(),
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

export const pullResponseSchema = z.object({
  events: z.array(pulledEventSchema),
  /** Send this as `after` next time, even when `events` is empty. */
  cursor: cursorSchema,
  /** More events wait: pull again at once. */
  hasMore: z.boolean(),
});
