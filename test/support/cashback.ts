import type { InputOf, MethodName, OutputOf } from '../../src-shared/contract';
import { couponShop } from './coupons';

type Ok = <M extends MethodName>(
  method: M,
  input: InputOf<M>,
  token?: string,
) => Promise<OutputOf<M>>;

let saleNo = 0;
/**
 * A real sale of `qty` apples (APL-1) at a store, stock received first: cashback codes are given
 * only for units of a recorded sale, so a test asking for codes sells the apples first.
 */
export async function sellApples(ok: Ok, token: string, storeId: string, qty = 1) {
  await ok('stock.receive', { storeId, lines: [{ sku: 'APL-1', qty }] }, token);
  return ok(
    'sales.record',
    {
      terminalSaleId: `CB-${process.pid}-${++saleNo}`,
      storeId,
      lines: [{ sku: 'APL-1', qty, unitPriceFen: 1299 }],
    },
    token,
  );
}

/**
 * A coupon shop with a cashback offer on apples, a POS terminal key, and two apples sold at
 * that terminal: a cashback code is for a unit sold, so the terminal records its sale first.
 */
export async function cashbackShop() {
  const shop = await couponShop();
  const template = await shop.activeTemplate({
    name: '苹果返现 2 元',
    rule: { type: 'cashback', rewardFen: 200 },
    scope: { productIds: [shop.products.apple.id], categories: [] },
  });
  const { key } = await shop.ok(
    'apiKeys.create',
    { terminalId: shop.ids.terminalId, label: 'POS 1' },
    shop.ownerToken,
  );
  const pos = (method: string, input: unknown) =>
    shop.core.call(method, input, { credential: key, source: 'http', allowTerminalKeys: true });
  await shop.ok(
    'stock.receive',
    { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 10 }] },
    shop.ownerToken,
  );
  const sold = await pos('sales.record', {
    terminalSaleId: 'POS-1',
    storeId: shop.ids.storeId,
    lines: [{ sku: 'APL-1', qty: 2, unitPriceFen: 1299 }],
  });
  if (!sold.ok) throw new Error(JSON.stringify(sold.error));
  return { ...shop, template, pos };
}
