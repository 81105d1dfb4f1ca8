import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { errorShape } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { parseIn } from '../../src-node/zod-locale';
import { instantSchema } from '../../src-shared/bounds';
import type { Language } from '../../src-shared/i18n';
import { unsafeTextPath, withSafeText } from '../../src-shared/text-safety';
import {
  EVENT_CATALOGUE,
  isCloudOnlyKind,
  isEventKind,
  type PushedEvent,
} from '../../src-shared/sync/events';
import type { EventResult } from '../../src-shared/sync/sync';
import type { CashbackLedger } from '../consumers/cashback-ledger';
import type { CloudDb, CloudTx } from '../db/open';
import type { DevicesService } from '../devices/service';
import type { DeviceActor } from '../http/context';
import { StoreOwnerBook } from '../devices/store-owners';
import { CouponClaimBook } from './coupon-claims';
import { appendEvents, forgetEvents, type EventRow } from './event-log';
import type { EventScope, Outcome } from './outcome';
import { eventHash } from './payload-hash';
import { syncEvents } from './schema';
import { holdStream } from './stream';

/**
 * A stored refusal for a kind (or version) this cloud did not know then: never the till's
 * fault, so once the kind is in the catalogue the event is decided again when it comes back
 * (the desktop requeues such dead letters at start-up).
 */
const knownNow = (event: PushedEvent, result: EventResult) =>
  result.status === 'rejected' &&
  result.error?.code === 'UNKNOWN_EVENT_KIND' &&
  isEventKind(event.kind) &&
  (event.version ?? 1) <= EVENT_CATALOGUE[event.kind].version;

/**
 * The codes, redemptions and stores a batch's claims, voids and cashback codes name (read
 * loosely: not yet validated).
 */
function batchNames(events: PushedEvent[]) {
  const codes: string[] = [];
  const redemptionIds: string[] = [];
  const storeIds: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const add = (list: string[], value: unknown) => {
    const name = text(value);
    if (name) list.push(name);
  };
  for (const { kind, payload } of events) {
    if (kind === 'redemption.completed') {
      add(codes, payload.code);
      add(redemptionIds, payload.id);
      add(storeIds, payload.storeId);
    } else if (kind === 'redemption.voided') {
      add(redemptionIds, payload.redemptionId);
    } else if (kind === 'cashback.issued') {
      add(storeIds, payload.storeId);
    }
  }
  return { codes, redemptionIds, storeIds };
}

/** What one push decides with: the claims of its codes and who speaks for its stores. */
interface Books {
  claims: CouponClaimBook;
  owners: StoreOwnerBook;
}

/**
 * Takes a batch of outbox events from a device in one transaction: each event is decided once
 * (accepted, conflict or rejected), numbered in the merchant's stream unless rejected, and
 * stored with its answer. An event id seen before gets its stored answer back, unchanged.
 */
