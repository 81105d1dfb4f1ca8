import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudDb } from '../db/open';
import type { DeviceActor } from '../http/context';
import { chainStores, storeDaily, storeStock } from './schema';

/**
 * The chain for the merchant's PCs: stock levels changed after a cursor with the stores, and
 * every store's takings per day.
 */
export class ChainStockQuery {
  constructor(private readonly db: CloudDb) {}

  async changes(
    device: DeviceActor,
    query: { after: string; limit: number },
  ): Promise<EndpointOutput<'sync.chainStock'>> {
    const merchantId = device.merchantId;
    const [rev, storeId, productId] = query.after ? query.after.split(':') : ['-1', '', ''];
    const rows = await this.db
      .select({
        storeId: storeStock.storeId,
        productId: storeStock.productId,
        sku: storeStock.sku,
        qty: storeStock.qty,
        rev: storeStock.rev,
      })
      .from(storeStock)
      .where(
        and(
          eq(storeStock.merchantId, merchantId),
          sql`(${storeStock.rev}, ${storeStock.storeId}, ${storeStock.productId}) > (${Number(rev)}, ${storeId}, ${productId})`,
        ),
      )
      .orderBy(asc(storeStock.rev), asc(storeStock.storeId), asc(storeStock.productId))
      .limit(query.limit + 1);
    const hasMore = rows.length > query.limit;
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const stores = await this.db
      .select({
        storeId: chainStores.storeId,
        name: chainStores.name,
        districtCode: chainStores.districtCode,
        lat: chainStores.lat,
        lng: chainStores.lng,
        businessDistrict: chainStores.businessDistrict,
        lastEventAt: chainStores.lastEventAt,
      })
      .from(chainStores)
      .where(eq(chainStores.merchantId, merchantId))
      .orderBy(asc(chainStores.storeId));
    return {
      stores,
      levels: page.map(({ storeId, productId, sku, qty }) => ({ storeId, productId, sku, qty })),
      cursor: last ? `${last.rev}:${last.storeId}:${last.productId}` : query.after,
      hasMore,
    };
  }

  async daily(
    device: DeviceActor,
    query: { since: string },
  ): Promise<EndpointOutput<'sync.chainDaily'>> {
    const days = await this.db
      .select({
        storeId: storeDaily.storeId,
        day: storeDaily.day,
        salesCount: storeDaily.salesCount,
        salesFen: storeDaily.salesFen,
        refundsFen: storeDaily.refundsFen,
        redemptionCount: storeDaily.redemptionCount,
        discountFen: storeDaily.discountFen,
      })
      .from(storeDaily)
      .where(and(eq(storeDaily.merchantId, device.merchantId), gte(storeDaily.day, query.since)))
      .orderBy(asc(storeDaily.day), asc(storeDaily.storeId));
    return { days };
  }
}
