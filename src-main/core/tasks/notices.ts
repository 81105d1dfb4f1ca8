import type { z } from 'zod';
import type { taskOrderChangedSchema } from '../../../src-shared/sync/events';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';

export type TaskOrderChanged = z.infer<typeof taskOrderChangedSchema>;

/** A late risk older than this, pulled by a PC that was off, is history, not a notification. */
const FRESH_MS = 3600_000;

/**
 * What this PC does with an order the cloud decided (`tasks.orderChanged`): the cloud keeps the
 * orders, so nothing is stored here; an order newly at risk of arriving late (可能迟到) becomes a
 * notification for the managers signed in, once the pulled page commits.
 */
export class TaskNotices {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  applyRemote(change: TaskOrderChanged): void {
    const { order } = change;
    if (!order.lateRisk || order.state !== 'accepted') return;
    if (this.clock.now() - change.at > FRESH_MS) return;
    this.adb.emitAfterCommit('tasks.lateRisk', {
      orderId: order.id,
      taskId: order.taskId,
      title: change.title,
      phoneMasked: order.phoneMasked,
      estimatedArrivalAt: order.estimatedArrivalAt,
    });
  }
}
