import { describe, expect, it } from 'vitest';
import { OWNER_PIN } from '../../support/core';
import { inventoryShop } from '../../support/inventory';
import { capturePrinter } from '../../support/per-test-printer';

/** A shop with stock, a coupon and a receipt printer (the TCP capture printer) at its till. */
async function tillShop() {
  const printer = await capturePrinter();
  const shop = await inventoryShop();
  const { ok, ownerToken, ids } = shop;
  await shop.receive('APL-1', 100);
  await shop.receive('MLK-1', 100);
  const created = await ok(
    'printers.create',
    { name: '收银小票机', transport: { kind: 'tcp', ...printer.target }, widthMm: 58 },
    ownerToken,
  );
  await ok(
    'printers.setDefault',
    { terminalId: ids.terminalId, printerId: created.id },
    ownerToken,
  );
  let n = 0;
  /** 3 apples (¥38.97) + 2 milk (¥13.00) = ¥51.97, paid as told. */
  const sale = (
    tenders?: {
      kind: 'cash' | 'wechat' | 'alipay' | 'card';
      amountFen: number;
      givenFen?: number;
    }[],
    extra = {},
  ) =>
    ok(
      'sales.record',
      {
        terminalSaleId: `T-${++n}`,
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
          { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
        ],
        ...(tenders ? { tenders } : {}),
        ...extra,
      },
      shop.cashierToken,
    );
  const idle = () => shop.core.services.printing.queue.whenIdle();
  return { ...shop, printer, sale, idle };
}

