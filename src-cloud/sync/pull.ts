import { and, asc, eq, gt, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Conflict } from '../../src-shared/sync/sync';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { PulledEvent } from '../../src-shared/sync/sync';
import type { CloudDb } from '../db/open';
import type { DeviceActor } from '../http/context';
import type { MerchantsService } from '../merchants/service';
import { syncEvents } from './schema';

/** What a puller needs of a row: not the stored answer, only its conflict (if any). */
const pulledColumns = {
  eventId: syncEvents.eventId,
  seq: syncEvents.seq,
  deviceId: syncEvents.deviceId,
  kind: syncEvents.kind,
  entityId: syncEvents.entityId,
  occurredAt: syncEvents.occurredAt,
  payload: syncEvents.payload,
  status: syncEvents.status,
  receivedAt: syncEvents.receivedAt,
  conflict: sql<Conflict | null>`${syncEvents.result}->'conflict'`,
};
type EventRow = Omit<typeof syncEvents.$inferSelect, 'payloadHash' | 'result' | 'merchantId'> & {
  conflict: Conflict | null;
};

const toPulled = (row: EventRow, deviceId: string): PulledEvent => {
  const event: PulledEvent = {
    id: row.eventId,
    kind: row.kind,
    entityId: row.entityId,
    occurredAt: row.occurredAt,
    payload: row.payload,
    seq: String(row.seq),
    status: row.status === 'conflict' ? 'conflict' : 'accepted',
    deviceId: row.deviceId,
    own: row.deviceId === deviceId,
    receivedAt: row.receivedAt,
  };
  if (row.conflict) event.conflict = row.conflict;
  return event;
};

/**
 * The merchant's stream after a cursor, oldest first. The stream's end is read first: pushes
 * commit in sequence order under the merchant lock, so every event up to it is visible and a
 * cursor never passes an event still being written. The cursor moves past the device's own
 * events even when they are left out.
 */
export class PullService {
  constructor(
    private readonly db: CloudDb,
    private readonly merchants: MerchantsService,
  ) {}

  async pull(
    device: DeviceActor,
    query: { after: string; limit: number; includeOwn: boolean },
  ): Promise<EndpointOutput<'sync.pull'>> {
    const end = (await this.merchants.get(device.merchantId)).lastSeq;
    const after = Number(query.after);
    // A cursor beyond the end (the cloud's data was restored from a backup): start over from
    // the end; the device applies events idempotently by id.
    if (after >= end) return { events: [], cursor: String(end), hasMore: false };
    const filters: SQL[] = [
      eq(syncEvents.merchantId, device.merchantId),
      isNotNull(syncEvents.seq),
      gt(syncEvents.seq, after),
      lte(syncEvents.seq, end),
    ];
    if (!query.includeOwn)
      filters.push(or(isNull(syncEvents.deviceId), ne(syncEvents.deviceId, device.deviceId))!);
    const rows = await this.db
      .select(pulledColumns)
      .from(syncEvents)
      .where(and(...filters))
      .orderBy(asc(syncEvents.seq))
      .limit(query.limit + 1);
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    return {
      events: page.map((row) => toPulled(row, device.deviceId)),
      cursor: hasMore ? String(page[page.length - 1]!.seq) : String(end),
      hasMore,
    };
  }
}
