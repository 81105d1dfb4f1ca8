import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../../src-main/core/analytics/rebuild';
import { ROLLUP_TABLES } from '../../../src-main/core/analytics/rollups';
import { DATABASE_FILE } from '../../../src-main/core';
import { OWNER_PIN } from '../../support/core';
import { inventoryShop } from '../../support/inventory';

// A small shop whose every figure is worked out by hand below. Times are Asia/Shanghai (UTC+8):
// a sale at 23:59 on the 20th and one at 00:01 on the 21st fall on different days.
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 8, minute);
const P1 = '+8613900001111';
const P2 = '+8613800002222';

async function handComputedShop() {
  const shop = await inventoryShop();
  const { ok, ownerToken, cashierToken, ids, clock, activeTemplate, products } = shop;
  const beijing = await ok(
    'stores.create',
    { name: '鲜果优选 三里屯店', districtCode: '110105' },
    ownerToken,
  );
  for (const storeId of [ids.storeId, beijing.id])
    await ok('stock.setSettings', { storeId, allowNegative: true }, ownerToken);

  clock.set(at(20, 10));
  const template = await activeTemplate(); // 满100减20
  const cashbackTemplate = await activeTemplate({
    name: '苹果返现 2 元',
    rule: { type: 'cashback', rewardFen: 200 },
    scope: { productIds: [products.apple.id], categories: [] },
  });
  const { codes } = await ok('coupons.issue', { templateId: template.id, count: 4 }, ownerToken);
  const [c1, c2, c3, c4] = codes.map((c) => c.code) as [string, string, string, string];

  // R1: 23:59 on the 20th, store 玄武, apple ×10 = 129.90, −20 → 109.90, customer P1's first sale.
  clock.set(at(20, 23, 59));
  const sale1 = await ok(
    'sales.record',
    {
      terminalSaleId: 'A-1',
      storeId: ids.storeId,
      lines: [{ sku: 'APL-1', qty: 10, unitPriceFen: 1299 }],
      customerPhone: P1,
      couponCodes: [c1],
    },
    cashierToken,
  );
  // R2: 00:01 on the 21st, apple ×8 = 103.92, −20 → 83.92, P1 again (a returning customer).
  clock.set(at(21, 0, 1));
  const sale2 = await ok(
    'sales.record',
    {
      terminalSaleId: 'A-2',
      storeId: ids.storeId,
      lines: [{ sku: 'APL-1', qty: 8, unitPriceFen: 1299 }],
      customerPhone: P1,
      couponCodes: [c2],
    },
    cashierToken,
  );
  // R3: a redemption in Beijing at 10:00, voided ten minutes later: it counts nowhere but voids.
  clock.set(at(21, 10));
  const r3 = await ok(
    'redemption.redeem',
    { code: c3, order: { subtotalFen: 15000 }, idempotencyKey: 'r3-key-0001', storeId: beijing.id },
    cashierToken,
  );
  clock.set(at(21, 10, 10));
  await ok(
    'redemption.void',
    {
      redemptionId: r3.redemption.id,
      managerId: ids.ownerId,
      managerPin: OWNER_PIN,
      reason: '误操作',
    },
    cashierToken,
  );
  // R4: Beijing, 10:05 … 150.00 −20 by the owner (no products on a subtotal-only order).
  clock.set(at(21, 10, 20));
  await ok(
    'redemption.redeem',
    { code: c4, order: { subtotalFen: 15000 }, idempotencyKey: 'r4-key-0001', storeId: beijing.id },
    ownerToken,
  );
  // A cashback slip for apples printed at the 玄武 till, paid out at the counter to P2.
  clock.set(at(21, 11));
  const slip = await ok(
    'cashback.requestCode',
    { sku: 'APL-1', terminalId: ids.terminalId },
    ownerToken,
  );
  await ok('cashback.redeem', { code: slip.code, phone: P2 }, cashierToken);
  // A plain sale in Beijing by the owner: milk ×3 = 19.50.
  clock.set(at(21, 12));
  await ok(
    'sales.record',
    {
      terminalSaleId: 'B-1',
      storeId: beijing.id,
      lines: [{ sku: 'MLK-1', qty: 3, unitPriceFen: 650 }],
    },
    ownerToken,
  );
  // Two apples of the 00:01 sale come back at 15:00: refund (103.92 − 20) × 2/8 = 20.98.
  clock.set(at(21, 15));
  await ok(
    'sales.return',
    { saleId: sale2.sale.id, lines: [{ saleLineId: sale2.sale.lines[0]!.id, qty: 2 }] },
    ownerToken,
  );
  return { ...shop, beijing, template, cashbackTemplate, sale1, sale2 };
}