export class PushService {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly devices: DevicesService,
    private readonly cashback: CashbackLedger,
  ) {}

  async push(device: DeviceActor, events: PushedEvent[], lang: Language): Promise<EventResult[]> {
    const deviceNames = await this.devices.names(device.merchantId);
    return this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, device.merchantId);
      const stored = await this.storedAnswers(tx, device.merchantId, events);
      const names = batchNames(events);
      const claims = await CouponClaimBook.open(tx, device.merchantId, names);
      // The stores of the claims a void may name are known only once the claims are loaded.
      const voided = names.redemptionIds.map((id) => claims.storeOf(id) ?? '').filter(Boolean);
      const owners = await StoreOwnerBook.open(tx, device.merchantId, [
        ...names.storeIds,
        ...voided,
      ]);
      const receivedAt = this.clock.now();
      const rows: EventRow[] = [];
      const results: EventResult[] = [];
      /** Stored refusals of kinds unknown then, decided again below (their rows replaced). */
      const redecided: string[] = [];
      for (const event of events) {
        const hash = eventHash(event);
        const earlier = stored.get(event.id);
        if (earlier && earlier.hash === hash && knownNow(event, earlier.result)) {
          redecided.push(event.id);
        } else if (earlier) {
          results.push(
            earlier.hash === hash
              ? earlier.result
              : this.result(
                  event.id,
                  null,
                  {
                    status: 'rejected',
                    code: 'EVENT_ID_REUSED',
                    details: { eventId: event.id },
                  },
                  lang,
                ),
          );
          continue;
        }
        const scope: EventScope = {
          tx,
          merchantId: device.merchantId,
          deviceId: device.deviceId,
          eventId: event.id,
          receivedAt,
          deviceName: (id) => (id ? (deviceNames.get(id) ?? null) : null),
        };
        const outcome = await this.decide(scope, { claims, owners }, event, lang);
        const seq = outcome.status === 'rejected' ? null : stream.next();
        const result = this.result(event.id, seq, outcome, lang);
        rows.push({
          merchantId: device.merchantId,
          eventId: event.id,
          seq,
          deviceId: device.deviceId,
          kind: event.kind,
          version: event.version ?? 1,
          entityId: event.entityId,
          occurredAt: event.occurredAt,
          // A refused event is kept with its answer; what the database cannot store is replaced.
          payload: outcome.status === 'rejected' ? withSafeText(event.payload) : event.payload,
          payloadHash: hash,
          status: outcome.status,
          result,
          receivedAt,
        });
        stored.set(event.id, { hash, result });
        results.push(result);
      }
      await claims.flush();
      await owners.flush();
      await forgetEvents(tx, device.merchantId, redecided);
      await appendEvents(tx, rows);
      await stream.save();
      return results;
    });
  }

  private async storedAnswers(tx: CloudTx, merchantId: string, events: PushedEvent[]) {
    const ids = [...new Set(events.map((e) => e.id))];
    const rows = await tx
      .select({
        eventId: syncEvents.eventId,
        hash: syncEvents.payloadHash,
        result: syncEvents.result,
      })
      .from(syncEvents)
      .where(
        and(
          eq(syncEvents.merchantId, merchantId),
          // One JSON parameter rather than a thousand.
          sql`${syncEvents.eventId} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
        ),
      );
    return new Map(rows.map((r) => [r.eventId, { hash: r.hash, result: r.result }]));
  }

  /**
   * The rules of the kinds the cloud decides on; every other known kind is relayed as is. A
   * device acts only for its own stores: it claims, voids and issues cashback codes there.
   */
  private async decide(
    scope: EventScope,
    { claims, owners }: Books,
    event: PushedEvent,
    lang: Language,
  ): Promise<Outcome> {
    if (!isEventKind(event.kind))
      return { status: 'rejected', code: 'UNKNOWN_EVENT_KIND', details: { kind: event.kind } };
    // The wallet's history is the cloud's to write: a till cannot make one up.
    if (isCloudOnlyKind(event.kind))
      return { status: 'rejected', code: 'FORBIDDEN', details: { kind: event.kind } };
    // A newer till's payload version: refused as unknown, decided again once this cloud knows it.
    const version = event.version ?? 1;
    if (version > EVENT_CATALOGUE[event.kind].version)
      return {
        status: 'rejected',
        code: 'UNKNOWN_EVENT_KIND',
        details: { kind: `${event.kind}@${version}` },
      };
    const unsafe = unsafeTextPath(event.payload, ['payload']);
    if (unsafe)
      return { status: 'rejected', code: 'UNSAFE_TEXT', details: { path: unsafe.join('.') } };
    // A till's time outside 2000–2099 is refused with the event alone, like a bad payload.
    const when = parseIn(instantSchema, event.occurredAt, lang, ['occurredAt']);
    if (!when.ok)
      return { status: 'rejected', code: 'VALIDATION_FAILED', details: { issues: when.issues } };
    const parsed = parseIn(EVENT_CATALOGUE[event.kind].payload as z.ZodType, event.payload, lang, [
      'payload',
    ]);
    if (!parsed.ok)
      return { status: 'rejected', code: 'VALIDATION_FAILED', details: { issues: parsed.issues } };
    const payload = parsed.data as never;
    switch (event.kind) {
      case 'redemption.completed': {
        const { storeId } = payload as { storeId: string };
        return owners.speakFor(scope, storeId) ?? claims.claim(scope, payload);
      }
      case 'redemption.voided': {
        const storeId = claims.storeOf((payload as { redemptionId: string }).redemptionId);
        return (storeId && owners.speakFor(scope, storeId)) || claims.void(payload);
      }
      case 'cashback.issued': {
        const { storeId } = payload as { storeId: string };
        return owners.speakFor(scope, storeId) ?? this.cashback.recordIssued(scope, payload);
      }
      case 'cashback.redeemed':
        return this.cashback.claimFromDevice(scope, payload);
      default:
        return { status: 'accepted' };
    }
  }

  private result(
    eventId: string,
    seq: number | null,
    outcome: Outcome,
    lang: Language,
  ): EventResult {
    const result: EventResult = {
      eventId,
      status: outcome.status,
      seq: seq === null ? null : String(seq),
    };
    if (outcome.status === 'conflict') result.conflict = outcome.conflict;
    if (outcome.status === 'rejected')
      result.error = errorShape(lang, outcome.code, outcome.details);
    return result;
  }
}
