import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Clock } from '../../src-node/clock';
import type { Logger } from '../../src-node/logger';
import type { CloudDb } from '../db/open';
import { appendEvents } from '../sync/event-log';
import { holdStream } from '../sync/stream';
import { lapseOrder, lockOrder, VERIFY_GRACE_MS } from './transitions';
import { checkPools } from './pool';
import { checkinTasks, taskOrders } from './schema';
import type { TasksService } from './service';
import type { JobLease } from '../jobs/lease';

/**
 * The tasks' clockwork, run every minute: orders past their deadline lapse (an order checked
 * in by location keeps a grace for the till's scan), tasks past their deadline and grace close
 * and refund what their pool holds, and every pool is checked against its ledger.
 */
export class TaskSweeper {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly tasks: TasksService,
    private readonly logger: Logger,
    /** One node of the deployment sweeps at a time (the others skip their rounds). */
    private readonly lease: JobLease,
  ) {}

  async sweep(): Promise<{ lapsed: number; closed: number }> {
    const now = this.clock.now();
    const due = await this.db
      .select({ merchantId: taskOrders.merchantId, id: taskOrders.id })
      .from(taskOrders)
      .innerJoin(
        checkinTasks,
        and(
          eq(checkinTasks.merchantId, taskOrders.merchantId),
          eq(checkinTasks.id, taskOrders.taskId),
        ),
      )
      .where(
        sql`(${taskOrders.state} = 'accepted' and ${checkinTasks.deadlineAt} < ${now})
          or (${taskOrders.state} = 'checkedIn' and ${checkinTasks.deadlineAt} < ${now - VERIFY_GRACE_MS})`,
      );
    let lapsed = 0;
    for (const { merchantId, id } of due) {
      await this.db.transaction(async (tx) => {
        const stream = await holdStream(tx, merchantId);
        const found = await lockOrder(tx, merchantId, id);
        // Completed or lapsed meanwhile: nothing to do.
        if (!found || !['accepted', 'checkedIn'].includes(found.order.state)) return;
        await appendEvents(tx, [await lapseOrder(tx, stream, found.task, found.order, now)]);
        await stream.save();
        lapsed++;
      });
    }
    const ended = await this.db
      .select({ merchantId: checkinTasks.merchantId, id: checkinTasks.id })
      .from(checkinTasks)
      .where(
        and(
          inArray(checkinTasks.status, ['published', 'draft']),
          lt(checkinTasks.deadlineAt, now - VERIFY_GRACE_MS),
        ),
      );
    for (const task of ended) await this.tasks.close(task.merchantId, task.id);
    return { lapsed, closed: ended.length };
  }

  /** The nightly check of every pool; a broken one is logged loudly (it would be a bug). */
  async checkPools(): Promise<number> {
    const violations = await checkPools(this.db);
    for (const v of violations) this.logger.error('task pool out of balance', { ...v });
    return violations.length;
  }

  /** Sweeps every `everyMs` (and checks pools every 24 h) until the returned stop is called. */
  start(everyMs: number): () => void {
    let running = false;
    let lastCheck = 0;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      void (async () => {
        try {
          // Held for two rounds: the holder keeps it each round, another node takes it over
          // only when the holder stopped sweeping.
          if (!(await this.lease.take(this.clock.now(), 2 * everyMs))) return;
          await this.sweep();
          if (this.clock.now() - lastCheck >= 24 * 3600_000) {
            lastCheck = this.clock.now();
            await this.checkPools();
          }
        } catch (error) {
          this.logger.error('task sweep failed', { error: String(error) });
        } finally {
          running = false;
        }
      })();
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
