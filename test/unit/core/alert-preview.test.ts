import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../src-shared/inventory/alert-rules';
import { START } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

describe('alert rule preview (the thresholds form, day one)', () => {
  it('on a new shop: who is low now, who stands above the high level and from when it would be slow-moving', async () => {
    const { ok, ownerToken, ids, receive } = await inventoryShop();
    await receive('APL-1', 30);
    await receive('MLK-1', 3);
    const preview = await ok(
      'alerts.previewRules',
      { storeId: ids.storeId, lowLevel: 5, highLevel: 20, slowDays: 30 },
      ownerToken,
    );
    expect(preview.historyDays).toBe(0);
    expect(preview.products).toBe(3);
    // Milk 3 and the bag 0 are below 5; the apple's 30 is above 20 since its receipt today.
    expect(preview.low.map((item) => [item.sku, item.qty])).toEqual([
      ['BAG-1', 0],
      ['MLK-1', 3],
    ]);
    expect(preview.aboveHigh).toEqual([
      expect.objectContaining({
        sku: 'APL-1',
        qty: 30,
        aboveHighSince: START,
        flaggedFrom: START + 30 * DAY_MS,
        slowNow: false,
      }),
    ]);
  });

  it('dates the slow-moving clock from the last time the level rose above the high level', async () => {
    const { ok, ids, receive, later } = await inventoryShop();
    await receive('APL-1', 30);
    // Days pass (a fresh login each time: sessions end after 12 idle hours).
    let token = await later(10 * DAY_MS);
    await ok(
      'sales.record',
      {
        terminalSaleId: 'S-1',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 15, unitPriceFen: 1299 }],
      },
      token,
    ); // 15: at or below 20
    token = await later(2 * DAY_MS);
    await ok('stock.receive', { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 10 }] }, token); // 25: above again from here
    const risenAt = START + 12 * DAY_MS;
    token = await later(31 * DAY_MS);
    const preview = await ok(
      'alerts.previewRules',
      { storeId: ids.storeId, lowLevel: null, highLevel: 20, slowDays: 30 },
      token,
    );
    expect(preview.historyDays).toBe(43);
    expect(preview.low).toEqual([]);
    expect(preview.aboveHigh).toEqual([
      expect.objectContaining({ sku: 'APL-1', qty: 25, aboveHighSince: risenAt, slowNow: true }),
    ]);
  });

  it("a category's rule leaves out products with thresholds of their own", async () => {
    const { ok, ownerToken, ids, products, receive } = await inventoryShop();
    await ok(
      'products.create',
      { sku: 'PEAR-1', name: '砀山梨', category: '水果', priceFen: 899 },
      ownerToken,
    );
    await receive('APL-1', 50);
    await receive('PEAR-1', 50);
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.apple.id, storeId: ids.storeId },
        lowLevel: null,
        highLevel: 100,
        slowDays: 7,
      },
      ownerToken,
    );
    const preview = await ok(
      'alerts.previewRules',
      { storeId: ids.storeId, category: '水果', lowLevel: null, highLevel: 10, slowDays: 7 },
      ownerToken,
    );
    expect(preview.products).toBe(1);
    expect(preview.aboveHigh.map((item) => item.sku)).toEqual(['PEAR-1']);
  });
});