const range = { from: '2026-11-20', to: '2026-11-21' };

/** Every rollup table's rows, sorted, for comparing the live writes with a rebuild. */
function dumpRollups(sqlite: Database.Database) {
  const tables = [...Object.values(ROLLUP_TABLES).map((t) => t.name), 'customer_store_first'];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      (sqlite.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[])
        // Rows a void brought back to zero are kept live but not rebuilt.
        .filter(
          (row) =>
            Object.entries(row).some(
              ([k, v]) => typeof v === 'number' && v !== 0 && k !== 'first_sold_at',
            ) || name === 'customer_store_first',
        )
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

describe('analytics from the daily rollups', () => {
  it('shares redemptions by province and city; a voided one counts nowhere', async () => {
    const { ok, ownerToken, products } = await handComputedShop();
    const provinces = await ok(
      'analytics.redemptionsByRegion',
      { ...range, level: 'province' },
      ownerToken,
    );
    // 江苏: R1, R2 and the cashback payout; 北京: R4 (R3 was voided).
    expect(provinces).toEqual({
      total: 4,
      rows: [
        { code: '320000', name: '江苏省', count: 3, share: 0.75 },
        { code: '110000', name: '北京市', count: 1, share: 0.25 },
      ],
    });
    const cities = await ok(
      'analytics.redemptionsByRegion',
      { ...range, level: 'city', provinceCode: '110000' },
      ownerToken,
    );
    expect(cities.rows).toEqual([{ code: '110100', name: '北京市', count: 1, share: 1 }]);
    const apples = await ok(
      'analytics.redemptionsByRegion',
      { ...range, level: 'city', productId: products.apple.id },
      ownerToken,
    );
    expect(apples.rows).toEqual([{ code: '320100', name: '南京市', count: 3, share: 1 }]);
    const cashbackOnly = await ok(
      'analytics.redemptionsByRegion',
      { ...range, level: 'province', kinds: ['cashback'] },
      ownerToken,
    );
    expect(cashbackOnly.total).toBe(1);
  });

  it('counts redemptions per day across midnight in Shanghai, with running totals', async () => {
    const { ok, ownerToken, ids } = await handComputedShop();
    const all = await ok('analytics.redemptionsDaily', range, ownerToken);
    expect(all.days).toEqual(['2026-11-20', '2026-11-21']);
    // 23:59 on the 20th; 00:01, R4 and the cashback on the 21st.
    expect(all.series).toEqual([
      { key: 'all', name: '', total: 4, daily: [1, 3], cumulative: [1, 4] },
    ]);
    const byProvince = await ok(
      'analytics.redemptionsDaily',
      { ...range, groupBy: 'province' },
      ownerToken,
    );
    expect(byProvince.series.map((s) => [s.name, s.daily, s.cumulative])).toEqual([
      ['江苏省', [1, 2], [1, 3]],
      ['北京市', [0, 1], [0, 1]],
    ]);
    const oneStore = await ok(
      'analytics.redemptionsDaily',
      { ...range, storeIds: [ids.storeId] },
      ownerToken,
    );
    expect(oneStore.series[0]!.daily).toEqual([1, 2]);
  });

  it("follows one consumer's redemptions by day and per product", async () => {
    const { ok, ownerToken, products } = await handComputedShop();
    const p1 = await ok('analytics.consumer', { ...range, phone: '139 0000 1111' }, ownerToken);
    expect(p1).toMatchObject({ phone: P1, masked: '139****1111', rewardFen: 4000 });
    expect(p1.total).toMatchObject({ daily: [1, 1], cumulative: [1, 2], total: 2 });
    expect(p1.products).toEqual([
      { key: products.apple.id, name: '红富士苹果', total: 2, daily: [1, 1], cumulative: [1, 2] },
    ]);
    const p2 = await ok('analytics.consumer', { ...range, phone: P2 }, ownerToken);
    expect(p2).toMatchObject({ rewardFen: 200, total: { daily: [0, 1] } });
    const top = await ok('analytics.topConsumers', range, ownerToken);
    expect(top.map((c) => [c.masked, c.count, c.products])).toEqual([
      ['139****1111', 2, 1],
      ['138****2222', 1, 1],
    ]);
    expect(top[0]).toMatchObject({
      rewardFen: 4000,
      firstDay: '2026-11-20',
      lastDay: '2026-11-21',
    });
    // Whole November from the monthly rollup, loose days around it from the daily one.
    const both = [
      ['139****1111', 2, '2026-11-20'],
      ['138****2222', 1, '2026-11-21'],
    ];
    const cases = [
      ['2026-11-01', '2026-12-05', both],
      ['2026-10-31', '2026-11-30', both],
      // Only the 21st: one each, P2's number first.
      [
        '2026-11-21',
        '2026-12-31',
        [
          ['138****2222', 1, '2026-11-21'],
          ['139****1111', 1, '2026-11-21'],
        ],
      ],
    ] as const;
    for (const [from, to, expected] of cases) {
      const rows = await ok('analytics.topConsumers', { from, to }, ownerToken);
      expect(
        rows.map((c) => [c.masked, c.count, c.firstDay]),
        `${from}…${to}`,
      ).toEqual(expected);
    }
    const coupons = await ok(
      'analytics.topConsumers',
      { from: '2026-11-01', to: '2026-11-30', kinds: ['coupon'] },
      ownerToken,
    );
    expect(coupons.map((c) => [c.masked, c.count, c.rewardFen])).toEqual([
      ['139****1111', 2, 4000],
    ]);
  });

  it('keeps the top consumers current as tills write and after a rebuild elsewhere', async () => {
    const { ok, ownerToken, cashierToken, ids, beijing, clock, dataDir } = await handComputedShop();
    const november = { from: '2026-11-01', to: '2026-11-30' };
    const top = async (input: Record<string, unknown> = {}) =>
      (await ok('analytics.topConsumers', { ...november, ...input }, ownerToken)).map((c) => [
        c.masked,
        c.count,
        c.rewardFen,
      ]);
    // Read once: November and the 21st are now held in memory.
    expect(await top()).toEqual([
      ['139****1111', 2, 4000],
      ['138****2222', 1, 200],
    ]);
    expect(await top({ from: '2026-11-21', to: '2026-11-21' })).toHaveLength(2);
    // Two more apple cashback payouts to P2 on the 21st: the whole month and the day both move.
    clock.set(at(21, 16));
    for (let i = 0; i < 2; i++) {
      const slip = await ok(
        'cashback.requestCode',
        { sku: 'APL-1', terminalId: ids.terminalId },
        ownerToken,
      );
      await ok('cashback.redeem', { code: slip.code, phone: P2 }, cashierToken);
    }
    const after = [
      ['138****2222', 3, 600],
      ['139****1111', 2, 4000],
    ];
    expect(await top()).toEqual(after);
    expect(await top({ from: '2026-11-21', to: '2026-11-21' })).toEqual([
      ['138****2222', 3, 600],
      ['139****1111', 1, 2000],
    ]);
    expect(await top({ kinds: ['coupon'] })).toEqual([['139****1111', 2, 4000]]);
    expect(await top({ limit: 1 })).toEqual([after[0]]);
    // Per store: every phone bought in 新街口; the Beijing redemption had no phone.
    expect(await top({ storeIds: [ids.storeId] })).toEqual(after);
    expect(await top({ storeIds: [beijing.id] })).toEqual([]);
    // Rows that drifted (written here with their day's stamp), then mended by the worker's rebuild
    // through its own connection: the next read sees each state.
    const other = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      other
        .prepare(
          "UPDATE rollup_consumer_day SET count = count + 5 WHERE phone = ? AND day = '2026-11-20'",
        )
        .run(P1);
      other
        .prepare("UPDATE rollup_consumer_stamp SET stamp = stamp + 1 WHERE day = '2026-11-20'")
        .run();
      expect((await top())[0]).toEqual(['139****1111', 7, 4000]);
      rebuildRollups(other);
    } finally {
      other.close();
    }
    expect(await top()).toEqual(after);
  });

  it('trends each store by day and week: revenue after refunds, tickets, returning customers', async () => {
    const { ok, ownerToken, ids, beijing } = await handComputedShop();
    const daily = await ok('analytics.storeTrend', { ...range, grain: 'day' }, ownerToken);
    const xuanwu = daily.stores.find((s) => s.storeId === ids.storeId)!;
    expect(xuanwu.points).toEqual([
      {
        period: '2026-11-20',
        revenueFen: 10990,
        transactions: 1,
        avgTicketFen: 10990,
        repeatRate: 0,
        identifiedSales: 1,
      },
      // 83.92 sold, 20.98 refunded; P1 had bought here before.
      {
        period: '2026-11-21',
        revenueFen: 6294,
        transactions: 1,
        avgTicketFen: 8392,
        repeatRate: 1,
        identifiedSales: 1,
      },
    ]);
    const weekly = await ok(
      'analytics.storeTrend',
      { ...range, grain: 'week', storeIds: [ids.storeId, beijing.id] },
      ownerToken,
    );
    expect(weekly.periods).toEqual(['2026-11-16']);
    expect(weekly.stores.map((s) => [s.storeName, s.total])).toEqual([
      [
        '鲜果优选 新街口店',
        {
          revenueFen: 17284,
          transactions: 2,
          avgTicketFen: 9691,
          repeatRate: 0.5,
          identifiedSales: 2,
        },
      ],
      [
        '鲜果优选 三里屯店',
        {
          revenueFen: 1950,
          transactions: 1,
          avgTicketFen: 1950,
          repeatRate: null,
          identifiedSales: 0,
        },
      ],
    ]);
  });

  it('ranks products and cashiers, and measures each coupon template', async () => {
    const { ok, ownerToken, template, cashbackTemplate } = await handComputedShop();
    const products = await ok('analytics.products', range, ownerToken);
    expect(
      products.map((p) => [
        p.sku,
        p.revenueFen,
        p.qty,
        p.returnedQty,
        p.transactions,
        p.redemptions,
      ]),
    ).toEqual([
      ['APL-1', 17284, 18, 2, 2, 3],
      ['MLK-1', 1950, 3, 0, 1, 0],
    ]);
    const cashiers = await ok('analytics.cashiers', range, ownerToken);
    expect(
      cashiers.map((c) => [
        c.name,
        c.sales,
        c.salesFen,
        c.redemptions,
        c.discountFen,
        c.cashbackPayouts,
        c.voids,
      ]),
    ).toEqual([
      // R3 was the cashier's and was voided: not a redemption, one void.
      ['李收银', 2, 19382, 2, 4000, 1, 1],
      ['王店主', 1, 1950, 1, 2000, 0, 0],
    ]);
    const effect = await ok('analytics.couponEffect', range, ownerToken);
    expect(effect).toEqual([
      {
        templateId: template.id,
        name: '满100减20',
        type: 'threshold',
        issued: 4,
        // Issued here at the counter: none claimed by phone.
        claimed: 0,
        redeemed: 3,
        redemptionRate: 0.75,
        costFen: 6000,
        // The two sales' totals and R4's order (150 − 20).
        orderRevenueFen: 10990 + 8392 + 13000,
        voided: 1,
      },
      {
        templateId: cashbackTemplate.id,
        name: '苹果返现 2 元',
        type: 'cashback',
        issued: 1,
        claimed: 0,
        redeemed: 1,
        redemptionRate: 1,
        costFen: 200,
        orderRevenueFen: 0,
        voided: 0,
      },
    ]);
  });

  it('compares the month under way to date with the same days before, in the store zone', async () => {
    const { ok, ownerToken, ids, clock } = await handComputedShop();
    let token = ownerToken;
    const monthly = (month: string) =>
      ok('reports.storeMonthly', { storeId: ids.storeId, month }, token);
    // Sessions end after 12 idle hours: the owner logs in again after the clock jumps.
    const later = async (at: number) => {
      clock.set(at);
      token = (await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).token;
    };
    // 21 November, 10:10 in Shanghai: November 1–21 against October 1–21 and November 1–21 2025.
    const november = await monthly('2026-11');
    expect([november.from, november.to, november.days.length]).toEqual([
      '2026-11-01',
      '2026-11-21',
      21,
    ]);
    expect(november.previousRange).toEqual({ from: '2026-10-01', to: '2026-10-21' });
    expect(november.lastYearOrWeekRange).toEqual({ from: '2025-11-01', to: '2025-11-21' });
    expect(november.kpi.revenueFen).toBe(10990 + 6294);
    // A month that is over is compared whole with the whole month before.
    const october = await monthly('2026-10');
    expect([october.to, october.previousRange.to]).toEqual(['2026-10-31', '2026-09-30']);
    // 1 December 01:00 in Shanghai is still 30 November in UTC: December is under way, one day.
    await later(Date.UTC(2026, 10, 30, 17, 0));
    const december = await monthly('2026-12');
    expect([december.to, december.previousRange.to]).toEqual(['2026-12-01', '2026-11-01']);
    // The 31st against a month of 30 days: the whole month before, no more.
    await later(Date.UTC(2026, 11, 31, 4, 0));
    expect((await monthly('2026-12')).previousRange).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('prints a store day, and exports charts as CSV and XLSX', async () => {
    const { ok, ownerToken, ids, dataDir } = await handComputedShop();
    const day = await ok(
      'reports.storeDaily',
      { storeId: ids.storeId, date: '2026-11-21' },
      ownerToken,
    );
    expect(day.kpi).toMatchObject({
      revenueFen: 6294,
      transactions: 1,
      refundFen: 2098,
      itemsSold: 8,
      redemptions: 1,
      cashbackPayouts: 1,
      cashbackFen: 200,
    });
    expect(day.previous).toMatchObject({ revenueFen: 10990, redemptions: 1 });
    expect(day.topProducts).toEqual([
      { productId: expect.any(String), name: '红富士苹果', qty: 8, revenueFen: 6294 },
    ]);
    const csv = await ok(
      'reports.export',
      {
        request: {
          report: 'analytics.redemptionsByRegion',
          input: { ...range, level: 'province' },
        },
        format: 'csv',
      },
      ownerToken,
    );
    expect(csv.rows).toBe(2);
    expect(fs.readFileSync(path.join(dataDir, 'exports', csv.fileName), 'utf8')).toBe(
      '\ufeff地区编码,地区,核销次数,占比（%）\r\n320000,江苏省,3,75\r\n110000,北京市,1,25\r\n',
    );
    const xlsx = await ok(
      'reports.export',
      { request: { report: 'analytics.storeTrend', input: range }, format: 'xlsx' },
      ownerToken,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx.path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '门店',
      '期间',
      '营业额（元）',
      '交易笔数',
      '客单价（元）',
      '回头客占比（%）',
    ]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '鲜果优选 新街口店',
      '2026-11-20',
      109.9,
      1,
      109.9,
      0,
    ]);
  });

  it('rebuilds exactly what the live writes kept, and refuses a backwards range', async () => {
    const { core, fails, ownerToken, dataDir } = await handComputedShop();
    const live = dumpRollups(core.sqlite);
    const other = new Database(path.join(dataDir, DATABASE_FILE));
    try {
      const progress: string[] = [];
      const result = rebuildRollups(other, (p) => progress.push(p.phase));
      expect(result.attempts).toBe(1);
      expect(progress).toEqual([
        ...[
          'live_redemptions',
          'redemption_products',
          'voids',
          'sales_days',
          'lines',
          'returns',
          'cashback',
        ].map((name) => `read.${name}`),
        ...Object.keys(ROLLUP_TABLES),
        'customers',
        'swap',
        'done',
      ]);
    } finally {
      other.close();
    }
    expect(dumpRollups(core.sqlite)).toEqual(live);
    const backwards = await fails(
      'analytics.storeTrend',
      { from: '2026-11-21', to: '2026-11-01' },
      ownerToken,
    );
    expect(backwards.details!.issues).toEqual([
      { path: ['to'], message: '结束日期不能早于开始日期' },
    ]);
  });
});

