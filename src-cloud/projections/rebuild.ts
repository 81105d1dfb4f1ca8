import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { CloudDb } from '../db/open';
import { merchants } from '../merchants/schema';
import { holdStream } from '../sync/stream';
import { syncEvents } from '../sync/schema';
import { ProjectionMemory } from './projection-memory';
import { ProjectionBatch } from './projector';
import { chainStores, projectionState, storeDaily, storeStock } from './schema';
import { publishedStrategies } from '../promotions/schema';
import { forgetWalletProjections, recountClaims } from '../wallet/rebuild';

/** Events read and folded per step; the changes are written every step. */
const WINDOW = 5000;

export interface RebuildReport {
  merchants: number;
  events: number;
}

/**
 * Throws the projections away and computes them again from the event log, merchant by
 * merchant, in stream order (the order the live path saw them). Each merchant's rebuild holds
 * its stream, so pushes wait for it rather than interleave.
 */
export async function rebuildProjections(
  db: CloudDb,
  options: { merchantId?: string; onProgress?: (line: string) => void } = {},
): Promise<RebuildReport> {
  const ids = options.merchantId
    ? [options.merchantId]
    : (await db.select({ id: merchants.id }).from(merchants).orderBy(asc(merchants.id))).map(
        (m) => m.id,
      );
  let events = 0;
  for (const merchantId of ids) {
    const counted = await db.transaction(async (tx) => {
      const { merchant } = await holdStream(tx, merchantId);
      await tx.delete(storeStock).where(eq(storeStock.merchantId, merchantId));
      await tx.delete(storeDaily).where(eq(storeDaily.merchantId, merchantId));
      await tx.delete(chainStores).where(eq(chainStores.merchantId, merchantId));
      await forgetWalletProjections(tx, merchantId);
      await tx.delete(publishedStrategies).where(eq(publishedStrategies.merchantId, merchantId));
      const memory = new ProjectionMemory();
      const batch = new ProjectionBatch(memory);
      let n = 0;
      // Windows of sequence numbers, as pull reads them (bounded index scans on PGlite too).
      for (let after = 0; after < merchant.lastSeq; after += WINDOW) {
        const rows = await tx
          .select({
            merchantId: syncEvents.merchantId,
            kind: syncEvents.kind,
            entityId: syncEvents.entityId,
            seq: syncEvents.seq,
            status: syncEvents.status,
            payload: syncEvents.payload,
            receivedAt: syncEvents.receivedAt,
          })
          .from(syncEvents)
          .where(
            and(
              eq(syncEvents.merchantId, merchantId),
              gt(syncEvents.seq, after),
              lte(syncEvents.seq, after + WINDOW),
            ),
          )
          .orderBy(asc(syncEvents.seq));
        for (const row of rows) batch.add(row);
        n += rows.length;
        await batch.flush(tx);
      }
      await recountClaims(tx, merchantId);
      return n;
    });
    events += counted;
    options.onProgress?.(`merchant ${merchantId}: ${counted} events`);
  }
  return { merchants: ids.length, events };
}

/** The projections this code keeps; a new one (or a changed rule) gets a new name. */
const PROJECTIONS_VERSION = 'promotions-v1';

/**
 * At start-up: a database whose log predates these projections gets them built once from the
 * log. Returns the report of that build, or null when they were already there.
 */
export async function ensureProjections(db: CloudDb, now: number): Promise<RebuildReport | null> {
  const [built] = await db
    .select()
    .from(projectionState)
    .where(eq(projectionState.name, PROJECTIONS_VERSION));
  if (built) return null;
  const report = await rebuildProjections(db);
  await db
    .insert(projectionState)
    .values({ name: PROJECTIONS_VERSION, builtAt: now })
    .onConflictDoNothing();
  return report;
}
