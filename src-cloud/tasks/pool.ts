import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../src-node/ids';
import type { Queryable, CloudTx } from '../db/open';
import { taskPoolEntries, taskPools, type PoolMovement } from './schema';

export type PoolRow = typeof taskPools.$inferSelect;

/** How each movement changes the balance row: the columns it moves money between. */
const MOVES: Record<PoolMovement, { from: keyof Balance | null; to: keyof Balance }> = {
  fund: { from: null, to: 'available' },
  reserve: { from: 'available', to: 'reserved' },
  release: { from: 'reserved', to: 'released' },
  unreserve: { from: 'reserved', to: 'available' },
  refund: { from: 'available', to: 'refunded' },
};
type Balance = Pick<PoolRow, 'available' | 'reserved' | 'released' | 'refunded'>;

const column = (name: keyof Balance) => taskPools[name];

/**
 * The one writer of a task's prepaid pool. Every movement is an entry in the ledger and the same
 * change to the balance row, in the caller's transaction; the balance row's lock orders them
 * (funding and reserving, releasing and refunding all take it). An order's reserve, release
 * and unreserve are unique per order, so a retried or raced call moves nothing twice.
 */
export const TaskPoolLedger = {
  async open(tx: CloudTx, merchantId: string, taskId: string, places: number) {
    await tx.insert(taskPools).values({ merchantId, taskId, placesLeft: places });
  },

  /** A draft's places changed (nothing is reserved before it is published). */
  async setPlaces(tx: CloudTx, merchantId: string, taskId: string, places: number) {
    await tx
      .update(taskPools)
      .set({ placesLeft: places })
      .where(and(eq(taskPools.merchantId, merchantId), eq(taskPools.taskId, taskId)));
  },

  /** The balance row, locked for the rest of the transaction. */
  async lock(tx: CloudTx, merchantId: string, taskId: string): Promise<PoolRow> {
    const [row] = await tx
      .select()
      .from(taskPools)
      .where(and(eq(taskPools.merchantId, merchantId), eq(taskPools.taskId, taskId)))
      .for('update');
    return row!;
  },

  /**
   * Takes one place and reserves its reward, if a place is open and the pool covers it: one
   * conditional UPDATE (the count-down under concurrency). False: no place or no money left.
   */
  async reserve(
    tx: CloudTx,
    task: { merchantId: string; id: string; rewardFen: number },
    orderId: string,
    at: number,
  ): Promise<boolean> {
    const taken = await tx
      .update(taskPools)
      .set({
        placesLeft: sql`${taskPools.placesLeft} - 1`,
        available: sql`${taskPools.available} - ${task.rewardFen}`,
        reserved: sql`${taskPools.reserved} + ${task.rewardFen}`,
      })
      .where(
        and(
          eq(taskPools.merchantId, task.merchantId),
          eq(taskPools.taskId, task.id),
          sql`${taskPools.placesLeft} > 0`,
          sql`${taskPools.available} >= ${task.rewardFen}`,
        ),
      )
      .returning({ taskId: taskPools.taskId });
    if (!taken.length) return false;
    await entry(tx, task.merchantId, task.id, 'reserve', task.rewardFen, { orderId }, at);
    return true;
  },

  /** The order completed: its reserved reward is spent. False: it was released before. */
  async release(tx: CloudTx, task: PoolTask, orderId: string, at: number): Promise<boolean> {
    return settle(tx, task, orderId, 'release', at);
  },

  /** The order lapsed: its reward goes back to the pool and, while the task runs, its place. */
  async unreserve(tx: CloudTx, task: PoolTask, orderId: string, at: number): Promise<boolean> {
    return settle(tx, task, orderId, 'unreserve', at);
  },

  async fund(
    tx: CloudTx,
    merchantId: string,
    taskId: string,
    amountFen: number,
    paymentId: string,
    at: number,
  ) {
    await entry(tx, merchantId, taskId, 'fund', amountFen, { paymentId }, at);
    await move(tx, merchantId, taskId, 'fund', amountFen, sql`${taskPools.funded} + ${amountFen}`);
  },

  /** Everything not reserved goes back (the task ended); the amount given back. */
  async refundRest(
    tx: CloudTx,
    merchantId: string,
    taskId: string,
    paymentId: string | null,
    at: number,
  ) {
    const pool = await TaskPoolLedger.lock(tx, merchantId, taskId);
    if (pool.available <= 0) return 0;
    await entry(tx, merchantId, taskId, 'refund', pool.available, { paymentId }, at);
    await move(tx, merchantId, taskId, 'refund', pool.available);
    return pool.available;
  },
};

interface PoolTask {
  merchantId: string;
  id: string;
  rewardFen: number;
  status: 'draft' | 'published' | 'closed';
}