describe('till: tenders on sales.record', () => {
  it('records cash with change, split payments and tender unknown, and replays the change', async () => {
    const { sale, ok, ownerToken } = await tillShop();
    const cash = await sale([{ kind: 'cash', amountFen: 5197, givenFen: 10000 }]);
    expect(cash.changeFen).toBe(4803);
    expect(cash.sale).toMatchObject({ paidFen: 5197, changeFen: 4803, roundingFen: 0 });
    expect(cash.sale.tenders).toEqual([
      { kind: 'cash', label: null, amountFen: 5197, givenFen: 10000, changeFen: 4803 },
    ]);
    expect(cash.sale.businessDate).toBe('2026-11-21');
    // The same sale posted again answers the first recording, change included.
    const again = await ok(
      'sales.record',
      {
        terminalSaleId: 'T-1',
        storeId: cash.sale.storeId,
        lines: [
          { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
          { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
        ],
        tenders: [{ kind: 'cash', amountFen: 5197, givenFen: 10000 }],
      },
      ownerToken,
    );
    expect(again).toMatchObject({ replayed: true, changeFen: 4803 });

    const split = await sale([
      { kind: 'wechat', amountFen: 3000 },
      { kind: 'cash', amountFen: 2197, givenFen: 2200 },
    ]);
    expect(split.changeFen).toBe(3);
    expect(
      (await ok('sales.get', { id: split.sale.id }, ownerToken)).tenders.map((t) => t.kind),
    ).toEqual(['wechat', 'cash']);
    const unknown = await sale();
    expect(unknown).toMatchObject({ changeFen: 0, sale: { tenders: [], paidFen: 5197 } });
  });

  it('rounds cash to the jiao as 抹零 when the shop says so', async () => {
    const { sale, ok, ownerToken } = await tillShop();
    await ok('till.updateSettings', { cashRounding: 'jiao' }, ownerToken);
    const { sale: recorded, changeFen } = await sale([
      { kind: 'cash', amountFen: 5190, givenFen: 6000 },
    ]);
    expect(recorded).toMatchObject({ totalFen: 5197, roundingFen: 7, paidFen: 5190 });
    expect(changeFen).toBe(810);
  });

  it('refuses tenders that do not add up, and writes nothing (stock, coupons)', async () => {
    const { sale, fails, ids, level, products, cashierToken } = await tillShop();
    const mismatch = await fails(
      'sales.record',
      {
        terminalSaleId: 'BAD-1',
        storeId: ids.storeId,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
        tenders: [{ kind: 'wechat', amountFen: 1000 }],
      },
      cashierToken,
    );
    expect(mismatch).toMatchObject({
      code: 'TENDER_MISMATCH',
      details: { payableFen: 1299, tenderedFen: 1000 },
    });
    expect(mismatch.message).toContain('¥12.99');
    expect(await level(products.apple.id)).toBe(100);
    await expect(sale([{ kind: 'cash', amountFen: 5197, givenFen: 5000 }])).rejects.toThrow(
      /CASH_GIVEN_SHORT/,
    );
  });

  it('gives a return back by the original tenders unless the cashier chooses one', async () => {
    const { sale, ok, ownerToken } = await tillShop();
    const split = await sale([
      { kind: 'wechat', amountFen: 3000 },
      { kind: 'cash', amountFen: 2197, givenFen: 2197 },
    ]);
    const apples = split.sale.lines[0]!;
    const back = await ok(
      'sales.return',
      { saleId: split.sale.id, lines: [{ saleLineId: apples.id, qty: 3 }] },
      ownerToken,
    );
    expect(back.refundFen).toBe(3897);
    expect(back.refunds).toEqual([
      { kind: 'wechat', amountFen: 2250 },
      { kind: 'cash', amountFen: 1647 },
    ]);
    const milk = split.sale.lines[1]!;
    const chosen = await ok(
      'sales.return',
      { saleId: split.sale.id, lines: [{ saleLineId: milk.id, qty: 1 }], refundTo: 'cash' },
      ownerToken,
    );
    expect(chosen.refunds).toEqual([{ kind: 'cash', amountFen: 650 }]);
    expect(chosen.sale.refunds.map((r) => [r.kind, r.amountFen])).toEqual([
      ['wechat', 2250],
      ['cash', 1647],
      ['cash', 650],
    ]);
    const { items } = await ok('audit.list', { action: 'sales.return' }, ownerToken);
    expect(items[0]!.details).toMatchObject({ refunds: [{ kind: 'cash', amountFen: 650 }] });
  });
});

describe('till: receipt and drawer', () => {
  it('prints the receipt with lines, coupon, tenders, change and footer, kicking the drawer for cash', async () => {
    const { ok, ownerToken, ids, cashierToken, activeTemplate, issueOne, printer, idle } =
      await tillShop();
    const template = await activeTemplate({
      name: '满50减5',
      rule: { type: 'threshold', thresholdFen: 5000, amountFen: 500 },
    });
    const { code } = await issueOne(template.id);
    await ok('till.updateSettings', { receiptFooter: '七天无理由退换' }, ownerToken);
    const { sale } = await ok(
      'sales.record',
      {
        terminalSaleId: 'R-1',
        storeId: ids.storeId,
        lines: [
          { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
          { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
        ],
        couponCodes: [code],
        tenders: [{ kind: 'cash', amountFen: 4697, givenFen: 10000 }],
      },
      cashierToken,
    );
    await ok('printing.printReceipt', { saleId: sale.id }, cashierToken);
    await idle();
    const [receipt] = await printer.waitForJobs(1);
    const text = receipt!.lines.map((l) => l.text);
    expect(receipt!.drawerPulses).toEqual([0]);
    expect(receipt!.items[0]).toEqual({ kind: 'drawer', pin: 0 });
    expect(text).toEqual(
      expect.arrayContaining([
        '鲜果优选',
        '单号                         R-1',
        '时间            2026-11-21 10:00',
        '红富士苹果',
        '  3 × ￥12.99            ￥38.97',
        '  优惠                   -￥3.75',
        '券 满50减5               -￥5.00',
        '实收                     ￥46.97',
        '现金                     ￥46.97',
        '收现金                  ￥100.00',
        '找零                     ￥53.03',
        '七天无理由退换',
      ]),
    );
    expect(receipt!.qrs).toEqual([`SDR:${sale.id}`]);
    expect(receipt!.cuts).toBe(1);

    // 补打: marked, audited, and the drawer stays shut.
    await ok('printing.printReceipt', { saleId: sale.id, reprint: true }, cashierToken);
    await idle();
    const [, reprint] = await printer.waitForJobs(2);
    expect(reprint!.lines.map((l) => l.text)).toContain('【补打】');
    expect(reprint!.drawerPulses).toEqual([]);
  });

  it('opens the drawer with a reason, audited', async () => {
    const { ok, ownerToken, cashierToken, printer, idle } = await tillShop();
    await ok('drawer.open', { reason: '找零备用' }, cashierToken);
    await idle();
    const [job] = await printer.waitForJobs(1);
    expect(job!.drawerPulses).toEqual([0]);
    expect(job!.lines.every((l) => l.text === '')).toBe(true);
    const { items } = await ok('audit.list', { action: 'drawer.open' }, ownerToken);
    expect(items[0]).toMatchObject({ staffName: '李收银', details: { reason: '找零备用' } });
  });
});

describe('till: shifts and the daily close', () => {
  it('hands a shift over: ¥5 short needs a manager, and the close balances', async () => {
    const { ok, fails, sale, ownerToken, cashierToken, ids, clock } = await tillShop();
    const shift = await ok('shifts.open', { floatFen: 50000 }, cashierToken);
    expect(shift).toMatchObject({ status: 'open', floatFen: 50000, expectedFen: 50000 });
    expect((await fails('shifts.open', { floatFen: 0 }, cashierToken)).code).toBe(
      'SHIFT_ALREADY_OPEN',
    );
    const cash = await sale([{ kind: 'cash', amountFen: 5197, givenFen: 10000 }]);
    await sale([{ kind: 'alipay', amountFen: 5197 }]);
    await sale();
    await ok(
      'sales.return',
      { saleId: cash.sale.id, lines: [{ saleLineId: cash.sale.lines[1]!.id, qty: 2 }] },
      ownerToken,
    );
    const current = await ok('shifts.current', {}, cashierToken);
    // Float 500.00 + cash 51.97 − cash refund 13.00.
    expect(current?.expectedFen).toBe(50000 + 5197 - 1300);

    const short = await fails(
      'shifts.handover',
      { countedFen: 53397, note: '少了五元' },
      cashierToken,
    );
    expect(short).toMatchObject({
      code: 'HANDOVER_NEEDS_MANAGER',
      details: { differenceFen: -500 },
    });
    const wrongPin = await fails(
      'shifts.handover',
      { countedFen: 53397, managerId: ids.ownerId, managerPin: '000000' },
      cashierToken,
    );
    expect(wrongPin.code).toBe('WRONG_PIN');
    const handed = await ok(
      'shifts.handover',
      {
        countedFen: 53397,
        denominations: { '10000': 5, '2000': 1, '1000': 1, '100': 3, '50': 1, '10': 4, '1': 7 },
        note: '少了五元',
        managerId: ids.ownerId,
        managerPin: OWNER_PIN,
      },
      cashierToken,
    );
    expect(handed).toMatchObject({
      status: 'handed_over',
      expectedFen: 53897,
      countedFen: 53397,
      differenceFen: -500,
      approvedByName: '王店主',
      businessDate: '2026-11-21',
    });
    expect(await ok('shifts.current', {}, cashierToken)).toBeNull();

    const report = await ok(
      'dayClose.preview',
      { storeId: ids.storeId, businessDate: '2026-11-21' },
      ownerToken,
    );
    expect(report).toMatchObject({
      closed: false,
      sales: { count: 3, paidFen: 3 * 5197 },
      tenders: [
        { kind: 'cash', count: 1, amountFen: 5197 },
        { kind: 'alipay', count: 1, amountFen: 5197 },
        { kind: 'unknown', count: 1, amountFen: 5197 },
      ],
      refunds: [{ kind: 'cash', count: 1, amountFen: 1300 }],
      returns: { count: 1, amountFen: 1300 },
      netFen: 3 * 5197 - 1300,
      cash: { salesFen: 5197, refundsFen: 1300, payoutsFen: 0 },
      differenceFen: -500,
    });
    expect(report.net.reduce((sum, n) => sum + n.amountFen, 0)).toBe(report.netFen);
    expect(report.shifts).toHaveLength(1);

    const closed = await ok(
      'dayClose.commit',
      { storeId: ids.storeId, businessDate: '2026-11-21' },
      ownerToken,
    );
    expect(closed).toMatchObject({ closed: true, closedByName: '王店主', netFen: report.netFen });
    expect(
      (
        await fails(
          'dayClose.commit',
          { storeId: ids.storeId, businessDate: '2026-11-21' },
          ownerToken,
        )
      ).code,
    ).toBe('DAY_ALREADY_CLOSED');

    // A sale later that evening counts on the next business day; the closed day stays as it was.
    clock.advance(60 * 60 * 1000);
    const late = await sale([{ kind: 'card', amountFen: 5197 }]);
    expect(late.sale.businessDate).toBe('2026-11-22');
    const after = await ok(
      'dayClose.preview',
      { storeId: ids.storeId, businessDate: '2026-11-21' },
      ownerToken,
    );
    expect(after.sales.count).toBe(3);
    const next = await ok(
      'dayClose.preview',
      { storeId: ids.storeId, businessDate: '2026-11-22' },
      ownerToken,
    );
    expect(next.tenders).toEqual([{ kind: 'card', count: 1, amountFen: 5197 }]);
    expect((await ok('dayClose.list', {}, ownerToken))[0]).toMatchObject({
      businessDate: '2026-11-21',
      differenceFen: -500,
    });
    const { items } = await ok('audit.list', { action: 'shifts.handover' }, ownerToken);
    expect(items[0]!.details).toMatchObject({ difference: '-¥5.00', approvedBy: '王店主' });
  });

  it('counts coupons without the voided ones and prints a close slip that balances', async () => {
    const { ok, ownerToken, ids, cashierToken, activeTemplate, issueOne, printer, idle } =
      await tillShop();
    const template = await activeTemplate({
      name: '满50减5',
      rule: { type: 'threshold', thresholdFen: 5000, amountFen: 500 },
    });
    const lines = [
      { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
      { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
    ];
    const kept = await ok(
      'sales.record',
      {
        terminalSaleId: 'C-1',
        storeId: ids.storeId,
        lines,
        couponCodes: [(await issueOne(template.id)).code],
        tenders: [{ kind: 'wechat', amountFen: 4697 }],
      },
      cashierToken,
    );
    const undone = await ok(
      'sales.record',
      {
        terminalSaleId: 'C-2',
        storeId: ids.storeId,
        lines,
        couponCodes: [(await issueOne(template.id)).code],
        tenders: [{ kind: 'cash', amountFen: 4697, givenFen: 5000 }],
      },
      cashierToken,
    );
    await ok(
      'redemption.void',
      {
        redemptionId: undone.sale.coupons[0]!.redemptionId,
        managerId: ids.ownerId,
        managerPin: OWNER_PIN,
        reason: '操作失误',
      },
      cashierToken,
    );
    const report = await ok(
      'dayClose.preview',
      { storeId: ids.storeId, businessDate: '2026-11-21' },
      ownerToken,
    );
    expect(report.coupons).toEqual({ count: 1, amountFen: 500 });
    expect(report.couponsVoided).toEqual({ count: 1, amountFen: 500 });
    expect(kept.sale.coupons).toHaveLength(1);

    await ok(
      'dayClose.commit',
      { storeId: ids.storeId, businessDate: '2026-11-21', print: true },
      ownerToken,
    );
    await idle();
    const [slip] = await printer.waitForJobs(1);
    const text = slip!.lines.map((l) => l.text);
    expect(text).toEqual(
      expect.arrayContaining([
        '营业日 2026-11-21',
        '现金 1 笔                ￥46.97',
        '微信 1 笔                ￥46.97',
        '核销优惠券           1 张 ￥5.00',
        '撤销核销             1 张 ￥5.00',
        '合计                     ￥93.94',
      ]),
    );
  });
});
