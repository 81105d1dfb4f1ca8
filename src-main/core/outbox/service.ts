import { eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { placeholdersFor } from '../db/placeholders';
import { outbox } from './schema';

export class OutboxService {
  /** Every change goes through here: prepared once. */
  private readonly insert;
  private readonly moveStaged;

  constructor(
    protected readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {
    this.insert = adb.db.insert(outbox).values(placeholdersFor(outbox)).prepare();
    this.moveStaged = adb.sqlite.prepare(
      `INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at)
       SELECT id, topic, entity_id, payload, created_at, NULL FROM sales_import_outbox
       WHERE run_id = ? ORDER BY id`,
    );
  }

  /**
   * The rows a sales import staged while it could still be undone (sales_import_outbox), in
   * the order staged: inside the import's last write, so the cloud hears of them all or none.
   */
  addStaged(runId: string): void {
    this.moveStaged.run(runId);
  }

  /** Rows the cloud answered (taken, or refused for good): not pushed again. */
  markSent(ids: string[], at: number): void {
    this.adb.db.update(outbox).set({ sentAt: at }).where(inArray(outbox.id, ids)).run();
  }

  /** A refused row the manager sends again: the next round pushes it. */
  markUnsent(id: string): void {
    this.adb.db.update(outbox).set({ sentAt: null }).where(eq(outbox.id, id)).run();
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
