import type { AppDatabase } from '../db/database';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { outbox } from './schema';

export class OutboxService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  /** Call inside the `write()` of the change: the row commits or rolls back with it. */
  add(topic: string, entityId: string, payload: Record<string, unknown>): void {
    this.adb.db
      .insert(outbox)
      .values({ id: newId(), topic, entityId, payload, createdAt: this.clock.now() })
      .run();
  }
}
