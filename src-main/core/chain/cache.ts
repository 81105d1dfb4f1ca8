import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { products } from '../products/schema';
import type { ChainLevel } from '../../../src-shared/contract/chain';
import type { Clock } from '../../../src-node/clock';
import type { AppDatabase } from '../db/database';
import { stockLevels } from '../stock/schema';
import { stores, terminals } from '../stores/schema';
import type { CloudClient } from '../sync/cloud-client';
import { chainStock, chainStores, chainSync } from './schema';

/** Levels fetched per request: one write each, well under the ~16 ms a write may hold SQLite. */
const PAGE = 2000;

/**
 * This PC's copy of the chain's stock (the cloud's per store projection), fetched after each
 * sync round and kept for `stock.chainLevels`: other stores' stock shows offline too, with the
 * time it was fetched and when each store was last heard of.
 */
export class ChainStockCache {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  /** Fetches what changed since the last time (all of it the first time). */
  async fetch(client: CloudClient, shouldStop: () => boolean): Promise<number> {
    let cursor = this.state()?.cursor ?? '';
    let fetched = 0;
    for (;;) {
      const page = await client.call('sync.chainStock', {
        query: { after: cursor, limit: String(PAGE) },
      });
      this.adb.write(() => {
        for (const level of page.levels)
          this.adb.db
            .insert(chainStock)
            .values(level)
            .onConflictDoUpdate({
              target: [chainStock.productId, chainStock.storeId],
              set: { qty: level.qty, sku: level.sku },
            })
            .run();
        this.adb.db.delete(chainStores).run();
        if (page.stores.length) this.adb.db.insert(chainStores).values(page.stores).run();
        this.adb.db
          .insert(chainSync)
          .values({ id: 1, cursor: page.cursor, fetchedAt: this.clock.now() })
          .onConflictDoUpdate({
            target: chainSync.id,
            set: { cursor: page.cursor, fetchedAt: this.clock.now() },
          })
          .run();
      });
      fetched += page.levels.length;
      cursor = page.cursor;
      if (!page.hasMore || shouldStop()) return fetched;
    }
  }

  /** Forgets the copy: paired with another merchant, or unpaired. */
  clear(): void {
    this.adb.write(() => {
      this.adb.db.delete(chainStock).run();
      this.adb.db.delete(chainStores).run();
      this.adb.db.delete(chainSync).run();
    });
  }

  /**
   * A product in every store: this PC's stores (those with tills here) live from its own
   * ledger; every other store of the chain as the cloud last reported it.
   */
  levels(productId: string): { stores: ChainLevel[]; fetchedAt: number | null } {
    const { db } = this.adb;
    const now = this.clock.now();
    const ownIds = new Set(
      db
        .selectDistinct({ storeId: terminals.storeId })
        .from(terminals)
        .all()
        .map((t) => t.storeId),
    );
    const local = db
      .select({ id: stores.id, name: stores.name, active: stores.active })
      .from(stores)
      .orderBy(asc(stores.code))
      .all();
    const liveQty = new Map(
      db
        .select({ storeId: stockLevels.storeId, qty: stockLevels.qty })
        .from(stockLevels)
        .where(and(eq(stockLevels.productId, productId), inArray(stockLevels.storeId, [...ownIds])))
        .all()
        .map((l) => [l.storeId, l.qty]),
    );
    // Another PC's stores know the article by its SKU (their product ids are their own).
    const sku = db
      .select({ sku: products.sku })
      .from(products)
      .where(eq(products.id, productId))
      .get()?.sku;
    const reported = new Map<string, number>();
    const matching = db
      .select()
      .from(chainStock)
      .where(
        sku
          ? or(eq(chainStock.productId, productId), eq(chainStock.sku, sku))
          : eq(chainStock.productId, productId),
      )
      .all();
    for (const level of matching)
      if (level.productId === productId || !reported.has(level.storeId))
        reported.set(level.storeId, level.qty);
    const known = new Map(
      db
        .select()
        .from(chainStores)
        .all()
        .map((s) => [s.storeId, s]),
    );
    const result: ChainLevel[] = [];
    const seen = new Set<string>();
    for (const store of local) {
      const own = ownIds.has(store.id);
      if (!own && !store.active) continue;
      seen.add(store.id);
      const heard = known.get(store.id)?.lastEventAt;
      result.push({
        storeId: store.id,
        storeName: store.name,
        qty: own ? (liveQty.get(store.id) ?? 0) : (reported.get(store.id) ?? 0),
        own,
        lastHeardAt: own ? now : heard ? heard : null,
      });
    }
    // Stores the cloud knows that this PC has not learnt of yet (no stores.changed pulled).
    for (const store of known.values()) {
      if (seen.has(store.storeId)) continue;
      result.push({
        storeId: store.storeId,
        storeName: store.name,
        qty: reported.get(store.storeId) ?? 0,
        own: false,
        lastHeardAt: store.lastEventAt || null,
      });
    }
    return { stores: result, fetchedAt: this.state()?.fetchedAt ?? null };
  }

  private state() {
    return this.adb.db.select().from(chainSync).where(eq(chainSync.id, 1)).get();
  }
}
