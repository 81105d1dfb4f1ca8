import { OWNER_PIN } from './core';
import { couponShop } from './coupons';

/** A coupon shop with a second store, and helpers for stock, thresholds and sales. */
export async function inventoryShop(options: Parameters<typeof couponShop>[0] = {}) {
  const shop = await couponShop(options);
  const { ok, ownerToken, ids } = shop;
  const second = await ok(
    'stores.create',
    { name: '鲜果优选 河西店', districtCode: '320105' },
    ownerToken,
  );

  /** Receives `qty` of a product by SKU into a store (the first store by default). */
  const receive = (sku: string, qty: number, storeId = ids.storeId) =>
    ok('stock.receive', { storeId, lines: [{ sku, qty }] }, ownerToken);

  const level = async (productId: string, storeId = ids.storeId) =>
    (await ok('stock.levels', { storeId, productId }, ownerToken)).items[0]?.qty ?? 0;

  let saleNo = 0;
  /** A manual sale of `qty` units at list price. */
  const sell = (sku: string, qty: number, priceFen: number, storeId = ids.storeId) =>
    ok(
      'sales.record',
      { terminalSaleId: `S-${++saleNo}`, storeId, lines: [{ sku, qty, unitPriceFen: priceFen }] },
      ownerToken,
    );

  const openAlerts = async (kind?: 'low_stock' | 'slow_moving' | 'negative_stock') =>
    (await ok('alerts.list', kind ? { kind } : {}, ownerToken)).items;

  /** Moves the clock on (days pass) and logs the owner in again: sessions end after 12 idle hours. */
  const later = async (ms: number) => {
    shop.clock.advance(ms);
    return (await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).token;
  };

  return { ...shop, secondStore: second, receive, level, sell, openAlerts, later };
}
