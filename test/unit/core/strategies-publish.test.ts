import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGUE } from '../../../src-shared/sync/events';
import { inventoryShop } from '../../support/inventory';

describe('strategies published to consumers', () => {
  it('a manager shows an item running low to customers; it is withdrawn when the alert clears', async () => {
    const shop = await inventoryShop();
    const { ok, fails, ownerToken, cashierToken, ids, products, receive, sell } = shop;
    const target = {
      storeId: ids.storeId,
      productId: products.apple.id,
      kind: 'priceMayRise',
    } as const;
    const strategyRows = () =>
      (
        shop.core.sqlite
          .prepare("SELECT payload FROM outbox WHERE topic = 'strategies.changed' ORDER BY id")
          .all() as { payload: string }[]
      ).map((row) => EVENT_CATALOGUE['strategies.changed'].payload.parse(JSON.parse(row.payload)));

    // Nothing advised yet: nothing to publish.
    expect((await fails('strategies.publish', target, ownerToken)).code).toBe(
      'STRATEGY_NOT_ADVISED',
    );
    await receive('APL-1', 10);
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.apple.id, storeId: ids.storeId },
        lowLevel: 6,
        highLevel: null,
        slowDays: null,
      },
      ownerToken,
    );
    await sell('APL-1', 6, 1299);
    // A cashier cannot publish; a manager can, once (a second press changes nothing).
    expect((await fails('strategies.publish', target, cashierToken)).code).toBe('FORBIDDEN');
    const { publishedAt } = await ok('strategies.publish', target, ownerToken);
    expect((await ok('strategies.publish', target, ownerToken)).publishedAt).toBe(publishedAt);
    const advice = await ok('strategies.list', { storeId: ids.storeId }, ownerToken);
    expect(advice.priceMayRise.map((item) => [item.sku, item.publishedAt])).toEqual([
      ['APL-1', publishedAt],
    ]);
    expect(strategyRows()).toEqual([
      expect.objectContaining({
        storeId: ids.storeId,
        productId: products.apple.id,
        kind: 'priceMayRise',
        status: 'published',
        sku: 'APL-1',
        priceFen: products.apple.priceFen,
        payPermille: null,
      }),
    ]);
    const audit = await ok('audit.list', { action: 'strategies.publish' }, ownerToken);
    expect(audit.items).toHaveLength(1);

    // Goods arrive: the alert is resolved, and the advice is withdrawn in the same write.
    await receive('APL-1', 30);
    expect(strategyRows().map((row) => row.status)).toEqual(['published', 'withdrawn']);
    expect(
      (await ok('strategies.list', { storeId: ids.storeId }, ownerToken)).priceMayRise,
    ).toEqual([]);
    expect((await ok('strategies.unpublish', target, ownerToken)).withdrawn).toBe(false);
  });
});
