import { z } from 'zod';
import { COORD_SYSTEMS } from '../geo/coordinates';
import { epochMsSchema, idSchema, merchantCodeSchema } from '../validation';
import { TASK_RADIUS_M } from '../tasks/rules';
import { walletCouponSchema } from './wallet';

// Check-in tasks (打卡任务) between the desktop, the cloud and the phone. The cloud is the
// authority: it validates a task, keeps its prepaid pool and its orders, and decides check-ins.

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const taskTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('store'), storeId: idSchema }),
  z.object({
    kind: z.literal('point'),
    lat,
    lng,
    system: z.enum(COORD_SYSTEMS),
    label: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  }),
]);
export type TaskTarget = z.infer<typeof taskTargetSchema>;

/**
 * What a completed place gives: a coupon of a template into the wallet, cashback recorded for
 * the phone, or member points. `valueFen` is what one place costs the pool (for a coupon, its
 * face value as the merchant prices it; for points, their worth).
 */
export const taskRewardSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('coupon'), templateId: idSchema, valueFen: z.number().int() }),
  z.object({ kind: z.literal('cashback'), valueFen: z.number().int() }),
  z.object({
    kind: z.literal('points'),
    points: z.number().int().min(1).max(1_000_000),
    valueFen: z.number().int(),
  }),
]);
export type TaskReward = z.infer<typeof taskRewardSchema>;

/** A task as the manager writes it (range checks that name a rule are the cloud's: TASK_INVALID). */
export const taskDefinitionSchema = z.object({
  title: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  description: z.string().trim().max(500),
  target: taskTargetSchema,
  radiusM: z
    .number()
    .int()
    .min(1)
    .max(TASK_RADIUS_M.max * 10),
  startsAt: epochMsSchema,
  deadlineAt: epochMsSchema,
  reward: taskRewardSchema,
  places: z.number().int().min(1).max(100_000),
  perPerson: z.number().int().min(1).max(100),
  onSiteRequired: z.boolean(),
});
export type TaskDefinition = z.infer<typeof taskDefinitionSchema>;

export const taskStatusSchema = z.enum(['draft', 'published', 'closed']);

/** The prepaid pool; funded = available + reserved + released + refunded, always. */
export const taskPoolSchema = z.object({
  funded: z.number().int(),
  available: z.number().int(),
  reserved: z.number().int(),
  released: z.number().int(),
  refunded: z.number().int(),
  /** Payments asked for and not yet confirmed by their provider. */
  pending: z.number().int(),
});
export type TaskPool = z.infer<typeof taskPoolSchema>;

export const taskOrderStateSchema = z.enum(['accepted', 'checkedIn', 'verified', 'lapsed']);
export type TaskOrderState = z.infer<typeof taskOrderStateSchema>;

export const taskSchema = taskDefinitionSchema.extend({
  id: idSchema,
  status: taskStatusSchema,
  pool: taskPoolSchema,
  placesLeft: z.number().int(),
  /** Orders per state, and how many are at risk of arriving late. */
  orders: z.record(taskOrderStateSchema, z.number().int()),
  lateRisk: z.number().int(),
  createdAt: epochMsSchema,
  publishedAt: epochMsSchema.nullable(),
  closedAt: epochMsSchema.nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskParamsSchema = z.object({ taskId: idSchema });
export const taskListSchema = z.object({ tasks: z.array(taskSchema) });

export const paymentProviderSchema = z.enum(['fake', 'manual']);
export const fundTaskBodySchema = z.object({
  provider: paymentProviderSchema,
  /** Default: what the pool lacks to cover every place left. */
  amountFen: z.number().int().min(1).optional(),
});
export const taskPaymentSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  provider: paymentProviderSchema,
  amountFen: z.number().int(),
  status: z.enum(['pending', 'confirmed', 'refunded']),
  /** What the merchant quotes to the operator (manual) or the provider's reference. */
  reference: z.string(),
  createdAt: epochMsSchema,
  confirmedAt: epochMsSchema.nullable(),
});
export const fundTaskResponseSchema = z.object({ payment: taskPaymentSchema, task: taskSchema });
export const confirmPaymentParamsSchema = z.object({ merchantId: idSchema, paymentId: idSchema });

export const travelModeSchema = z.enum(['walking', 'cycling', 'driving']);

