import { asc, count, isNull } from 'drizzle-orm';
import type { PushedEvent } from '../../../src-shared/sync/events';
import type { EventResult } from '../../../src-shared/sync/sync';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { outbox } from '../outbox/schema';
import type { OutboxService } from '../outbox/service';
import { CloudError, type CloudClient } from './cloud-client';
import { syncIssues } from './schema';

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
