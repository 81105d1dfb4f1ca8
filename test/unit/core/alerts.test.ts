import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  isLowStock,
  isSlowMoving,
  suggestPayPermille,
  suggestRestockQty,
} from '../../../src-shared/inventory/alert-rules';
import { inventoryShop } from '../../support/inventory';

describe('alert rules (pure)', () => {
  it('low stock is strictly below the low level (at it is not)', () => {
    expect(isLowStock(6, 5)).toBe(false);
    expect(isLowStock(5, 5)).toBe(false);
    expect(isLowStock(4, 5)).toBe(true);
    expect(isLowStock(0, null)).toBe(false);
  });

  it('slow-moving needs the whole period above the high level', () => {
    const since = 1_000_000;
    expect(isSlowMoving(since, 30, since + 30 * DAY_MS - 1)).toBe(false);
    expect(isSlowMoving(since, 30, since + 30 * DAY_MS)).toBe(true);
    expect(isSlowMoving(null, 30, since + 99 * DAY_MS)).toBe(false);
  });

  it('restock covers lead time and cover days at the recent pace, plus the reserve', () => {
    const base = { lowLevel: 5, windowDays: 14, leadTimeDays: 3, coverDays: 7 };
    expect(suggestRestockQty({ ...base, qty: 5, soldInWindow: 28 })).toBe(20); // 2/day × 10
    expect(suggestRestockQty({ ...base, qty: 5, soldInWindow: 15 })).toBe(11); // ⌈10.7⌉
    expect(suggestRestockQty({ ...base, qty: 5, soldInWindow: 0 })).toBe(1);
    expect(suggestRestockQty({ ...base, qty: -2, soldInWindow: 14 })).toBe(17);
  });

  it('discounts deeper the more stock exceeds the high level, never below cost', () => {
    const base = { highLevel: 10, priceFen: 1000, costFen: null };
    expect(suggestPayPermille({ ...base, qty: 11 })).toBe(850);
    expect(suggestPayPermille({ ...base, qty: 20 })).toBe(800);
    expect(suggestPayPermille({ ...base, qty: 30 })).toBe(700);
    expect(suggestPayPermille({ ...base, qty: 30, costFen: 760 })).toBe(800);
    expect(suggestPayPermille({ ...base, qty: 30, costFen: 990 })).toBe(950);
  });
});

