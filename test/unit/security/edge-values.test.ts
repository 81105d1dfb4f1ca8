import { describe, expect, it } from 'vitest';
import { initializedShop } from '../../support/core';
import { startServer } from '../../support/server';

const template = (validity: unknown) => ({
  name: '满 50 减 10',
  rule: { type: 'threshold', thresholdFen: 5000, amountFen: 1000 },
  validity,
});

describe('edge values (dates, instants, quantities, money) over the local API', () => {
  it('refuses dates outside 2000–2099 with a named, translated 400 and issues nothing', async () => {
    const shop = await initializedShop();
    const { post } = await startServer(shop.core);
    const auth = { authorization: `Bearer ${shop.ownerToken}` };

    const far = await post(
      'coupons.createTemplate',
      template({ kind: 'fixed', startDate: '2026-11-01', endDate: '9999-12-31' }),
      auth,
    );
    expect(far.status).toBe(400);
    expect(far.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        issues: [
          { path: ['validity', 'endDate'], message: '日期应在 2000-01-01 到 2099-12-31 之间' },
        ],
      },
    });
    const early = await post(
      'coupons.createTemplate',
      template({ kind: 'fixed', startDate: '0000-01-01', endDate: '2026-12-31' }),
      { ...auth, 'accept-language': 'en' },
    );
    expect(early.status).toBe(400);
    expect(early.body.error.details.issues).toEqual([
      { path: ['validity', 'startDate'], message: 'Dates between 2000-01-01 and 2099-12-31' },
    ]);
    expect(early.body.error.message).toContain('validity.startDate');

    // The last supported day still works end to end: a code valid through 2099-12-31.
    const last = await shop.ok(
      'coupons.createTemplate',
      template({ kind: 'fixed', startDate: '2026-11-01', endDate: '2099-12-31' }) as never,
      shop.ownerToken,
    );
    await shop.ok('coupons.setTemplateStatus', { id: last.id, status: 'active' }, shop.ownerToken);
    const issued = await shop.ok(
      'coupons.issue',
      { templateId: last.id, count: 1 },
      shop.ownerToken,
    );
    expect(issued.codes[0]!.validUntil).toBe(Date.UTC(2099, 11, 31, 16) - 1);
  });

  it('refuses a sale time beyond what a Date holds, and amounts whose totals leave the safe integers', async () => {
    const shop = await initializedShop();
    const { post } = await startServer(shop.core);
    const auth = { authorization: `Bearer ${shop.ownerToken}`, 'accept-language': 'en' };
    const product = await shop.ok(
      'products.create',
      { sku: 'APL-1', name: '红富士苹果', priceFen: 1299 },
      shop.ownerToken,
    );
    await shop.ok(
      'stock.receive',
      { storeId: shop.ids.storeId, lines: [{ productId: product.id, qty: 1_000_000 }] },
      shop.ownerToken,
    );
    const sale = (extra: Record<string, unknown>) => ({
      terminalSaleId: `T-${Math.random()}`,
      storeId: shop.ids.storeId,
      lines: [{ productId: product.id, qty: 1, unitPriceFen: 1299 }],
      ...extra,
    });

    const soldAt = await post('sales.record', sale({ soldAt: 8640000000000001 }), auth);
    expect(soldAt.status).toBe(400);
    expect(soldAt.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: ['soldAt'] }] },
    });

    const huge = await post(
      'sales.record',
      sale({
        lines: Array.from({ length: 500 }, () => ({
          productId: product.id,
          qty: 1_000_000,
          unitPriceFen: 9007199254740991,
        })),
      }),
      auth,
    );
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('VALIDATION_FAILED');
    expect(huge.body.error.details.issues[0]).toEqual({
      path: ['lines', 0, 'unitPriceFen'],
      message: 'At most ¥900,000.00 (90,000,000 fen)',
    });

    // Each price is fine, but one line (qty × price) or all of them together are not.
    const line = await post(
      'sales.record',
      sale({ lines: [{ productId: product.id, qty: 1000, unitPriceFen: 90_000_000 }] }),
      auth,
    );
    expect(line.body.error.details.issues).toEqual([
      {
        path: ['lines', 0],
        message: 'This line comes to more than ¥900,000.00 (quantity × unit price)',
      },
    ]);
    const total = await post(
      'sales.record',
      sale({
        lines: Array.from({ length: 3 }, () => ({
          productId: product.id,
          qty: 1,
          unitPriceFen: 40_000_000,
        })),
      }),
      auth,
    );
    expect(total.body.error.details.issues).toEqual([
      { path: ['lines'], message: 'The lines come to more than ¥900,000.00 in all' },
    ]);

    const recorded = await shop.ok('sales.list', { storeId: shop.ids.storeId }, shop.ownerToken);
    expect(recorded.items).toHaveLength(0);

    // The largest allowed sale is stored as whole fen.
    const max = await post(
      'sales.record',
      sale({ lines: [{ productId: product.id, qty: 9, unitPriceFen: 10_000_000 }] }),
      auth,
    );
    expect(max.status).toBe(200);
    expect(max.body.data.sale.totalFen).toBe(90_000_000);
    expect(Number.isSafeInteger(max.body.data.sale.subtotalFen)).toBe(true);
  });

  it('bounds the instants and dates of filters and reports', async () => {
    const shop = await initializedShop();
    const { post } = await startServer(shop.core);
    const auth = { authorization: `Bearer ${shop.ownerToken}` };
    expect(
      (await post('sales.list', { from: -8640000000000000 }, auth)).body.error.details.issues[0]
        .path,
    ).toEqual(['from']);
    expect(
      (await post('reports.storeDaily', { storeId: shop.ids.storeId, date: '9999-12-31' }, auth))
        .status,
    ).toBe(400);
    expect(
      (await post('reports.storeMonthly', { storeId: shop.ids.storeId, month: '0000-01' }, auth))
        .status,
    ).toBe(400);
  });
});