/** An order as the merchant sees it (the phone masked). */
export const merchantTaskOrderSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  phoneMasked: z.string(),
  state: taskOrderStateSchema,
  lateRisk: z.boolean(),
  estimatedArrivalAt: epochMsSchema.nullable(),
  /** The last fix's distance to the target. */
  distanceM: z.number().int().nullable(),
  /** Two fixes further apart than anyone travels. */
  flagged: z.boolean(),
  acceptedAt: epochMsSchema,
  checkedInAt: epochMsSchema.nullable(),
  verifiedAt: epochMsSchema.nullable(),
  lapsedAt: epochMsSchema.nullable(),
});
export type MerchantTaskOrder = z.infer<typeof merchantTaskOrderSchema>;
export const taskOrdersQuerySchema = z.object({ state: taskOrderStateSchema.optional() });
export const taskOrdersResponseSchema = z.object({ orders: z.array(merchantTaskOrderSchema) });

/** The till scanned a phone's task QR. */
export const verifyTaskBodySchema = z.object({ code: z.string().trim().min(1).max(200) });
export const verifyTaskResponseSchema = z.object({
  orderId: idSchema,
  taskId: idSchema,
  title: z.string(),
  phoneMasked: z.string(),
  /** This scan completed the order; false: it was completed before. */
  completedNow: z.boolean(),
  reward: taskRewardSchema,
});

/** The rotating QR on the till's screen for phones to scan (bound to task and store). */
export const siteCodeQuerySchema = z.object({ storeId: idSchema });
export const siteCodeSchema = z.object({
  /** The consumer app's address that the QR opens. */
  path: z.string(),
  expiresAt: epochMsSchema,
});

// ── The phone's side ────────────────────────────────────────────────────────────────────────

export const consumerTaskParamsSchema = z.object({
  merchantCode: merchantCodeSchema,
  taskId: idSchema,
});
export const consumerOrderParamsSchema = z.object({
  merchantCode: merchantCodeSchema,
  orderId: idSchema,
});
export const nearbyTasksQuerySchema = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

/** The reward as the phone shows it. */
export const consumerRewardSchema = z.object({
  kind: z.enum(['coupon', 'cashback', 'points']),
  /** The coupon's name; for cashback and points empty (the amount says it). */
  name: z.string(),
  valueFen: z.number().int(),
  points: z.number().int().nullable(),
});

/** Where to go, always in GCJ-02 (what the phone converts its fix to before comparing). */
export const consumerTargetSchema = z.object({
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  radiusM: z.number().int(),
});

export const nearbyTaskSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  target: consumerTargetSchema,
  distanceM: z.number().int().nullable(),
  reward: consumerRewardSchema,
  startsAt: epochMsSchema,
  deadlineAt: epochMsSchema,
  placesLeft: z.number().int(),
  onSiteRequired: z.boolean(),
  /** The phone's open order of it. */
  orderId: idSchema.nullable(),
});
export const nearbyTasksResponseSchema = z.object({ tasks: z.array(nearbyTaskSchema) });

/** Where the phone is when it accepts or asks again: for the arrival estimate. */
export const positionBodySchema = z.object({
  lat,
  lng,
  accuracy: z.number().min(0).max(100_000),
  mode: travelModeSchema.default('walking'),
});
export const acceptTaskBodySchema = positionBodySchema.partial({
  lat: true,
  lng: true,
  accuracy: true,
});

export const consumerOrderSchema = z.object({
  id: idSchema,
  taskId: idSchema,
  title: z.string(),
  description: z.string(),
  state: taskOrderStateSchema,
  target: consumerTargetSchema,
  reward: consumerRewardSchema,
  startsAt: epochMsSchema,
  deadlineAt: epochMsSchema,
  onSiteRequired: z.boolean(),
  distanceM: z.number().int().nullable(),
  estimate: z
    .object({ mode: travelModeSchema, arrivalAt: epochMsSchema, late: z.boolean() })
    .nullable(),
  /** The QR the till scans (signed, bound to this order): once checked in by location, until verified. */
  qr: z.string().nullable(),
  /** The reward coupon, once released. */
  coupon: walletCouponSchema.nullable(),
});
export type ConsumerOrder = z.infer<typeof consumerOrderSchema>;

export const checkinResponseSchema = z.object({
  verdict: z.enum(['checkedIn', 'tooFar', 'inaccurate', 'late', 'notStarted', 'impossibleSpeed']),
  distanceM: z.number().int(),
  order: consumerOrderSchema,
});
export const siteCheckinBodySchema = z.object({
  code: z.string().trim().min(1).max(200),
});
