import type { EventName, PayloadOf } from '../../../src-shared/contract';
import type { EventBus } from '../platform/event-bus';
import type { Drizzle, Sqlite } from './open';

/**
 * The shop database as services see it: drizzle for queries, and `write()` for a write
 * transaction whose events go out only after it commits (a rolled-back change tells nobody).
 * Ledgers record domain events inside it (core/events); what must follow the commit is queued
 * here with `afterCommit`.
 */
export class AppDatabase {
  private pendingEvents: (() => void)[] | null = null;

  constructor(
    readonly sqlite: Sqlite,
    readonly db: Drizzle,
    /** Where contract events go out to the UI and the POS terminals (after commit). */
    readonly bus: EventBus,
    /**
     * Shared with the workers: how many writes of this connection wait for (or hold) the write
     * lock, so a worker writing in chunks steps aside between two chunks (see WriteIntent).
     */
    readonly writeIntent: WriteIntent = new WriteIntent(),
  ) {}

  /** Runs `work` in one IMMEDIATE transaction (takes the write lock first, so no upgrade deadlock). */
  write<T>(work: () => T): T {
    if (this.pendingEvents) return work(); // already inside a write: join it
    const events: (() => void)[] = [];
    this.pendingEvents = events;
    let result: T;
    this.writeIntent.begin();
    try {
      result = this.sqlite.transaction(work).immediate();
    } finally {
      this.writeIntent.end();
      this.pendingEvents = null;
    }
    for (const send of events) send();
    return result;
  }

  /** Whether a `write()` is under way on this connection (domain events need one). */
  get inWrite(): boolean {
    return this.pendingEvents !== null;
  }

  /** Runs `task` when the surrounding `write()` commits (at once outside a write). */
  afterCommit(task: () => void): void {
    if (this.pendingEvents) this.pendingEvents.push(task);
    else task();
  }

  /** Queues an event to be pushed when the surrounding `write()` commits. */
  emitAfterCommit<E extends EventName>(name: E, payload: PayloadOf<E>): void {
    this.afterCommit(() => this.bus.emit(name, payload));
  }
}

/**
 * A counter in shared memory: the main thread counts its writes in progress, and a worker that
 * writes a long job in short transactions waits between two of them while the count is above
 * zero. SQLite's busy handler alone retries at growing intervals (1, 2, 5 … 100 ms) and would
 * keep missing the worker's short gaps; with this the main thread waits about one chunk.
 */
export class WriteIntent {
  private readonly count: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.count = new Int32Array(buffer);
  }

  begin(): void {
    Atomics.add(this.count, 0, 1);
  }

  end(): void {
    Atomics.sub(this.count, 0, 1);
  }

  /** In a worker: blocks while the other side has a write under way, at most `maxMs`. */
  waitForOthers(maxMs: number): void {
    const until = performance.now() + maxMs;
    for (let waiting = Atomics.load(this.count, 0); waiting > 0;) {
      const left = until - performance.now();
      if (left <= 0) return;
      Atomics.wait(this.count, 0, waiting, Math.min(left, 5));
      waiting = Atomics.load(this.count, 0);
    }
  }
}
