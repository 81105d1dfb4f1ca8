import { and, asc, gte, lte, sql } from 'drizzle-orm';
import type { ChainTakings } from '../../../src-shared/contract/chain';
import { addDays, localDate } from '../../../src-shared/time';
import type { Clock } from '../../../src-node/clock';
import { rollupStoreDay } from '../analytics/schema';
import type { AppDatabase } from '../db/database';
import { stores, terminals } from '../stores/schema';
import type { CloudClient } from '../sync/cloud-client';
import { chainDaily, chainDailySync, chainStores } from './schema';

/** The days fetched each round: the last quarter is what the chain's analytics look at. */
const DAYS_FETCHED = 92;

/**
 * This PC's copy of every store's takings per day (the cloud's projection of the tills'
 * events), fetched after each sync round, for the chain's totals in analytics: this PC's own
 * stores from its own rollups, live; the others as last reported, offline too.
 */
export class ChainTakingsCache {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  async fetch(client: CloudClient): Promise<number> {
    const since = addDays(localDate(this.clock.now(), 'Asia/Shanghai'), -DAYS_FETCHED);
    const { days } = await client.call('sync.chainDaily', { query: { since } });
    this.adb.write(() => {
      const { db } = this.adb;
      // The days asked for are replaced whole: a day the cloud no longer has is gone here too.
      db.delete(chainDaily).where(gte(chainDaily.day, since)).run();
      for (let i = 0; i < days.length; i += 500)
        db.insert(chainDaily)
          .values(days.slice(i, i + 500))
          .run();
      const fetchedAt = this.clock.now();
      db.insert(chainDailySync)
        .values({ id: 1, fetchedAt })
        .onConflictDoUpdate({ target: chainDailySync.id, set: { fetchedAt } })
        .run();
    });
    return days.length;
  }

  clear(): void {
    this.adb.write(() => {
      this.adb.db.delete(chainDaily).run();
      this.adb.db.delete(chainDailySync).run();
    });
  }

  /** Every store's takings from `from` to `to` (business days, inclusive). */
  takings(from: string, to: string): { stores: ChainTakings[]; fetchedAt: number | null } {
    const { db } = this.adb;
    const now = this.clock.now();
    const ownIds = new Set(
      db
        .selectDistinct({ storeId: terminals.storeId })
        .from(terminals)
        .all()
        .map((t) => t.storeId),
    );
    const own = new Map(
      db
        .select({
          storeId: rollupStoreDay.storeId,
          salesCount: sql<number>`sum(${rollupStoreDay.sales})`,
          salesFen: sql<number>`sum(${rollupStoreDay.salesFen})`,
          refundsFen: sql<number>`sum(${rollupStoreDay.refundFen})`,
          redemptionCount: sql<number>`sum(${rollupStoreDay.redemptions})`,
          discountFen: sql<number>`sum(${rollupStoreDay.discountFen})`,
        })
        .from(rollupStoreDay)
        .where(and(gte(rollupStoreDay.day, from), lte(rollupStoreDay.day, to)))
        .groupBy(rollupStoreDay.storeId)
        .all()
        .map((row) => [row.storeId, row]),
    );
    const reported = new Map(
      db
        .select({
          storeId: chainDaily.storeId,
          salesCount: sql<number>`sum(${chainDaily.salesCount})`,
          salesFen: sql<number>`sum(${chainDaily.salesFen})`,
          refundsFen: sql<number>`sum(${chainDaily.refundsFen})`,
          redemptionCount: sql<number>`sum(${chainDaily.redemptionCount})`,
          discountFen: sql<number>`sum(${chainDaily.discountFen})`,
        })
        .from(chainDaily)
        .where(and(gte(chainDaily.day, from), lte(chainDaily.day, to)))
        .groupBy(chainDaily.storeId)
        .all()
        .map((row) => [row.storeId, row]),
    );
    const heard = new Map(
      db
        .select({
          storeId: chainStores.storeId,
          name: chainStores.name,
          at: chainStores.lastEventAt,
        })
        .from(chainStores)
        .all()
        .map((s) => [s.storeId, s]),
    );
    const names = new Map<string, string>(
      db
        .select({ id: stores.id, name: stores.name })
        .from(stores)
        .orderBy(asc(stores.code))
        .all()
        .map((s) => [s.id, s.name]),
    );
    for (const store of heard.values())
      if (!names.has(store.storeId)) names.set(store.storeId, store.name);
    const zero = { salesCount: 0, salesFen: 0, refundsFen: 0, redemptionCount: 0, discountFen: 0 };
    const result: ChainTakings[] = [];
    for (const [storeId, storeName] of names) {
      const isOwn = ownIds.has(storeId);
      const numbers = (isOwn ? own.get(storeId) : reported.get(storeId)) ?? zero;
      const lastEventAt = heard.get(storeId)?.at;
      result.push({
        storeId,
        storeName,
        own: isOwn,
        salesCount: Number(numbers.salesCount),
        salesFen: Number(numbers.salesFen),
        refundsFen: Number(numbers.refundsFen),
        redemptionCount: Number(numbers.redemptionCount),
        discountFen: Number(numbers.discountFen),
        lastHeardAt: isOwn ? now : lastEventAt ? lastEventAt : null,
      });
    }
    const fetched = db.select().from(chainDailySync).get();
    return { stores: result, fetchedAt: fetched?.fetchedAt ?? null };
  }
}
