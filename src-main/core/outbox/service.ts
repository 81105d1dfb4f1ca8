import type { AppDatabase } from '../db/database';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { placeholdersFor } from '../db/placeholders';
import { outbox } from './schema';

export class OutboxService {
  /** Every change goes through here: prepared once. */
  private readonly insert;

  constructor(
    adb: AppDatabase,
    private readonly clock: Clock,
  ) {
    this.insert = adb.db.insert(outbox).values(placeholdersFor(outbox)).prepare();
  }

  /** Call inside the `write()` of the change: the row commits or rolls back with it. */
  add(topic: string, entityId: string, payload: Record<string, unknown>): void {
    this.insert.run({
      id: newId(),
      topic,
      entityId,
      payload,
      createdAt: this.clock.now(),
      sentAt: null,
    });
  }
}
