import { expect, it } from 'vitest';
import { describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { cloudBehindProxy, type FaultProxy } from '../../support/fault-proxy';
import { pairedShop } from '../../support/sync';

describeOnEachBackend("other stores' stock on every PC (stock.chainLevels)", (backend) => {
  let cloud: TestCloud;
  let proxy: FaultProxy;
  cloudBehindProxy(backend, (started) => ({ cloud, proxy } = started));

  it('shows each store of the chain after a round, and what it last knew (and when) offline', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const b = await pairedShop(cloud, merchant.id, '二号店', { url: proxy.url });
    await a.ok(
      'stock.receive',
      { storeId: a.ids.storeId, lines: [{ sku: 'APL-1', qty: 30 }] },
      a.ownerToken,
    );
    await b.ok(
      'stock.receive',
      { storeId: b.ids.storeId, lines: [{ sku: 'APL-1', qty: 5 }] },
      b.ownerToken,
    );
    // Not yet synced: B knows only its own store.
    const before = await b.ok(
      'stock.chainLevels',
      { productId: b.products.apple.id },
      b.ownerToken,
    );
    expect(before.fetchedAt).toBeNull();
    expect(before.stores).toEqual([
      expect.objectContaining({ storeId: b.ids.storeId, qty: 5, own: true }),
    ]);

    await a.syncNow();
    await b.syncNow();
    // Each PC has its own product ids: B finds A's apples by their SKU.
    expect(a.products.apple.id).not.toBe(b.products.apple.id);
    const chain = await b.ok('stock.chainLevels', { productId: b.products.apple.id }, b.ownerToken);
    const fetchedAt = chain.fetchedAt;
    expect(fetchedAt).toBe(b.clock.now());
    const atA = chain.stores.find((s) => s.storeId === a.ids.storeId);
    expect(atA).toMatchObject({ qty: 30, own: false });
    expect(atA?.lastHeardAt).toBeGreaterThan(0);
    expect(chain.stores.find((s) => s.storeId === b.ids.storeId)).toMatchObject({
      qty: 5,
      own: true,
    });

    // A sells; B is cut off from the cloud: it still shows what it knew, and since when.
    await a.ok(
      'sales.record',
      {
        terminalSaleId: 'A-1',
        storeId: a.ids.storeId,
        lines: [{ sku: 'APL-1', qty: 3, unitPriceFen: 1299 }],
      },
      a.ownerToken,
    );
    await a.syncNow();
    proxy.faults.down = true;
    b.clock.advance(60 * 60_000);
    expect((await b.syncNow()).state).toBe('offline');
    const offline = await b.ok(
      'stock.chainLevels',
      { productId: b.products.apple.id },
      b.ownerToken,
    );
    expect(offline.fetchedAt).toBe(fetchedAt);
    expect(offline.stores.find((s) => s.storeId === a.ids.storeId)?.qty).toBe(30);

    proxy.faults.down = false;
    await b.syncNow();
    const after = await b.ok('stock.chainLevels', { productId: b.products.apple.id }, b.ownerToken);
    expect(after.fetchedAt).toBe(b.clock.now());
    expect(after.stores.find((s) => s.storeId === a.ids.storeId)?.qty).toBe(27);
    // A cashier does not see the chain's stock (a manager's view).
    const refused = await b.fails(
      'stock.chainLevels',
      { productId: b.products.apple.id },
      b.cashierToken,
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});
