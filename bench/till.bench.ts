// Till metrics (issue 20): sales.record with tenders, coupons and stock (lines/s) beside a bare
// insert of the same rows; a receipt drawn from the database and encoded to ESC/POS (p99) beside
// encoding the coupon slip alone; the daily close of a store with 5,000 sales beside one bare
// aggregate over the same rows.
import { encodeSlip } from '../src-main/devices/printing/escpos';
import { newId } from '../src-node/ids';
import { couponSlip } from '../src-shared/slips/templates';
import type { Printer } from '../src-shared/contract/printing';
import { compare, round, stats, time, type Metric } from './harness';
import { benchShop, must } from './support';

const SALES = Number(process.env.BENCH_TILL_SALES ?? 5_000);
const LINES_PER_SALE = 5;
const PRODUCTS = 200;
/** One sale in COUPON_EVERY carries a coupon (满50减5). */
const COUPON_EVERY = 10;
const DAY_START = Date.UTC(2026, 10, 20, 1, 0, 0); // 2026-11-20 09:00 in Shanghai

export async function tillBench(): Promise<Metric[]> {
  const shop = await benchShop('till');
  const { core, ids, token } = shop;
  try {
    const csv = [
      'SKU,名称,条码,分类,售价',
      ...Array.from({ length: PRODUCTS }, (_, i) => `P${i},基准商品 ${i},,品类,10.90`),
    ].join('\n');
    await must(
      core,
      'products.import',
      { fileName: 'p.csv', contentBase64: Buffer.from(csv).toString('base64') },
      token,
    );
    await must(
      core,
      'stock.receive',
      {
        storeId: ids.storeId,
        lines: Array.from({ length: PRODUCTS }, (_, i) => ({ sku: `P${i}`, qty: 1_000_000 })),
      },
      token,
    );
    const template = await must<{ id: string }>(
      core,
      'coupons.createTemplate',
      {
        name: '满50减5',
        rule: { type: 'threshold', thresholdFen: 5000, amountFen: 500 },
        validity: { kind: 'relative', days: 30 },
      },
      token,
    );
    await must(core, 'coupons.setTemplateStatus', { id: template.id, status: 'active' }, token);
    const { codes } = await must<{ codes: { code: string }[] }>(
      core,
      'coupons.issue',
      { templateId: template.id, count: 2 * Math.ceil(SALES / COUPON_EVERY) + 20 },
      token,
    );

    // 5 lines of 1–3 units at ¥10.90: ¥54.50 … ¥163.50, always over the coupon's threshold.
    const lineQty = (n: number, i: number) => 1 + ((n * 7 + i * 3) % 3);
    const saleInput = (n: number) => {
      const lines = Array.from({ length: LINES_PER_SALE }, (_, i) => ({
        sku: `P${(n * LINES_PER_SALE + i) % PRODUCTS}`,
        qty: lineQty(n, i),
        unitPriceFen: 1090,
      }));
      const subtotal = lines.reduce((sum, l) => sum + l.qty * l.unitPriceFen, 0);
      const coupon = n % COUPON_EVERY === 0 ? codes[n / COUPON_EVERY]!.code : null;
      const total = subtotal - (coupon ? 500 : 0);
      // Cash with change, WeChat, and a split of Alipay and cash, in turn.
      const tenders =
        n % 3 === 0
          ? [{ kind: 'cash', amountFen: total, givenFen: Math.ceil(total / 10000) * 10000 }]
          : n % 3 === 1
            ? [{ kind: 'wechat', amountFen: total }]
            : [
                { kind: 'alipay', amountFen: 3000 },
                { kind: 'cash', amountFen: total - 3000, givenFen: total - 3000 },
              ];
      return {
        terminalSaleId: `B-${n}`,
        storeId: ids.storeId,
        lines,
        couponCodes: coupon ? [coupon] : [],
        tenders,
        soldAt: DAY_START + n * 1000,
      };
    };

    // As before the till: every PLAIN_EVERY-th sale is also recorded without tenders (the same
    // lines, a coupon as often, a day later), interleaved so both meet the same database and
    // the same machine load; a regression from recording tenders shows as the ratio.
    const PLAIN_EVERY = 5;
    const plainSale = (n: number) => {
      const { tenders: _tenders, ...input } = saleInput(n);
      return {
        ...input,
        terminalSaleId: `P-${n}`,
        // A coupon as often as the sales with tenders have one: every COUPON_EVERY-th of these.
        couponCodes:
          (n / PLAIN_EVERY) % COUPON_EVERY === 0
            ? [codes[Math.ceil(SALES / COUPON_EVERY) + n / PLAIN_EVERY / COUPON_EVERY]!.code]
            : [],
        soldAt: input.soldAt + 86_400_000,
      };
    };
    console.log(`bench: recording ${SALES} sales of ${LINES_PER_SALE} lines with tenders…`);
    const durations: number[] = [];
    const plainDurations: number[] = [];
    let lastSaleId = '';
    for (let n = 0; n < SALES; n++) {
      const t0 = performance.now();
      lastSaleId = (await must<{ sale: { id: string } }>(core, 'sales.record', saleInput(n), token))
        .sale.id;
      durations.push(performance.now() - t0);
      if (n % PLAIN_EVERY === 0) {
        const t1 = performance.now();
        await must(core, 'sales.record', plainSale(n), token);
        plainDurations.push(performance.now() - t1);
      }
    }
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    const salesMs = sum(durations);
    const saleStats = stats(durations);
    const plain = plainDurations.length;
    const plainLinesPerSecond = (plain * LINES_PER_SALE) / (sum(plainDurations) / 1000);

    // Baseline: the same rows (sale, lines, movements, tenders) inserted bare, one durable tx each.
    core.sqlite.exec(`
      CREATE TABLE bare_sales (id TEXT PRIMARY KEY, store_id TEXT, terminal_sale_id TEXT, total INTEGER);
      CREATE TABLE bare_lines (id TEXT PRIMARY KEY, sale_id TEXT, product TEXT, qty INTEGER, price INTEGER);
      CREATE TABLE bare_moves (id TEXT PRIMARY KEY, store_id TEXT, product TEXT, qty INTEGER);
      CREATE TABLE bare_tenders (sale_id TEXT, position INTEGER, kind TEXT, amount INTEGER);`);
    const insertSale = core.sqlite.prepare('INSERT INTO bare_sales VALUES (?, ?, ?, ?)');
    const insertLine = core.sqlite.prepare('INSERT INTO bare_lines VALUES (?, ?, ?, ?, ?)');
    const insertMove = core.sqlite.prepare('INSERT INTO bare_moves VALUES (?, ?, ?, ?)');
    const insertTender = core.sqlite.prepare('INSERT INTO bare_tenders VALUES (?, ?, ?, ?)');
    const bareSale = core.sqlite.transaction((input: ReturnType<typeof saleInput>) => {
      const saleId = newId();
      insertSale.run(saleId, input.storeId, input.terminalSaleId, 0);
      for (const line of input.lines) {
        insertLine.run(newId(), saleId, line.sku, line.qty, line.unitPriceFen);
        insertMove.run(newId(), input.storeId, line.sku, -line.qty);
      }
      input.tenders.forEach((t, i) => insertTender.run(saleId, i, t.kind, t.amountFen));
    });
    const bareStart = performance.now();
    for (let n = 0; n < SALES; n++) bareSale.immediate(saleInput(n));
    const bareMs = performance.now() - bareStart;
    const linesPerSecond = (SALES * LINES_PER_SALE) / (salesMs / 1000);
    const bareLinesPerSecond = (SALES * LINES_PER_SALE) / (bareMs / 1000);

    // The receipt of a sale with a coupon and split tenders: drawn from the database, encoded.
    const printer: Printer = {
      id: newId(),
      name: 'bench',
      transport: { kind: 'tcp', host: '127.0.0.1', port: 9 },
      widthMm: 80,
      copies: 1,
      cut: 'full',
      active: true,
      defaultFor: [],
      createdAt: 0,
    };
    const job = {
      id: newId(),
      printerId: printer.id,
      kind: 'receipt' as const,
      payload: {
        kind: 'receipt' as const,
        storeId: ids.storeId,
        saleId: lastSaleId,
        kickDrawer: true,
      },
      status: 'printing' as const,
      total: 1,
      done: 0,
      error: null,
      reprint: false,
      createdBy: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const slips = core.services.printing.slips;
    const fromDatabase = await time(() => encodeSlip(slips.forJob(job, 0, printer)), {
      iterations: 2000,
    });
    const receiptSlip = slips.forJob(job, 0, printer);
    const receipt = await time(() => encodeSlip(receiptSlip), { iterations: 2000 });
    const coupon = couponSlip(80, {
      merchantName: '基准商户',
      storeName: '基准门店',
      templateName: '满50减5',
      ruleText: '满50减5',
      terms: '全场通用',
      code: '49291758362019485730',
      display: '4929 1758 3620 1948 5730',
      qrPayload: 'SD1.k1.49291758362019485730.mjq1s0f.AZNl4hI0erw-7wEjRWeJqw.AAAAAAAAAAAAAA',
      validUntilText: '2026-12-21 23:59',
      issuedAtText: '2026-11-21 10:00',
    });
    const couponEncode = await time(() => encodeSlip(coupon), { iterations: 2000 });

    // The daily close of the store's 5,000 sales: preview (read) and commit (the write).
    const day = { storeId: ids.storeId, businessDate: '2026-11-20' };
    const preview = await time(() => must(core, 'dayClose.preview', day, token), {
      iterations: 20,
      warmup: 2,
    });
    const commitStart = performance.now();
    const closed = await must<{ sales: { count: number }; netFen: number }>(
      core,
      'dayClose.commit',
      day,
      token,
    );
    const commitMs = performance.now() - commitStart;
    const bareAggregate = core.sqlite.prepare(
      `SELECT count(*), sum(paid_fen) FROM sales WHERE store_id = ? AND business_date = ?`,
    );
    const bare = await time(() => bareAggregate.get(ids.storeId, '2026-11-20'), {
      iterations: 20,
      warmup: 2,
    });

    return [
      {
        name: `sales.record with tenders (+ coupon every ${COUPON_EVERY}th), ${LINES_PER_SALE} lines, stock + outbox`,
        unit: 'lines/s',
        value: Math.round(linesPerSecond),
        baselineName: 'bare insert of the same rows (+ tenders), one durable tx per sale',
        baseline: Math.round(bareLinesPerSecond),
        ratio: round(linesPerSecond / bareLinesPerSecond),
        target: '>= 2000 lines/s',
        met: linesPerSecond >= 2000,
        extra: { sales: SALES, p50Ms: round(saleStats.p50Ms), p99Ms: round(saleStats.p99Ms) },
      },
      {
        name: `sales.record without tenders (as before the till), ${plain} sales interleaved`,
        unit: 'lines/s',
        value: Math.round(plainLinesPerSecond),
        baselineName: 'sales.record with tenders, same run',
        baseline: Math.round(linesPerSecond),
        ratio: round(plainLinesPerSecond / linesPerSecond),
      },
      compare(
        'receipt encode (80 mm: 5 lines, coupon, split tenders, QR, drawer pulse)',
        receipt,
        'coupon slip encode',
        couponEncode,
        { field: 'p99Ms', target: '<= 2 ms p99', met: receipt.p99Ms <= 2 },
      ),
      compare(
        'receipt drawn from the database + encoded',
        fromDatabase,
        'coupon slip encode',
        couponEncode,
        { field: 'p99Ms' },
      ),
      {
        ...compare(
          `dayClose.preview, one store, ${closed.sales.count} sales`,
          preview,
          'one bare aggregate over the day’s sales',
          bare,
          { field: 'p99Ms', target: '<= 200 ms', met: preview.p99Ms <= 200 && commitMs <= 200 },
        ),
        extra: {
          ...compare('', preview, '', bare, { field: 'p99Ms' }).extra,
          commitMs: round(commitMs),
          netFen: closed.netFen,
        },
      },
    ];
  } finally {
    await shop.close();
  }
}
