import { describe, expect, it } from 'vitest';
import { inventoryShop } from '../../support/inventory';
import { startServer } from '../../support/server';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('sales', () => {
  it('records a sale once: the same terminal sale id answers the first recording', async () => {
    const { ok, fails, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 20);
    const input = {
      terminalSaleId: 'T01-000123',
      storeId: ids.storeId,
      lines: [
        { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
        { barcode: '6901234567892', qty: 1, unitPriceFen: 1199 },
      ],
    };
    const first = await ok('sales.record', input, ownerToken);
    expect(first.replayed).toBe(false);
    expect(first.sale).toMatchObject({
      subtotalFen: 3 * 1299 + 1199,
      discountFen: 0,
      totalFen: 5096,
      paidFen: 5096,
      source: 'manual',
      status: 'completed',
    });
    expect(first.sale.lines.map((l) => [l.sku, l.qty, l.amountFen])).toEqual([
      ['APL-1', 3, 3897],
      ['APL-1', 1, 1199],
    ]);
    const again = await ok('sales.record', input, ownerToken);
    expect(again).toEqual({ sale: first.sale, replayed: true, changeFen: 0 });
    expect(await level(products.apple.id)).toBe(16);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(1);

    const different = await fails(
      'sales.record',
      { ...input, lines: [{ sku: 'APL-1', qty: 9, unitPriceFen: 1299 }] },
      ownerToken,
    );
    expect(different.code).toBe('SALE_ID_REUSED');
    expect(await level(products.apple.id)).toBe(16);
  });

  it('names the line of an unknown SKU or barcode and writes nothing', async () => {
    const { fails, ok, ownerToken, ids, products, receive, level } = await inventoryShop();
    await receive('APL-1', 20);
    const unknownSku = await fails(
      'sales.record',
      {
        terminalSaleId: 'X-1',
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 1, unitPriceFen: 1299 },
          { sku: 'NOPE-9', qty: 1, unitPriceFen: 100 },
        ],
      },
      ownerToken,
    );
    expect(unknownSku.code).toBe('LINE_PRODUCT_NOT_FOUND');
    expect(unknownSku.details).toEqual({ line: 2, sku: 'NOPE-9' });
    expect(unknownSku.message).toBe('第 2 行：找不到商品 NOPE-9');
    const unknownBarcode = await fails(
      'sales.record',
      {
        terminalSaleId: 'X-2',
        storeId: ids.storeId,
        lines: [{ barcode: '4006381333931', qty: 1, unitPriceFen: 100 }],
      },
      ownerToken,
    );
    expect(unknownBarcode.details).toEqual({ line: 1, barcode: '4006381333931' });
    expect(await level(products.apple.id)).toBe(20);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);
  });

  it('refuses zero and negative quantities and prices that are not whole fen', async () => {
    const { fails, ownerToken, ids } = await inventoryShop();
    const bad = await fails(
      'sales.record',
      {
        terminalSaleId: 'Q-1',
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 0, unitPriceFen: 1299 },
          { sku: 'MLK-1', qty: -2, unitPriceFen: 650 },
          { sku: 'MLK-1', qty: 1, unitPriceFen: 6.505 },
        ],
      },
      ownerToken,
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.details?.issues).toEqual([
      { path: ['lines', 0, 'qty'], message: '数量至少为 1' },
      { path: ['lines', 1, 'qty'], message: '数量至少为 1' },
      { path: ['lines', 2, 'unitPriceFen'], message: '金额必须是不小于 0 的整数分' },
    ]);
  });

  it('redeems the coupon codes with the sale and links their redemptions', async () => {
    const { ok, fails, ownerToken, ids, receive, activeTemplate, issueOne } = await inventoryShop();
    await receive('APL-1', 20);
    const template = await activeTemplate({
      name: '满30减5',
      rule: { type: 'threshold', thresholdFen: 3000, amountFen: 500 },
    });
    const coupon = await issueOne(template.id);
    const input = {
      terminalSaleId: 'C-1',
      storeId: ids.storeId,
      customerPhone: '13812345678',
      lines: [
        { sku: 'APL-1', qty: 2, unitPriceFen: 1299 },
        { sku: 'MLK-1', qty: 1, unitPriceFen: 650 },
      ],
      couponCodes: [coupon.code],
    };
    // No milk on file: the sale is refused after the coupon was checked, and the redemption
    // rolls back with it.
    expect((await fails('sales.record', input, ownerToken)).code).toBe('INSUFFICIENT_STOCK');
    expect((await ok('redemption.list', {}, ownerToken)).items).toHaveLength(0);

    await receive('MLK-1', 5);
    const { sale } = await ok('sales.record', input, ownerToken);
    expect(sale.discountFen).toBe(500);
    expect(sale.totalFen).toBe(2 * 1299 + 650 - 500);
    expect(sale.lines.reduce((sum, l) => sum + l.discountFen, 0)).toBe(500);
    expect(sale.coupons).toMatchObject([
      { code: coupon.code, discountFen: 500, templateName: '满30减5' },
    ]);
    const redemptions = await ok('redemption.list', {}, ownerToken);
    expect(redemptions.items.map((r) => r.id)).toEqual([sale.coupons[0]!.redemptionId]);
    expect(redemptions.items[0]!.customerPhone).toBe('+8613812345678');
  });

  it('refuses the whole sale when a coupon is refused, with the coupon’s reason', async () => {
    const { ok, fails, ownerToken, ids, products, receive, level, activeTemplate, issueOne } =
      await inventoryShop();
    await receive('APL-1', 20);
    const template = await activeTemplate({
      name: '满100减20',
      rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
    });
    const coupon = await issueOne(template.id);
    const refused = await fails(
      'sales.record',
      {
        terminalSaleId: 'C-2',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
        couponCodes: [coupon.code],
      },
      ownerToken,
    );
    expect(refused.code).toBe('COUPON_MIN_SPEND_NOT_MET');
    expect(await level(products.apple.id)).toBe(20);
    expect((await ok('sales.list', {}, ownerToken)).items).toHaveLength(0);
    expect((await ok('redemption.list', {}, ownerToken)).items).toHaveLength(0);
  });

  it('takes goods back: stock returns, the refund is the lines’ share after coupons', async () => {
    const { ok, fails, ownerToken, ids, products, receive, level, activeTemplate, issueOne } =
      await inventoryShop();
    await receive('APL-1', 20);
    const template = await activeTemplate({
      name: '满30减6',
      rule: { type: 'threshold', thresholdFen: 3000, amountFen: 600 },
    });
    const coupon = await issueOne(template.id);
    const { sale } = await ok(
      'sales.record',
      {
        terminalSaleId: 'R-1',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 3, unitPriceFen: 1200 }],
        couponCodes: [coupon.code],
      },
      ownerToken,
    );
    const line = sale.lines[0]!;
    const back = await ok(
      'sales.return',
      { saleId: sale.id, lines: [{ saleLineId: line.id, qty: 1 }], reason: '坏果' },
      ownerToken,
    );
    expect(back.refundFen).toBe(1000); // (3600 − 600) / 3
    expect(back.sale).toMatchObject({ status: 'partly_returned', refundedFen: 1000 });
    expect(await level(products.apple.id)).toBe(18);
    const tooMany = await fails(
      'sales.return',
      { saleId: sale.id, lines: [{ saleLineId: line.id, qty: 3 }] },
      ownerToken,
    );
    expect(tooMany.code).toBe('RETURN_EXCEEDS_SOLD');
    expect(tooMany.message).toBe('红富士苹果 最多还可退 2 件');
  });

  it('takes sales from a POS terminal over the local HTTP API with its key', async () => {
    const { core, ok, ownerToken, ids, secondStore, products, receive, level } =
      await inventoryShop();
    await receive('MLK-1', 10);
    const { key } = await ok(
      'apiKeys.create',
      { terminalId: ids.terminalId, label: 'POS 1' },
      ownerToken,
    );
    const lan = await startServer(core, { allowTerminalKeys: true });
    const body = {
      terminalSaleId: '20261121-0001',
      storeId: ids.storeId,
      lines: [{ barcode: '6901234567892', qty: 1, unitPriceFen: 1299 }],
    };
    // The apple has no stock here: the terminal hears why.
    const refused = await lan.post('sales.record', body, bearer(key));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INSUFFICIENT_STOCK');

    const sale = { ...body, lines: [{ sku: 'MLK-1', qty: 2, unitPriceFen: 650 }] };
    const first = await lan.post('sales.record', sale, bearer(key));
    expect(first.status).toBe(200);
    expect(first.body.data.sale).toMatchObject({
      source: 'terminal',
      terminalCode: 'T01',
      totalFen: 1300,
    });
    const retry = await lan.post('sales.record', sale, bearer(key));
    expect(retry.body.data.replayed).toBe(true);
    expect(retry.body.data.sale.id).toBe(first.body.data.sale.id);
    expect(await level(products.milk.id)).toBe(8);

    const otherStore = await lan.post(
      'sales.record',
      { ...sale, terminalSaleId: 'x', storeId: secondStore.id },
      bearer(key),
    );
    expect(otherStore.body.error.code).toBe('STORE_MISMATCH');
    // Reading the sales list is for staff only.
    expect((await lan.post('sales.list', {}, bearer(key))).status).toBe(403);
  });
});
