import { and, eq } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import { newId } from '../../src-node/ids';
import type { TaskOrderState } from '../../src-shared/sync/tasks';
import type { CloudTx } from '../db/open';
import { cloudEvent, type EventRow } from '../sync/event-log';
import type { HeldStream } from '../sync/stream';
import { TaskPoolLedger } from './pool';
import { bookRewardPoints, issueRewardCoupon } from './reward';
import { checkinTasks, taskOrders } from './schema';
import { merchantOrderView, type OrderRow, type TaskRow } from './views';

// The transitions of a task's order that the till, the phone and the sweep share: completing it
// (the reservation spent, the reward given) and lapsing it (the reservation and the place back),
// each telling the merchant's PCs; every caller holds the merchant's stream.

/** An order checked in by location may still be verified at the till this long after the deadline. */
export const VERIFY_GRACE_MS = 30 * 60_000;

export const isOpen = (state: TaskOrderState) => state === 'accepted' || state === 'checkedIn';

/** An order and its task, the order's row locked. */
export async function lockOrder(tx: CloudTx, merchantId: string, orderId: string) {
  const [row] = await tx
    .select({ order: taskOrders, task: checkinTasks })
    .from(taskOrders)
    .innerJoin(checkinTasks, taskOfOrder)
    .where(and(eq(taskOrders.merchantId, merchantId), eq(taskOrders.id, orderId)))
    .for('update', { of: taskOrders });
  return row ?? null;
}

export const taskOfOrder = and(
  eq(checkinTasks.merchantId, taskOrders.merchantId),
  eq(checkinTasks.id, taskOrders.taskId),
);

/**
 * `tasks.orderChanged`: the merchant's PCs learn each order's state (a late risk raises a
 * notification there; a points reward is booked there, by the points ledger's owner).
 */
export function orderChangedEvent(
  task: TaskRow,
  order: OrderRow,
  stream: HeldStream,
  at: number,
): EventRow {
  const eventId = newId();
  return cloudEvent({
    merchantId: task.merchantId,
    eventId,
    kind: 'tasks.orderChanged',
    entityId: order.id,
    at,
    seq: stream.next(),
    payload: {
      id: eventId,
      order: merchantOrderView(order),
      title: task.title,
      phone: order.phone,
      reward: task.reward,
      at,
    },
  });
}

export async function saveOrder(tx: CloudTx, order: OrderRow) {
  const { merchantId, id, ...changes } = order;
  await tx
    .update(taskOrders)
    .set(changes)
    .where(and(eq(taskOrders.merchantId, merchantId), eq(taskOrders.id, id)));
}

/** The order is done: its reservation is spent and its reward goes to the phone at once. */
export async function completeOrder(
  tx: CloudTx,
  stream: HeldStream,
  task: TaskRow,
  order: OrderRow,
  now: number,
  events: EventRow[],
): Promise<OrderRow> {
  if (!isOpen(order.state)) throw new AppError('TASK_ORDER_CLOSED', { state: order.state });
  const graceUntil = task.deadlineAt + (order.state === 'checkedIn' ? VERIFY_GRACE_MS : 0);
  if (now > graceUntil) throw new AppError('TASK_DEADLINE_PASSED');
  await TaskPoolLedger.lock(tx, task.merchantId, task.id);
  await TaskPoolLedger.release(tx, task, order.id, now);
  const claim = await issueRewardCoupon(tx, stream, task, order, now, events);
  await bookRewardPoints(tx, stream, task, order, now, events);
  const done: OrderRow = {
    ...order,
    state: 'verified',
    verifiedAt: now,
    lateRisk: false,
    rewardClaimId: claim?.id ?? null,
  };
  await saveOrder(tx, done);
  events.push(orderChangedEvent(task, done, stream, now));
  return done;
}

/** The order ran out of time (or its task closed): the reservation and the place go back. */
export async function lapseOrder(
  tx: CloudTx,
  stream: HeldStream,
  task: TaskRow,
  order: OrderRow,
  now: number,
): Promise<EventRow> {
  await TaskPoolLedger.lock(tx, task.merchantId, task.id);
  await TaskPoolLedger.unreserve(tx, task, order.id, now);
  const lapsed: OrderRow = { ...order, state: 'lapsed', lapsedAt: now, lateRisk: false };
  await saveOrder(tx, lapsed);
  return orderChangedEvent(task, lapsed, stream, now);
}