describe('rollup rebuild while the tills write', () => {
  it('computes again when a sale lands during the rebuild, so the swap loses nothing', async () => {
    const { core, ok, ownerToken, ids, dataDir, clock } = await handComputedShop();
    const other = new Database(path.join(dataDir, DATABASE_FILE));
    let sold = false;
    try {
      const result = rebuildRollups(other, ({ phase }) => {
        if (phase !== 'storeDay' || sold) return;
        sold = true;
        // A till writes through the app's own connection while the rebuild reads its snapshot.
        clock.set(at(21, 18));
        core.services.sales.record(
          {
            actor: {
              kind: 'staff',
              staffId: ids.ownerId,
              name: '王店主',
              role: 'owner',
              storeId: null,
              sessionId: 'test',
              terminalId: null,
            },
            source: 'app',
            lang: 'zh-CN',
          },
          {
            terminalSaleId: 'DURING-1',
            storeId: ids.storeId,
            lines: [{ sku: 'MLK-1', qty: 1, unitPriceFen: 650 }],
            couponCodes: [],
          },
        );
      });
      expect(result.attempts).toBe(2);
    } finally {
      other.close();
    }
    const trend = await ok(
      'analytics.storeTrend',
      { ...range, storeIds: [ids.storeId] },
      ownerToken,
    );
    expect(trend.stores[0]!.points[1]).toMatchObject({ revenueFen: 6294 + 650, transactions: 2 });
  });
});

