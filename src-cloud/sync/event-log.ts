import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/open';
import { projectEvents } from '../projections/projector';
import { eventHash } from './payload-hash';
import { syncEvents } from './schema';

export type EventRow = typeof syncEvents.$inferInsert;

/**
 * Writes event rows as one JSON parameter expanded by jsonb_to_recordset: a thousand rows of a
 * push cost one parameter instead of twelve thousand, several times faster (on PGlite most of
 * all). The column list follows sync/schema.ts.
 */
export async function appendEvents(db: Queryable, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  // The log and its projections are written together, so no writer of the log forgets them.
  await projectEvents(db, rows);
  await insertEventRows(db, rows);
}

/** The bare insert of event rows (no projections): the rebuild's and the bench's baseline. */
export async function insertEventRows(db: Queryable, rows: EventRow[]): Promise<void> {
  if (!rows.length) return;
  const records = JSON.stringify(
    rows.map((r) => ({
      merchant_id: r.merchantId,
      event_id: r.eventId,
      seq: r.seq ?? null,
      device_id: r.deviceId ?? null,
      kind: r.kind,
      version: r.version ?? 1,
      entity_id: r.entityId,
      occurred_at: r.occurredAt,
      payload: r.payload,
      payload_hash: r.payloadHash,
      status: r.status,
      result: r.result,
      received_at: r.receivedAt,
    })),
  );
  await db.execute(sql`
    insert into sync_events (merchant_id, event_id, seq, device_id, kind, version, entity_id,
      occurred_at, payload, payload_hash, status, result, received_at)
    select merchant_id, event_id, seq, device_id, kind, version, entity_id, occurred_at,
      payload, payload_hash, status, result, received_at
    from jsonb_to_recordset(${records}::jsonb) as r(merchant_id text, event_id text, seq bigint,
      device_id text, kind text, version integer, entity_id text, occurred_at bigint, payload jsonb,
      payload_hash text, status text, result jsonb, received_at bigint)`);
}

/** Drops stored refusals about to be decided again (rejected rows: no place in the stream). */
export async function forgetEvents(db: Queryable, merchantId: string, eventIds: string[]) {
  if (!eventIds.length) return;
  await db
    .delete(syncEvents)
    .where(
      and(
        eq(syncEvents.merchantId, merchantId),
        eq(syncEvents.status, 'rejected'),
        inArray(syncEvents.eventId, eventIds),
      ),
    );
}

/**
 * An event the cloud itself decided (no device wrote it), at its place `seq` in the merchant's
 * stream: a claim's code, a share, a task's order. The caller holds the stream.
 */
export function cloudEvent(e: {
  merchantId: string;
  eventId: string;
  kind: string;
  entityId: string;
  payload: Record<string, unknown>;
  at: number;
  seq: number;
}): EventRow {
  const event = { kind: e.kind, entityId: e.entityId, occurredAt: e.at, payload: e.payload };
  return {
    merchantId: e.merchantId,
    eventId: e.eventId,
    seq: e.seq,
    deviceId: null,
    ...event,
    payloadHash: eventHash(event),
    status: 'accepted',
    result: { eventId: e.eventId, status: 'accepted', seq: String(e.seq) },
    receivedAt: e.at,
  };
}
