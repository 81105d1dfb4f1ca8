import { and, eq, inArray, sql } from 'drizzle-orm';
import { maskPhone } from '../../src-shared/phone';
import type { MerchantTaskOrder, Task, TaskOrderState } from '../../src-shared/sync/tasks';
import type { Queryable } from '../db/open';
import { checkinTasks, taskOrders, taskPayments, taskPools } from './schema';

export type TaskRow = typeof checkinTasks.$inferSelect;
export type OrderRow = typeof taskOrders.$inferSelect;

const NO_ORDERS: Record<TaskOrderState, number> = {
  accepted: 0,
  checkedIn: 0,
  verified: 0,
  lapsed: 0,
};

/** Tasks as the merchant's desktop shows them: definition, pool, places and orders per state. */
export async function taskViews(
  db: Queryable,
  merchantId: string,
  ids?: string[],
): Promise<Task[]> {
  const [tasks, pools, counts, pending] = await Promise.all([
    db
      .select()
      .from(checkinTasks)
      .where(
        and(
          eq(checkinTasks.merchantId, merchantId),
          ids ? inArray(checkinTasks.id, ids) : undefined,
        ),
      ),
    db
      .select()
      .from(taskPools)
      .where(
        and(eq(taskPools.merchantId, merchantId), ids ? inArray(taskPools.taskId, ids) : undefined),
      ),
    db
      .select({
        taskId: taskOrders.taskId,
        state: taskOrders.state,
        n: sql<number>`count(*)`.mapWith(Number),
        late: sql<number>`count(*) filter (where ${taskOrders.lateRisk} and ${taskOrders.state} = 'accepted')`.mapWith(
          Number,
        ),
      })
      .from(taskOrders)
      .where(
        and(
          eq(taskOrders.merchantId, merchantId),
          ids ? inArray(taskOrders.taskId, ids) : undefined,
        ),
      )
      .groupBy(taskOrders.taskId, taskOrders.state),
    db
      .select({
        taskId: taskPayments.taskId,
        sum: sql<number>`sum(${taskPayments.amountFen})`.mapWith(Number),
      })
      .from(taskPayments)
      .where(
        and(
          eq(taskPayments.merchantId, merchantId),
          ids ? inArray(taskPayments.taskId, ids) : undefined,
          eq(taskPayments.status, 'pending'),
        ),
      )
      .groupBy(taskPayments.taskId),
  ]);
  return tasks
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((t) => {
      const pool = pools.find((p) => p.taskId === t.id)!;
      const orders = { ...NO_ORDERS };
      let lateRisk = 0;
      for (const c of counts.filter((c) => c.taskId === t.id)) {
        orders[c.state] = c.n;
        lateRisk += c.late;
      }
      return {
        id: t.id,
        title: t.title,
        description: t.description,
        target: t.target,
        radiusM: t.radiusM,
        startsAt: t.startsAt,
        deadlineAt: t.deadlineAt,
        reward: t.reward,
        places: t.places,
        perPerson: t.perPerson,
        onSiteRequired: t.onSiteRequired,
        status: t.status,
        pool: {
          funded: pool.funded,
          available: pool.available,
          reserved: pool.reserved,
          released: pool.released,
          refunded: pool.refunded,
          pending: pending.find((p) => p.taskId === t.id)?.sum ?? 0,
        },
        placesLeft: pool.placesLeft,
        orders,
        lateRisk,
        createdAt: t.createdAt,
        publishedAt: t.publishedAt,
        closedAt: t.closedAt,
      };
    });
}

export function merchantOrderView(o: OrderRow): MerchantTaskOrder {
  return {
    id: o.id,
    taskId: o.taskId,
    phoneMasked: maskPhone(o.phone),
    state: o.state,
    lateRisk: o.lateRisk,
    estimatedArrivalAt: o.estimatedArrivalAt,
    distanceM: o.distanceM,
    flagged: o.flagged,
    acceptedAt: o.acceptedAt,
    checkedInAt: o.checkedInAt,
    verifiedAt: o.verifiedAt,
    lapsedAt: o.lapsedAt,
  };
}
