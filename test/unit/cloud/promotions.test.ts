import { afterAll, beforeAll, expect, it } from 'vitest';
import { rebuildProjections } from '../../../src-cloud/projections/rebuild';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { pairedShop } from '../../support/sync';
import { directSession } from '../../support/wallet';

describeOnEachBackend('a merchant’s published promotions, read by consumers', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('lists what managers published, nearest store first; withdrawn items and other merchants’ phones see nothing', async () => {
    const merchant = await cloud.newMerchant('鲜果优选');
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    const { ok, ownerToken, ids, products } = shop;
    // Two stores: the first in Xinjiekou (Nanjing), the second far away in Shanghai.
    await ok('stores.update', { id: ids.storeId, lat: 32.0415, lng: 118.7844 }, ownerToken);
    const far = await ok(
      'stores.create',
      { name: '上海店', districtCode: '310101', lat: 31.2304, lng: 121.4737 },
      ownerToken,
    );
    for (const storeId of [ids.storeId, far.id]) {
      await ok('stock.receive', { storeId, lines: [{ sku: 'APL-1', qty: 3 }] }, ownerToken);
      await ok(
        'alerts.setThresholds',
        {
          target: { productId: products.apple.id, storeId },
          lowLevel: 10,
          highLevel: null,
          slowDays: null,
        },
        ownerToken,
      );
      await ok(
        'strategies.publish',
        { storeId, productId: products.apple.id, kind: 'priceMayRise' },
        ownerToken,
      );
    }
    await shop.syncNow();

    const token = await directSession(cloud, merchant.id, '13900139111');
    const url = `/v1/consumers/${merchant.code}/strategies`;
    // A phone near Xinjiekou (WGS-84, as the browser gives it): that store first.
    const near = await cloud.ok('GET', `${url}?lat=32.0437&lng=118.7788`, { token });
    expect(near.merchantName).toBe('鲜果优选');
    expect(near.stores.map((s: { storeId: string }) => s.storeId)).toEqual([ids.storeId, far.id]);
    expect(near.stores[0].distanceM).toBeLessThan(1000);
    expect(near.stores[0].priceMayRise).toEqual([
      expect.objectContaining({ productId: products.apple.id, sku: 'APL-1', payPermille: null }),
    ]);
    // Without a location: every store, no distances.
    const anywhere = await cloud.ok('GET', url, { token });
    expect(anywhere.stores.every((s: { distanceM: null }) => s.distanceM === null)).toBe(true);

    // Goods arrive at the near store: its alert clears, the item is withdrawn there.
    await ok(
      'stock.receive',
      { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 50 }] },
      ownerToken,
    );
    await shop.syncNow();
    const after = await cloud.ok('GET', url, { token });
    expect(after.stores.map((s: { storeId: string }) => s.storeId)).toEqual([far.id]);

    // A rebuild from the log gives the same answer.
    await rebuildProjections(cloud.database.db, { merchantId: merchant.id });
    expect(await cloud.ok('GET', url, { token })).toEqual(after);

    // Not signed in, or signed in at another merchant: refused.
    expect((await cloud.request('GET', url)).status).toBe(401);
    const other = await cloud.newMerchant('别家');
    const stranger = await directSession(cloud, other.id, '13900139112');
    expect((await cloud.request('GET', url, { token: stranger })).status).toBe(401);
  });
});
