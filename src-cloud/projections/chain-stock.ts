import { and, asc, eq, sql } from 'drizzle-orm';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { CloudDb } from '../db/open';
import type { DeviceActor } from '../http/context';
import { chainStores, storeStock } from './schema';

/** The chain's stock for the merchant's PCs: levels changed after a cursor, and the stores. */
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
}
