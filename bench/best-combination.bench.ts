// 自动选最优券 (issue 29): `redemption.bestCombination` with the 10 codes a customer holds on a
// 30-line order, through the handlers as the till calls it, beside a single `redemption.verify`
// of one code on the same order in the same run. Target: p99 <= 20 ms.
//
//   npm run bench -- best-combination
//   BENCH_BEST_ITERATIONS=1000 npm run bench -- best-combination
import { compare, stats, type Metric } from './harness';
import { benchCashier, benchShop, must } from './support';

const ITERATIONS = Number(process.env.BENCH_BEST_ITERATIONS ?? 400);
/** Combination and verify are timed in alternating rounds, so a busy moment hits both. */
const ROUNDS = 10;
const LINES = 30;

export async function bestCombinationBench(): Promise<Metric[]> {
  const shop = await benchShop('best', {
    core: { config: { analytics: { warmUpDelayMs: null } } },
  });
  const { core, ids, token: owner } = shop;
  try {
    const { token } = await benchCashier(shop);

    const categories = ['水果', '乳品', '粮油', '日化', '零食'];
    const products: { id: string }[] = [];
    for (let i = 0; i < LINES; i++)
      products.push(
        await must(
          core,
          'products.create',
          {
            sku: `BENCH-${i}`,
            name: `基准商品${i}`,
            category: categories[i % categories.length],
            priceFen: 500 + ((i * 737) % 4500),
          },
          owner,
        ),
      );
    const order = {
      lines: products.map((product, i) => ({ productId: product.id, qty: 1 + (i % 3) })),
    };

    // Ten codes of every type and scope, two of them non-stackable: what a loyal customer holds.
    const fields = [
      { name: '满100减20', rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 } },
      { name: '全场9折', rule: { type: 'percent', payPermille: 900, maxDiscountFen: 3000 } },
      {
        name: '水果满30减5',
        rule: { type: 'threshold', thresholdFen: 3000, amountFen: 500 },
        scope: { categories: ['水果'] },
        stackable: true,
      },
      {
        name: '乳品8.5折',
        rule: { type: 'percent', payPermille: 850 },
        scope: { categories: ['乳品'] },
        stackable: true,
      },
      { name: '10元抵扣', rule: { type: 'voucher', amountFen: 1000 }, stackable: true },
      {
        name: '5元抵扣(满50)',
        rule: { type: 'voucher', amountFen: 500, minSpendFen: 5000 },
        stackable: true,
      },
      {
        name: '粮油每满50减5',
        rule: { type: 'threshold', thresholdFen: 5000, amountFen: 500, repeat: true, capFen: 2000 },
        scope: { categories: ['粮油'] },
        stackable: true,
      },
      {
        name: '单品7折',
        rule: {
          type: 'item',
          productId: products[0]!.id,
          maxUnits: 1,
          mode: 'percent',
          payPermille: 700,
        },
        stackable: true,
      },
      {
        name: '单品免单',
        rule: { type: 'item', productId: products[3]!.id, maxUnits: 1, mode: 'free' },
        stackable: true,
      },
      {
        name: '满200赠',
        rule: { type: 'gift', thresholdFen: 20000, giftProductId: products[5]!.id, giftQty: 1 },
        stackable: true,
      },
    ];
    const codes: string[] = [];
    for (const field of fields) {
      const template = await must<{ id: string }>(
        core,
        'coupons.createTemplate',
        { validity: { kind: 'relative', days: 365 }, ...field },
        owner,
      );
      await must(core, 'coupons.setTemplateStatus', { id: template.id, status: 'active' }, owner);
      const issued = await must<{ codes: { code: string }[] }>(
        core,
        'coupons.issue',
        { templateId: template.id, count: 1 },
        owner,
      );
      codes.push(issued.codes[0]!.code);
    }

    const combination = async () =>
      must<{ codes: string[]; payableFen: number; exhaustive: boolean }>(
        core,
        'redemption.bestCombination',
        { codes, order, storeId: ids.storeId },
        token,
      );
    const verify = () =>
      must(core, 'redemption.verify', { code: codes[4], order, storeId: ids.storeId }, token);
    const first = await combination();
    console.log(
      `bench: best of ${codes.length} codes on ${LINES} lines: ${first.codes.length} codes, payable ${first.payableFen} fen, exhaustive ${first.exhaustive}`,
    );

    const best: number[] = [];
    const single: number[] = [];
    const perRound = Math.ceil(ITERATIONS / ROUNDS);
    for (let i = 0; i < perRound; i++) {
      await combination();
      await verify();
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < perRound; i++) {
        const t0 = performance.now();
        await combination();
        best.push(performance.now() - t0);
      }
      for (let i = 0; i < perRound; i++) {
        const t0 = performance.now();
        await verify();
        single.push(performance.now() - t0);
      }
    }
    const measured = stats(best);
    return [
      compare(
        `redemption.bestCombination: ${codes.length} codes, ${LINES}-line order`,
        measured,
        'redemption.verify: 1 code, same order',
        stats(single),
        { field: 'p99Ms', target: 'p99 <= 20 ms', met: measured.p99Ms <= 20 },
      ),
    ];
  } finally {
    await shop.close();
  }
}
