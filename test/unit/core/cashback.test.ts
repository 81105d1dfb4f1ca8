import { describe, expect, it } from 'vitest';
import { couponShop } from '../../support/coupons';

async function cashbackShop() {
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
  // What a POS terminal does first: record the sale (the codes are for its units).
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

describe('cashback codes', () => {
  it('gives a POS terminal a code bound to product, terminal, store and region', async () => {
    const { pos, core, ids, products } = await cashbackShop();
    const result = await pos('cashback.requestCode', { barcode: '6901234567892' });
    expect(result.ok).toBe(true);
    const code = result.ok
      ? (result.data as { code: string; rewardFen: number; productId: string })
      : null;
    expect(code).toMatchObject({
      rewardFen: 200,
      productId: products.apple.id,
      terminalId: ids.terminalId,
    });
    const row = core.sqlite.prepare('SELECT * FROM cashback_codes').get() as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      store_id: ids.storeId,
      province_code: '320000',
      city_code: '320100',
      district_code: '320102',
    });
    const none = await pos('cashback.requestCode', { sku: 'MLK-1' });
    expect(!none.ok && none.error.code).toBe('NO_CASHBACK_TEMPLATE');
  });

  it('pays out once to a normalized mainland mobile number', async () => {
    const { pos, ok, fails, cashierToken } = await cashbackShop();
    const issued = await pos('cashback.requestCode', { sku: 'APL-1' });
    const { display } = issued.ok ? (issued.data as { display: string }) : { display: '' };
    const paid = await ok(
      'cashback.redeem',
      { code: display, phone: '+86 139-0000-1111' },
      cashierToken,
    );
    expect(paid).toMatchObject({
      rewardFen: 200,
      phone: '+8613900001111',
      productName: '红富士苹果',
    });
    const again = await fails(
      'cashback.redeem',
      { code: display, phone: '13900001111' },
      cashierToken,
    );
    expect(again).toMatchObject({
      code: 'CASHBACK_ALREADY_REDEEMED',
      message: '此返现码已于 2026-11-21 10:00 兑付',
    });
    const badPhone = await fails(
      'cashback.redeem',
      { code: display, phone: '2345678' },
      cashierToken,
    );
    expect(badPhone.details!.issues).toEqual([
      { path: ['phone'], message: '请输入 11 位大陆手机号' },
    ]);
  });
});

describe('cashback templates', () => {
  it('cannot be issued in bulk like coupons', async () => {
    const { fails, ownerToken, template } = await cashbackShop();
    const refused = await fails('coupons.issue', { templateId: template.id, count: 5 }, ownerToken);
    expect(refused.details!.issues).toEqual([
      { path: ['templateId'], message: '返现码由收银终端按商品逐笔申请，不能批量发放' },
    ]);
  });
});
