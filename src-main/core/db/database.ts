import type { EventName, PayloadOf } from '../../../src-shared/contract';
import type { EventBus } from '../platform/event-bus';
import type { Drizzle, Sqlite } from './open';

/**
 * The shop database as services see it: drizzle for queries, and `write()` for a write
 * transaction whose events go out only after it commits (a rolled-back change tells nobody).
 */
export class AppDatabase {
  private pendingEvents: (() => void)[] | null = null;

  constructor(
    readonly sqlite: Sqlite,
    readonly db: Drizzle,
    private readonly bus: EventBus,
  ) {}

  /** Runs `work` in one IMMEDIATE transaction (takes the write lock first, so no upgrade deadlock). */
  write<T>(work: () => T): T {
    if (this.pendingEvents) return work(); // already inside a write: join it
    const events: (() => void)[] = [];
    this.pendingEvents = events;
    let result: T;
    try {
      result = this.sqlite.transaction(work).immediate();
    } finally {
      this.pendingEvents = null;
    }
    for (const send of events) send();
    return result;
  }

  /** Queues an event to be pushed when the surrounding `write()` commits. */
  emitAfterCommit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    const send = () => this.bus.emit(name, payload);
    if (this.pendingEvents) this.pendingEvents.push(send);
    else send();
  }
}