describe('demo data and insights', () => {
  it('fills an empty shop in a worker; the insights find the slipping store', async () => {
    const shop = await inventoryShop();
    const { ok, fails, ownerToken, core } = shop;
    // Demo data goes only into a shop marked as the demo shop (the shop host marks its own).
    expect((await fails('demo.generate', { days: 63, seed: 7 }, ownerToken)).code).toBe(
      'NOT_A_DEMO_SHOP',
    );
    core.services.settings.set('shop.demo', true);
    const job = await ok('demo.generate', { days: 63, seed: 7 }, ownerToken);
    expect(job).toMatchObject({ task: 'demo', status: 'running' });
    expect((await fails('analytics.rebuildRollups', {}, ownerToken)).code).toBe(
      'ANALYTICS_JOB_RUNNING',
    );
    await core.services.analyticsJobs.settled();
    const status = await ok('analytics.status', {}, ownerToken);
    expect(status).toMatchObject({ hasData: true, lastDay: '2026-11-21', job: { status: 'done' } });

    const insights = await ok('analytics.insights', {}, ownerToken);
    expect(insights).toMatchObject({
      asOf: '2026-11-20',
      recentFrom: '2026-11-14',
      baselineFrom: '2026-10-17',
    });
    const storeDeclines = insights.declines.filter((d) => d.kind === 'store');
    expect(storeDeclines.map((d) => d.storeName)).toEqual(['苏州姑苏店']);
    expect(storeDeclines[0]!.change).toBeLessThanOrEqual(-0.2);
    expect(storeDeclines[0]!.suggestion).toMatchObject({
      key: 'storeDeclineCopyCoupon',
      params: { store: '苏州姑苏店', bestStore: '北京海淀店' },
    });
    expect(insights.best.find((b) => b.kind === 'store')?.storeName).toBe('北京海淀店');
    const exported = await ok(
      'reports.export',
      { request: { report: 'analytics.insights', input: {} }, format: 'csv' },
      ownerToken,
    );
    const csv = fs.readFileSync(exported.path, 'utf8');
    expect(csv).toContain('下滑,苏州姑苏店,');
    expect(csv).toContain('建议在苏州姑苏店也发放这张券');
    expect((await fails('demo.generate', {}, ownerToken)).code).toBe('DEMO_SHOP_NOT_EMPTY');
  }, 60_000);
});
