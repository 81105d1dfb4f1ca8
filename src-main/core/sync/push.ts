import { asc, count, isNull } from 'drizzle-orm';
import type { PushedEvent } from '../../../src-shared/sync/events';
import type { EventResult } from '../../../src-shared/sync/sync';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { outbox } from '../outbox/schema';
import type { OutboxService } from '../outbox/service';
import { CloudError, type CloudClient } from './cloud-client';
import { syncIssues } from './schema';

/** Events failed one by one with none through: taken for an outage of the cloud, not bad rows. */
const MAX_FAULTY_IN_A_ROW = 3;

const isServerFault = (error: CloudError) =>
  error.failure === 'transient' && error.status !== null && error.status >= 500;

export interface PushOutcome {
  accepted: number;
  conflicts: number;
  rejected: number;
}

/**
 * Sends unsent outbox rows to the cloud, oldest first, in batches. The outbox row id is the
 * event id, so a batch cut off by a crash, a timeout or a 5xx is simply sent again: the cloud
 * answers the stored result and changes nothing. Results are written in one transaction per
 * batch: accepted → sent; conflict → sent + conflicts list; rejected → sent + dead letters.
 */
export class OutboxPusher {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly batchSize: number,
  ) {}

  pendingCount(): number {
    return this.adb.db.select({ n: count() }).from(outbox).where(isNull(outbox.sentAt)).get()!.n;
  }

  /** Pushes until the outbox is empty; a whole-request failure other than 413/400 is thrown. */
  async pushAll(client: CloudClient, shouldStop: () => boolean): Promise<PushOutcome> {
    const outcome: PushOutcome = { accepted: 0, conflicts: 0, rejected: 0 };
    while (!shouldStop()) {
      const events = this.nextBatch();
      if (!events.length) break;
      await this.pushBatch(client, events, outcome);
    }
    return outcome;
  }

  private nextBatch(): PushedEvent[] {
    return this.adb.db
      .select()
      .from(outbox)
      .where(isNull(outbox.sentAt))
      .orderBy(asc(outbox.id))
      .limit(this.batchSize)
      .all()
      .map((row) => ({
        id: row.id,
        kind: row.topic,
        version: row.version,
        entityId: row.entityId,
        occurredAt: row.createdAt,
        payload: row.payload,
      }));
  }

  private async pushBatch(client: CloudClient, events: PushedEvent[], outcome: PushOutcome) {
    try {
      const { results } = await client.call('sync.push', { body: { events } });
      this.record(events, results, outcome);
    } catch (error) {
      if (!(error instanceof CloudError)) throw error;
      if (isServerFault(error) && events.length > 1)
        return this.isolateFault(client, events, error, outcome);
      // Too large: halve it. Malformed envelope: find the bad event one by one.
      const splittable =
        error.failure === 'tooLarge' || (error.failure === 'permanent' && error.status === 400);
      if (!splittable) throw error;
      if (events.length === 1) {
        this.deadLetter(events[0]!, error.code, error.message);
        outcome.rejected += 1;
        return;
      }
      const half = error.failure === 'tooLarge' ? Math.ceil(events.length / 2) : 1;
      for (let i = 0; i < events.length; i += half)
        await this.pushBatch(client, events.slice(i, i + half), outcome);
    }
  }

  /**
   * A batch the cloud answers with a 5xx: the cloud may be down, or one event may break it (a
   * row it cannot store). Sent one by one, in order: the events it fails on are held until one
   * goes through, which shows the cloud is up, and are then dead-lettered with the reason, so a
   * bad row never holds back the others. A few failures in a row with none through is an outage:
   * the round fails and waits its backoff, as before.
   */
  private async isolateFault(
    client: CloudClient,
    events: PushedEvent[],
    fault: CloudError,
    outcome: PushOutcome,
  ) {
    const failing: PushedEvent[] = [];
    for (const [i, event] of events.entries()) {
      try {
        await this.pushBatch(client, [event], outcome);
      } catch (error) {
        if (!(error instanceof CloudError) || !isServerFault(error)) throw error;
        failing.push(event);
        fault = error;
        if (failing.length >= MAX_FAULTY_IN_A_ROW) throw error;
        continue;
      }
      // The cloud answered: those it failed on are bad rows, and the rest goes as one batch.
      for (const bad of failing) this.deadLetter(bad, fault.code, fault.message);
      outcome.rejected += failing.length;
      if (i + 1 < events.length) await this.pushBatch(client, events.slice(i + 1), outcome);
      return;
    }
    throw fault;
  }

  private record(events: PushedEvent[], results: EventResult[], outcome: PushOutcome) {
    const kinds = new Map(events.map((e) => [e.id, e]));
    const now = this.clock.now();
    this.adb.write(() => {
      const sent: string[] = [];
      for (const result of results) {
        const event = kinds.get(result.eventId);
        if (!event) continue;
        sent.push(event.id);
        if (result.status === 'accepted') outcome.accepted += 1;
        else if (result.status === 'conflict') {
          outcome.conflicts += 1;
          this.adb.db
            .insert(syncIssues)
            .values({
              eventId: event.id,
              kind: 'conflict',
              eventKind: event.kind,
              entityId: event.entityId,
              errorCode: 'CONFLICT',
              errorMessage: null,
              conflict: result.conflict ?? null,
              createdAt: now,
            })
            .onConflictDoNothing()
            .run();
        } else {
          outcome.rejected += 1;
          this.insertDead(event, result.error?.code ?? 'REJECTED', result.error?.message ?? null);
        }
      }
      if (sent.length) this.outbox.markSent(sent, now);
    });
  }

  private deadLetter(event: PushedEvent, code: string, message: string) {
    this.adb.write(() => {
      this.insertDead(event, code, message);
      this.outbox.markSent([event.id], this.clock.now());
    });
  }

  private insertDead(event: PushedEvent, code: string, message: string | null) {
    this.adb.db
      .insert(syncIssues)
      .values({
        eventId: event.id,
        kind: 'dead',
        eventKind: event.kind,
        entityId: event.entityId,
        errorCode: code,
        errorMessage: message,
        conflict: null,
        createdAt: this.clock.now(),
      })
      .onConflictDoUpdate({
        target: syncIssues.eventId,
        set: { errorCode: code, errorMessage: message, resolvedAt: null, resolution: null },
      })
      .run();
  }
}
