import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { TaskReward } from '../../src-shared/sync/tasks';
import { merchants } from '../merchants/schema';

const epochMs = () => bigint({ mode: 'number' });
const merchantId = () =>
  text()
    .notNull()
    .references(() => merchants.id);

/**
 * A check-in task (打卡任务) a merchant's desktop created. The target is kept in GCJ-02 (the
 * stores' system) whatever system the merchant gave it in. `secret` signs the order QRs and the
 * till's rotating site code; it never leaves the cloud.
 */
export const checkinTasks = pgTable(
  'checkin_tasks',
  {
    merchantId: merchantId(),
    id: text().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    /** The definition as the merchant gave it (target in its own system), for editing. */
    target: jsonb()
      .$type<
        | { kind: 'store'; storeId: string }
        | {
            kind: 'point';
            lat: number;
            lng: number;
            system: 'gcj02' | 'wgs84' | 'bd09';
            label: string;
          }
      >()
      .notNull(),
    targetName: text().notNull(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    radiusM: integer().notNull(),
    startsAt: epochMs().notNull(),
    deadlineAt: epochMs().notNull(),
    reward: jsonb().$type<TaskReward>().notNull(),
    /** What one place costs the pool (the reward's value), in fen. */
    rewardFen: integer().notNull(),
    places: integer().notNull(),
    perPerson: integer().notNull(),
    onSiteRequired: boolean().notNull(),
    status: text().$type<'draft' | 'published' | 'closed'>().notNull(),
    secret: text().notNull(),
    createdAt: epochMs().notNull(),
    updatedAt: epochMs().notNull(),
    publishedAt: epochMs(),
    closedAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index('checkin_tasks_status_idx').on(t.merchantId, t.status, t.deadlineAt),
  ],
);

/**
 * A task's prepaid pool: the balance row every movement updates (its row lock orders them all)
 * and the places still open. funded = available + reserved + released + refunded.
 */
export const taskPools = pgTable(
  'task_pools',
  {
    merchantId: merchantId(),
    taskId: text().notNull(),
    funded: bigint({ mode: 'number' }).notNull().default(0),
    available: bigint({ mode: 'number' }).notNull().default(0),
    reserved: bigint({ mode: 'number' }).notNull().default(0),
    released: bigint({ mode: 'number' }).notNull().default(0),
    refunded: bigint({ mode: 'number' }).notNull().default(0),
    placesLeft: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.taskId] })],
);

export type PoolMovement = 'fund' | 'reserve' | 'release' | 'unreserve' | 'refund';

/** Every movement of a pool, one row each: the balance row is their sum (checked nightly). */
export const taskPoolEntries = pgTable(
  'task_pool_entries',
  {
    merchantId: merchantId(),
    id: text().notNull(),
    taskId: text().notNull(),
    kind: text().$type<PoolMovement>().notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    orderId: text(),
    paymentId: text(),
    at: epochMs().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    index('task_pool_entries_task_idx').on(t.merchantId, t.taskId),
    // An order reserves, releases and unreserves at most once each, whatever the race.
    uniqueIndex('task_pool_entries_order_unique').on(t.merchantId, t.orderId, t.kind),
  ],
);

/** Money asked of a payment provider for a pool (or given back from it). */
export const taskPayments = pgTable(
  'task_payments',
  {
    merchantId: merchantId(),
    id: text().notNull(),
    taskId: text().notNull(),
    provider: text().$type<'fake' | 'manual'>().notNull(),
    amountFen: bigint({ mode: 'number' }).notNull(),
    status: text().$type<'pending' | 'confirmed' | 'refunded'>().notNull(),
    reference: text().notNull(),
    createdAt: epochMs().notNull(),
    confirmedAt: epochMs(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.id] })],
);

/**
 * A phone's acceptance of a task (its order). `n` numbers the phone's orders of the task, unique:
 * the database refuses one beyond `perPerson` whatever the race.
 */
export const taskOrders = pgTable(
  'task_orders',
  {
    merchantId: merchantId(),
    id: text().notNull(),
    taskId: text().notNull(),
    phone: text().notNull(),
    n: integer().notNull(),
    state: text().$type<'accepted' | 'checkedIn' | 'verified' | 'lapsed'>().notNull(),
    mode: text().$type<'walking' | 'cycling' | 'driving'>().notNull().default('walking'),
    estimatedArrivalAt: epochMs(),
    lateRisk: boolean().notNull().default(false),
    distanceM: integer(),
    flagged: boolean().notNull().default(false),
    /** Where the check-in was made, coarsely (~100 m, GCJ-02): all that stays of the fixes. */
    coarseLat: doublePrecision(),
    coarseLng: doublePrecision(),
    /** The reward coupon (wallet_claims.id) once released. */
    rewardClaimId: text(),
    acceptedAt: epochMs().notNull(),
    checkedInAt: epochMs(),
    verifiedAt: epochMs(),
    lapsedAt: epochMs(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.id] }),
    uniqueIndex('task_orders_per_person').on(t.merchantId, t.taskId, t.phone, t.n),
    index('task_orders_task_idx').on(t.merchantId, t.taskId, t.state),
    index('task_orders_phone_idx').on(t.merchantId, t.phone),
  ],
);

/** Raw fixes (WGS-84, as the phone gave them) of open orders; deleted when the task closes. */
export const taskFixes = pgTable(
  'task_fixes',
  {
    merchantId: merchantId(),
    orderId: text().notNull(),
    at: epochMs().notNull(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    accuracy: doublePrecision().notNull(),
  },
  (t) => [index('task_fixes_order_idx').on(t.merchantId, t.orderId, t.at)],
);