describe('stock alerts', () => {
  it('raises low stock once below the low level (not at it), with a restock suggestion and price may rise', async () => {
    const { ok, ownerToken, ids, products, receive, sell, openAlerts } = await inventoryShop();
    await receive('APL-1', 20);
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
    await sell('APL-1', 10, 1299);
    await sell('APL-1', 4, 1299);
    expect(await openAlerts()).toHaveLength(0); // 6 left: at the low level, not below it

    await sell('APL-1', 1, 1299); // 5 left: one below it
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({
      kind: 'low_stock',
      status: 'new',
      sku: 'APL-1',
      qty: 5,
      lowLevel: 6,
      priceMayRise: true,
      restock: { qty: 12, avgDailySales: 1.07, windowDays: 14, leadTimeDays: 3, coverDays: 7 },
    });
    expect(await ok('alerts.counts', {}, ownerToken)).toMatchObject({
      new: 1,
      byKind: { low_stock: 1 },
    });
    const strategies = await ok('strategies.list', { storeId: ids.storeId }, ownerToken);
    expect(strategies.priceMayRise.map((s) => [s.sku, s.qty, s.lowLevel])).toEqual([
      ['APL-1', 5, 6],
    ]);

    // Lead time is a store setting: the suggestion follows it.
    await ok('stock.setSettings', { storeId: ids.storeId, leadTimeDays: 10 }, ownerToken);
    expect((await openAlerts())[0]!.restock?.qty).toBe(20); // ⌈15/14 × 17⌉ + 6 − 5

    // One more sale keeps the same alert (updated); receiving resolves it.
    await sell('APL-1', 1, 1299);
    const updated = await openAlerts();
    expect(updated.map((a) => [a.id, a.qty])).toEqual([[alert!.id, 4]]);
    await receive('APL-1', 30);
    expect(await openAlerts()).toHaveLength(0);
    const resolved = await ok('alerts.list', { statuses: ['resolved'] }, ownerToken);
    expect(resolved.items.map((a) => a.id)).toEqual([alert!.id]);
  });

  it('uses category defaults where a product has no threshold of its own', async () => {
    const { ok, ownerToken, ids, products, secondStore, receive, openAlerts } =
      await inventoryShop();
    await receive('MLK-1', 3);
    await receive('MLK-1', 3, secondStore.id);
    await ok(
      'alerts.setThresholds',
      { target: { category: '乳品', storeId: null }, lowLevel: 4, highLevel: null, slowDays: null },
      ownerToken,
    );
    expect((await openAlerts()).map((a) => a.storeName).sort()).toEqual([
      '鲜果优选 新街口店',
      '鲜果优选 河西店',
    ]);
    // The product's own threshold in one store wins there.
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.milk.id, storeId: ids.storeId },
        lowLevel: 2,
        highLevel: null,
        slowDays: null,
      },
      ownerToken,
    );
    expect((await openAlerts()).map((a) => a.storeName)).toEqual(['鲜果优选 河西店']);
    const levels = await ok('stock.levels', { productId: products.milk.id }, ownerToken);
    expect(levels.items.map((l) => [l.storeName, l.lowLevel, l.status]).sort()).toEqual([
      ['鲜果优选 新街口店', 2, 'ok'],
      ['鲜果优选 河西店', 4, 'low'],
    ]);
    const thresholds = await ok('alerts.thresholds', {}, ownerToken);
    expect(thresholds).toHaveLength(2);
  });

  it('raises slow-moving after the whole period above the high level, not one day short', async () => {
    const { ok, later, ownerToken, ids, products, receive } = await inventoryShop();
    await ok(
      'alerts.setThresholds',
      {
        target: { category: '水果', storeId: ids.storeId },
        lowLevel: 2,
        highLevel: 10,
        slowDays: 30,
      },
      ownerToken,
    );
    await receive('APL-1', 25);
    let token = await later(29 * DAY_MS);
    const shortByADay = await ok('alerts.evaluate', {}, token);
    expect(shortByADay).toMatchObject({ raised: 0, open: 0 });

    token = await later(DAY_MS);
    expect(await ok('alerts.evaluate', {}, token)).toMatchObject({ raised: 1, open: 1 });
    const slow = async () => (await ok('alerts.list', { kind: 'slow_moving' }, token)).items;
    const [alert] = await slow();
    expect(alert).toMatchObject({ qty: 25, highLevel: 10, slowDays: 30, priceMayRise: false });
    expect(alert!.discount).toMatchObject({
      payPermille: 800, // 2.5 × the high level: 8折
      unitPriceFen: 1299,
      discountedPriceFen: 1039,
    });

    // One click: the draft is a complete coupons.createTemplate input.
    const template = await ok('coupons.createTemplate', alert!.discount!.itemTemplate, token);
    expect(template).toMatchObject({
      name: '红富士苹果 8折',
      type: 'item',
      rule: { type: 'item', productId: products.apple.id, mode: 'price', priceFen: 1039 },
      storeIds: [ids.storeId],
      status: 'draft',
    });
    const percent = await ok('coupons.createTemplate', alert!.discount!.percentTemplate, token);
    expect(percent.scope.productIds).toEqual([products.apple.id]);
    const acknowledged = await ok(
      'alerts.acknowledge',
      { id: alert!.id, couponTemplateId: template.id },
      token,
    );
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedByName: '王店主' });
    const strategies = await ok('strategies.list', { storeId: ids.storeId }, token);
    expect(strategies.discounted).toMatchObject([
      { sku: 'APL-1', payPermille: 800, discountedPriceFen: 1039, couponTemplateId: template.id },
    ]);

    // Down to exactly the high level: no longer above it, the alert resolves and the clock stops.
    await ok(
      'sales.record',
      {
        terminalSaleId: 'SLOW-1',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 15, unitPriceFen: 1299 }],
      },
      token,
    );
    expect(await slow()).toHaveLength(0);
    const level = await ok('stock.levels', { productId: products.apple.id }, token);
    expect(level.items[0]).toMatchObject({ qty: 10, aboveHighSince: null });
  });

  it('snoozes an alert; it comes back as new when the snooze ends and the cause remains', async () => {
    const { ok, fails, later, ownerToken, ids, products, receive } = await inventoryShop();
    await receive('APL-1', 3);
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.apple.id, storeId: ids.storeId },
        lowLevel: 5,
        highLevel: null,
        slowDays: null,
      },
      ownerToken,
    );
    let token = ownerToken;
    const openAlerts = async () => (await ok('alerts.list', {}, token)).items;
    const [alert] = await openAlerts();
    expect((await ok('alerts.snooze', { id: alert!.id, days: 2 }, token)).status).toBe('snoozed');
    token = await later(DAY_MS);
    await ok('alerts.evaluate', {}, token);
    expect((await openAlerts())[0]!.status).toBe('snoozed');
    token = await later(DAY_MS);
    await ok('alerts.evaluate', {}, token);
    expect((await openAlerts())[0]).toMatchObject({
      id: alert!.id,
      status: 'new',
      snoozedUntil: null,
    });

    // Removing the threshold resolves it; a resolved alert cannot be acknowledged.
    await ok(
      'alerts.setThresholds',
      {
        target: { productId: products.apple.id, storeId: ids.storeId },
        lowLevel: null,
        highLevel: null,
        slowDays: null,
      },
      token,
    );
    expect(await openAlerts()).toHaveLength(0);
    expect((await fails('alerts.acknowledge', { id: alert!.id }, token)).code).toBe(
      'ALERT_RESOLVED',
    );
  });

  it('tells the UI when alerts are raised, for the badge and a desktop notification', async () => {
    const { core, ok, ownerToken, ids, products, receive, sell } = await inventoryShop();
    await receive('APL-1', 6);
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
    const heard: unknown[] = [];
    core.events.subscribe(
      () => ownerToken,
      (name, payload) => {
        if (name === 'alerts.changed') heard.push(payload);
      },
    );
    await sell('APL-1', 1, 1299);
    expect(heard).toEqual([
      {
        raised: [
          {
            id: expect.any(String),
            kind: 'low_stock',
            storeName: '鲜果优选 新街口店',
            productName: '红富士苹果',
          },
        ],
        resolved: 0,
      },
    ]);
  });

  it('runs the daily pass in the background: a slow-moving period ends with no movement', async () => {
    const { core, ok, logger, later, ownerToken, ids, receive } = await inventoryShop();
    await ok(
      'alerts.setThresholds',
      {
        target: { category: '水果', storeId: ids.storeId },
        lowLevel: null,
        highLevel: 10,
        slowDays: 7,
      },
      ownerToken,
    );
    await receive('APL-1', 25);
    const token = await later(7 * DAY_MS);
    const pass = core.services.alerts.schedule(logger, { firstMs: 1, everyMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    pass.stop();
    expect(logger.lines.some((l) => l.message === 'daily alert pass')).toBe(true);
    const { items } = await ok('alerts.list', { kind: 'slow_moving' }, token);
    expect(items.map((a) => a.sku)).toEqual(['APL-1']);
  });
});
