import { and, asc, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
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
  version: syncEvents.version,
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
    version: row.version,
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

/** Windows of the stream one pull may scan while the device's own events leave its page short. */
const MAX_WINDOWS_PER_PULL = 20;

/**
 * The merchant's stream after a cursor, oldest first. The stream's end is read first: pushes
 * commit in sequence order under the merchant lock, so every event up to it is visible and a
 * cursor never passes an event still being written. The cursor moves past the device's own
 * events even when they are left out.
 *
 * The stream is read in windows of `limit` sequence numbers (`after < seq <= after + limit`),
 * never as "everything after the cursor, first `limit`": PGlite has no autovacuum, so without
 * statistics the planner fetches every later row of the merchant and sorts them, and a pull of
 * 100k events turned quadratic. A window bounds each query to `limit` index entries whatever
 * the plan. Windows are read until the page is full or the end is reached.
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
    // A cursor beyond the end (the cloud's data was restored from a backup): start over from
    // the end; the device applies events idempotently by id.
    let cursor = Math.min(Number(query.after), end);
    const events: PulledEvent[] = [];
    for (let window = 0; window < MAX_WINDOWS_PER_PULL; window++) {
      const wanted = query.limit - events.length;
      if (wanted <= 0 || cursor >= end) break;
      const windowEnd = Math.min(end, cursor + query.limit);
      const rows = await this.window(device, query.includeOwn, cursor, windowEnd, wanted);
      for (const row of rows) events.push(toPulled(row, device.deviceId));
      // A full answer may stop inside the window: continue after its last event.
      cursor = rows.length === wanted ? rows[rows.length - 1]!.seq! : windowEnd;
    }
    return { events, cursor: String(cursor), hasMore: cursor < end };
  }

  private window(
    device: DeviceActor,
    includeOwn: boolean,
    after: number,
    upTo: number,
    limit: number,
  ): Promise<EventRow[]> {
    const filters: SQL[] = [
      eq(syncEvents.merchantId, device.merchantId),
      gt(syncEvents.seq, after),
      lte(syncEvents.seq, upTo),
    ];
    if (!includeOwn)
      filters.push(or(isNull(syncEvents.deviceId), ne(syncEvents.deviceId, device.deviceId))!);
    return this.db
      .select(pulledColumns)
      .from(syncEvents)
      .where(and(...filters))
      .orderBy(asc(syncEvents.seq))
      .limit(limit);
  }
}
