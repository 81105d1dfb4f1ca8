import { describe, expect, it } from 'vitest';
import { cashbackShop } from '../../support/cashback';

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