async function settle(
  tx: CloudTx,
  task: PoolTask,
  orderId: string,
  kind: 'release' | 'unreserve',
  at: number,
): Promise<boolean> {
  // Written first: the unique (order, kind) makes a second settlement of one order a no-op.
  const written = await entry(tx, task.merchantId, task.id, kind, task.rewardFen, { orderId }, at);
  if (!written) return false;
  const reopen = kind === 'unreserve' && task.status === 'published';
  await move(tx, task.merchantId, task.id, kind, task.rewardFen, undefined, reopen);
  return true;
}

async function entry(
  tx: CloudTx,
  merchantId: string,
  taskId: string,
  kind: PoolMovement,
  amountFen: number,
  ref: { orderId?: string; paymentId?: string | null },
  at: number,
): Promise<boolean> {
  const rows = await tx
    .insert(taskPoolEntries)
    .values({
      merchantId,
      id: newId(),
      taskId,
      kind,
      amountFen,
      orderId: ref.orderId ?? null,
      paymentId: ref.paymentId ?? null,
      at,
    })
    .onConflictDoNothing()
    .returning({ id: taskPoolEntries.id });
  return rows.length === 1;
}

async function move(
  tx: CloudTx,
  merchantId: string,
  taskId: string,
  kind: PoolMovement,
  amountFen: number,
  funded?: ReturnType<typeof sql>,
  reopenPlace = false,
) {
  const { from, to } = MOVES[kind];
  await tx
    .update(taskPools)
    .set({
      ...(from ? { [from]: sql`${column(from)} - ${amountFen}` } : {}),
      [to]: sql`${column(to)} + ${amountFen}`,
      ...(funded ? { funded } : {}),
      ...(reopenPlace ? { placesLeft: sql`${taskPools.placesLeft} + 1` } : {}),
    })
    .where(and(eq(taskPools.merchantId, merchantId), eq(taskPools.taskId, taskId)));
}

/** A pool whose balance row breaks the invariant or differs from its ledger. */
export interface PoolViolation {
  merchantId: string;
  taskId: string;
  pool: Balance & { funded: number };
  ledger: Balance & { funded: number };
}

/**
 * The nightly check: funded = available + reserved + released + refunded on every balance row,
 * and every balance row equal to the replay of its ledger. Empty when all is well.
 */
export async function checkPools(db: Queryable, merchantId?: string): Promise<PoolViolation[]> {
  const result = await db.execute(sql`
    with ledger as (
      select merchant_id, task_id,
        coalesce(sum(amount_fen) filter (where kind = 'fund'), 0) as funded,
        coalesce(sum(case kind when 'fund' then amount_fen when 'reserve' then -amount_fen
          when 'unreserve' then amount_fen when 'refund' then -amount_fen else 0 end), 0) as available,
        coalesce(sum(case kind when 'reserve' then amount_fen when 'release' then -amount_fen
          when 'unreserve' then -amount_fen else 0 end), 0) as reserved,
        coalesce(sum(amount_fen) filter (where kind = 'release'), 0) as released,
        coalesce(sum(amount_fen) filter (where kind = 'refund'), 0) as refunded
      from task_pool_entries group by merchant_id, task_id
    )
    select p.merchant_id, p.task_id, p.funded, p.available, p.reserved, p.released, p.refunded,
      coalesce(l.funded, 0) as l_funded, coalesce(l.available, 0) as l_available,
      coalesce(l.reserved, 0) as l_reserved, coalesce(l.released, 0) as l_released,
      coalesce(l.refunded, 0) as l_refunded
    from task_pools p left join ledger l using (merchant_id, task_id)
    where ${merchantId ? sql`p.merchant_id = ${merchantId}` : sql`true`}`);
  const rows = (result as unknown as { rows: Record<string, string | number>[] }).rows;
  const violations: PoolViolation[] = [];
  for (const r of rows) {
    const n = (key: string) => Number(r[key]);
    const pool = {
      funded: n('funded'),
      available: n('available'),
      reserved: n('reserved'),
      released: n('released'),
      refunded: n('refunded'),
    };
    const ledger = {
      funded: n('l_funded'),
      available: n('l_available'),
      reserved: n('l_reserved'),
      released: n('l_released'),
      refunded: n('l_refunded'),
    };
    const balanced =
      pool.funded === pool.available + pool.reserved + pool.released + pool.refunded &&
      Object.keys(pool).every(
        (k) => pool[k as keyof typeof pool] === ledger[k as keyof typeof ledger],
      );
    if (!balanced)
      violations.push({
        merchantId: String(r.merchant_id),
        taskId: String(r.task_id),
        pool,
        ledger,
      });
  }
  return violations;
}
