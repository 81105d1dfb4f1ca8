import { and, asc, eq } from 'drizzle-orm';
import { distanceMeters, wgs84ToGcj02 } from '../../src-shared/geo/coordinates';
import type { Promotions } from '../../src-shared/sync/promotions';
import type { CloudDb } from '../db/open';
import { chainStores } from '../projections/schema';
import { publishedStrategies } from './schema';

/** A merchant's published promotions, per active store, nearest store first. */
export class PromotionsQuery {
  constructor(private readonly db: CloudDb) {}

  async list(
    merchant: { id: string; name: string },
    phoneWgs84: { lat: number; lng: number } | null,
  ): Promise<Promotions> {
    const [items, stores] = await Promise.all([
      this.db
        .select()
        .from(publishedStrategies)
        .where(
          and(
            eq(publishedStrategies.merchantId, merchant.id),
            eq(publishedStrategies.status, 'published'),
          ),
        )
        .orderBy(asc(publishedStrategies.sku)),
      this.db.select().from(chainStores).where(eq(chainStores.merchantId, merchant.id)),
    ]);
    // Stores keep GCJ-02 (Chinese maps); phones give WGS-84: convert before measuring.
    const here = phoneWgs84 ? wgs84ToGcj02(phoneWgs84) : null;
    const byStore = new Map<string, Promotions['stores'][number]>();
    for (const store of stores) {
      if (!store.active) continue;
      byStore.set(store.storeId, {
        storeId: store.storeId,
        name: store.name,
        businessDistrict: store.businessDistrict,
        distanceM:
          here && store.lat !== null && store.lng !== null
            ? Math.round(distanceMeters(here, { lat: store.lat, lng: store.lng }))
            : null,
        discounted: [],
        priceMayRise: [],
      });
    }
    for (const item of items)
      byStore.get(item.storeId)?.[item.kind].push({
        productId: item.productId,
        sku: item.sku,
        name: item.productName,
        category: item.category,
        priceFen: item.priceFen,
        payPermille: item.payPermille,
        discountedPriceFen: item.discountedPriceFen,
        couponTemplateId: item.couponTemplateId,
        since: item.updatedAt,
      });
    const withItems = [...byStore.values()].filter(
      (store) => store.discounted.length || store.priceMayRise.length,
    );
    withItems.sort(
      (a, b) =>
        (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || a.name.localeCompare(b.name),
    );
    return { merchantName: merchant.name, stores: withItems };
  }
}
