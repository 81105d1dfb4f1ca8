import { eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { newId } from '../../../src-node/ids';
import { placeholdersFor } from '../db/placeholders';
import {
  EVENT_CATALOGUE,
  isDesktopEventKind,
  type DesktopEventKind,
  type EventPayloadInput,
} from '../../../src-shared/sync/events';
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
      `INSERT INTO outbox (id, topic, version, entity_id, payload, created_at, sent_at)
       SELECT id, topic, version, entity_id, payload, created_at, NULL FROM sales_import_outbox
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

  /**
   * Call inside the `write()` of the change: the row commits or rolls back with it. Only kinds
   * of the event catalogue: the type says so, and a kind built at run time is checked here, so
   * the cloud never gets a kind it does not know (and the shop no dead letter for it).
   */
  add<K extends DesktopEventKind>(topic: K, entityId: string, payload: EventPayloadInput<K>): void {
    this.insert.run({
      id: newId(),
      ...OutboxService.kind(topic),
      entityId,
      payload,
      createdAt: this.clock.now(),
      sentAt: null,
    });
  }

  /** The topic and its catalogue version; throws for a kind outside the catalogue. */
  static kind(topic: string): { topic: DesktopEventKind; version: number } {
    if (!isDesktopEventKind(topic))
      throw new Error(`outbox: "${topic}" is not an event kind of the catalogue`);
    return { topic, version: EVENT_CATALOGUE[topic].version };
  }
}
