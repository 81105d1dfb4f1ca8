import { describe, expect, it } from 'vitest';
import { couponShop } from '../../support/coupons';
import { startServer } from '../../support/server';

/** A shop with an apple cashback offer and a POS terminal on the LAN API, as in the README. */
async function posShop() {
  const shop = await couponShop();
  await shop.activeTemplate({
    name: '苹果返现 2 元',
    rule: { type: 'cashback', rewardFen: 200 },
    scope: { productIds: [shop.products.apple.id], categories: [] },
  });
  await shop.ok(
    'stock.receive',
    { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 100 }] },
    shop.ownerToken,
  );
  const { key } = await shop.ok(
    'apiKeys.create',
    { terminalId: shop.ids.terminalId, label: 'POS 1' },
    shop.ownerToken,
  );
  const { post } = await startServer(shop.core, { allowTerminalKeys: true });
  const pos = (method: string, body: unknown) =>
    post(method, body, { authorization: `Bearer ${key}` });
  let n = 0;
  const sell = (qty: number, sku = 'APL-1') =>
    pos('sales.record', {
      terminalSaleId: `POS-${++n}`,
      storeId: shop.ids.storeId,
      lines: [{ sku, qty, unitPriceFen: 1299 }],
    });
  return { ...shop, pos, post, sell };
}

describe('cashback codes are bound to recorded sales (issue 18 item 5)', () => {
  it('refuses the loop of asking and paying codes without a sale', async () => {
    const { pos } = await posShop();
    let paid = 0;
    for (let i = 0; i < 10; i++) {
      const asked = await pos('cashback.requestCode', { barcode: '6901234567892' });
      if (asked.status !== 200) {
        expect(asked.status).toBe(409);
        expect(asked.body.error.code).toBe('CASHBACK_SALE_REQUIRED');
        continue;
      }
      const redeemed = await pos('cashback.redeem', {
        code: asked.body.data.code,
        phone: '13800001111',
      });
      if (redeemed.status === 200) paid += redeemed.body.data.rewardFen;
    }
    expect(paid).toBe(0);
  });

  it('gives one code per unit sold, to a terminal that records its sale and asks as before', async () => {
    const { pos, sell } = await posShop();
    const sale = await sell(2);
    expect(sale.status).toBe(200);
    const first = await pos('cashback.requestCode', { barcode: '6901234567892' });
    const second = await pos('cashback.requestCode', { barcode: '6901234567892' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.data).toMatchObject({
      saleId: sale.body.data.sale.id,
      saleLineId: sale.body.data.sale.lines[0].id,
    });
    const third = await pos('cashback.requestCode', { barcode: '6901234567892' });
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({
      code: 'CASHBACK_UNITS_USED',
      message: '该销售单中的红富士苹果每件都已发过返现码（共 2 件）',
    });
    // A sale of milk gives no apple code; a sale named by the till's own id is checked too.
    await sell(1, 'MLK-1');
    const named = await pos('cashback.requestCode', { sku: 'APL-1', terminalSaleId: 'POS-2' });
    expect(named.body.error.code).toBe('CASHBACK_SALE_REQUIRED');
    await sell(1);
    const byTill = await pos('cashback.requestCode', { sku: 'APL-1', terminalSaleId: 'POS-3' });
    expect(byTill.status).toBe(200);
    expect(
      (await pos('cashback.requestCode', { sku: 'APL-1', terminalSaleId: 'POS-3' })).body.error
        .code,
    ).toBe('CASHBACK_UNITS_USED');
  });

  it('counts returned units out, and does not reach sales older than a day unless named', async () => {
    const { pos, sell, ok, ownerToken, clock } = await posShop();
    const sale = (await sell(3)).body.data.sale;
    await ok(
      'sales.return',
      { saleId: sale.id, lines: [{ saleLineId: sale.lines[0].id, qty: 2 }] },
      ownerToken,
    );
    expect((await pos('cashback.requestCode', { sku: 'APL-1' })).status).toBe(200);
    expect((await pos('cashback.requestCode', { sku: 'APL-1' })).body.error.code).toBe(
      'CASHBACK_UNITS_USED',
    );
    const older = (await sell(1)).body.data.sale;
    clock.advance(25 * 3600_000);
    expect((await pos('cashback.requestCode', { sku: 'APL-1' })).body.error.code).toBe(
      'CASHBACK_SALE_REQUIRED',
    );
    expect((await pos('cashback.requestCode', { sku: 'APL-1', saleId: older.id })).status).toBe(
      200,
    );
  });

  it('pays one phone at most the daily cap (a setting), and again the next day', async () => {
    const { pos, sell, ok, ownerToken, cashierToken, fails, clock } = await posShop();
    expect(await ok('cashback.settings', {}, cashierToken)).toEqual({
      maxPayoutsPerPhonePerDay: 10,
    });
    await ok('cashback.updateSettings', { maxPayoutsPerPhonePerDay: 2 }, ownerToken);
    expect(
      (await fails('cashback.updateSettings', { maxPayoutsPerPhonePerDay: 50 }, cashierToken)).code,
    ).toBe('FORBIDDEN');
    await sell(4);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await pos('cashback.requestCode', { sku: 'APL-1' })).body.data.code);
    for (const code of codes.slice(0, 2))
      expect((await pos('cashback.redeem', { code, phone: '13800001111' })).status).toBe(200);
    const third = await pos('cashback.redeem', { code: codes[2], phone: '138 0000 1111' });
    expect(third.status).toBe(429);
    expect(third.body.error).toMatchObject({
      code: 'CASHBACK_PHONE_DAILY_LIMIT',
      message: '该手机号今日已领取 2 次返现，已达上限，请明天再试',
    });
    // Another phone is paid; the capped phone again after the store's midnight.
    expect((await pos('cashback.redeem', { code: codes[2], phone: '13900002222' })).status).toBe(
      200,
    );
    clock.advance(24 * 3600_000);
    expect((await pos('cashback.redeem', { code: codes[3], phone: '13800001111' })).status).toBe(
      200,
    );
  });
});
