import type { AppDatabase } from '../db/database';
import type { HandlerContext } from '../platform/context';
import type { DomainEventCatalogue, DomainEventName } from './catalogue';

/** Who caused an event: the audit entry names them. Pulled events are the system's. */
export type EventContext = Pick<HandlerContext, 'actor' | 'source'>;

export const SYSTEM_CONTEXT: EventContext = { actor: { kind: 'anonymous' }, source: 'system' };

type Subscriber<N extends DomainEventName> = (
  payload: DomainEventCatalogue[N],
  ctx: EventContext,
) => void;

type Subscribers = { [N in DomainEventName]?: Subscriber<N>[] };

/**
 * Domain events of one connection. A ledger records an event inside its write; the subscribers
 * `on` it run at once in the same transaction (rollups, outbox rows, audit entries: they commit
 * or roll back with the change), those `afterCommit` run once it committed (pushes to the UI).
 */
export class DomainEvents {
  private readonly inTransaction: Subscribers = {};
  private readonly committed: Subscribers = {};

  constructor(private readonly adb: AppDatabase) {}

  on<N extends DomainEventName>(name: N, subscriber: Subscriber<N>): void {
    ((this.inTransaction[name] as Subscriber<N>[] | undefined) ??= []).push(subscriber);
  }

  afterCommit<N extends DomainEventName>(name: N, subscriber: Subscriber<N>): void {
    ((this.committed[name] as Subscriber<N>[] | undefined) ??= []).push(subscriber);
  }

  record<N extends DomainEventName>(
    ctx: EventContext,
    name: N,
    payload: DomainEventCatalogue[N],
  ): void {
    // Outside a write, the subscribers' rows would commit apart from the change.
    if (!this.adb.inWrite) throw new Error(`domain event ${name} recorded outside a write`);
    for (const subscriber of (this.inTransaction[name] ?? []) as Subscriber<N>[])
      subscriber(payload, ctx);
    for (const subscriber of (this.committed[name] ?? []) as Subscriber<N>[])
      this.adb.afterCommit(() => subscriber(payload, ctx));
  }
}
