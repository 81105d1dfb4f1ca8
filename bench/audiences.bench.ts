// Outreach audiences (issue 25): the live count while a manager edits the rules, over 1M sale
// lines of 200k phones, beside a bare GROUP BY over the raw sales; and freezing a campaign of
// that audience (recipients written, holdout drawn). The sales, their lines and the customer
// rollups are written straight into the tables (the sales path has its own bench).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { createMemoryLogger } from '../src-node/logger';
import { newId } from '../src-node/ids';
import { ManualClock } from '../src-node/clock';
import { compare, stats, type Metric } from './harness';

const PHONES = Number(process.env.BENCH_AUDIENCE_PHONES ?? 200_000);
const LINES = Number(process.env.BENCH_AUDIENCE_LINES ?? 1_000_000);
const LINES_PER_SALE = 2;
const PRODUCTS = 40;
const DAYS = 365;
const START = Date.UTC(2026, 10, 21, 2, 0, 0);
const DAY_MS = 86_400_000;

async function must<T>(core: Core, method: string, input: unknown, credential?: string) {
  const result = await core.call(method, input, { credential, source: 'app' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** Each run's milliseconds (no warm-up: the first edit after a change is what a user waits for). */
async function durations(times: number, operation: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await operation();
    out.push(performance.now() - start);
  }
  return out;
}

const phoneOf = (i: number) => `+86139${String(i).padStart(8, '0')}`;
const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** A year of sales: each of LINES / 2 sales by one of the phones, two products a sale. */
function seed(core: Core, storeIds: string[], productIds: string[]) {
  const { sqlite } = core;
  const sale = sqlite.prepare(
    `INSERT INTO sales (id, store_id, origin_key, terminal_sale_id, fingerprint, source, customer_phone,
       subtotal_fen, discount_fen, total_fen, paid_fen, status, sold_at, recorded_at, business_date)
     VALUES (?, ?, '', ?, '', 'import', ?, ?, 0, ?, ?, 'completed', ?, ?, ?)`,
  );
  const line = sqlite.prepare(
    `INSERT INTO sale_lines (id, sale_id, line_no, product_id, qty, unit_price_fen, amount_fen, discount_fen)
     VALUES (?, ?, ?, ?, 1, ?, ?, 0)`,
  );
  const rollup = sqlite.prepare(
    `INSERT INTO rollup_customer_day (phone, day, store_id, product_id, sales, qty, spend_fen, refund_fen)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT DO UPDATE SET sales = sales + excluded.sales, qty = qty + excluded.qty,
       spend_fen = spend_fen + excluded.spend_fen`,
  );
  const member = sqlite.prepare(
    `INSERT INTO members (id, phone, phone_last4, name, birthday, store_id, created_at, updated_at)
     VALUES (?, ?, ?, '', ?, ?, ?, ?)`,
  );
  const consent = sqlite.prepare(
    `INSERT INTO member_consents (member_id, purpose, granted, source, text_shown, at)
     VALUES (?, ?, 1, 'till', '同意', ?)`,
  );
  let rnd = 12345;
  const next = () => (rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const sales = LINES / LINES_PER_SALE;
  const CHUNK = 20_000;
  for (let from = 0; from < sales; from += CHUNK)
    sqlite.transaction(() => {
      for (let s = from; s < Math.min(sales, from + CHUNK); s++) {
        // Each phone buys at least once; heavier buyers buy more often.
        const phone = phoneOf(s < PHONES ? s : Math.floor(next() ** 2 * PHONES));
        const at = START - Math.floor(next() * DAYS) * DAY_MS - 3 * 3600_000;
        const day = dayOf(at);
        const store = storeIds[Math.floor(next() * storeIds.length)]!;
        const id = newId(at);
        const picks = [0, 1].map(() => productIds[Math.floor(next() ** 1.5 * PRODUCTS)]!);
        sale.run(id, store, `B-${s}`, phone, 2000, 2000, 2000, at, at, day);
        picks.forEach((p, i) => line.run(newId(at), id, i + 1, p, 1000, 1000));
        rollup.run(phone, day, store, '', 1, 2, 2000);
        for (const p of picks) rollup.run(phone, day, store, p, 1, 1, 1000);
      }
    })();
  sqlite.transaction(() => {
    for (let i = 0; i < PHONES; i++) {
      // Two phones in three are members; most of them agreed to texts and to profiling.
      if (i % 3 === 2) continue;
      const id = newId(START);
      const phone = phoneOf(i);
      const birthday = `${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      member.run(id, phone, phone.slice(-4), birthday, storeIds[i % storeIds.length], START, START);
      if (i % 5 !== 0) consent.run(id, 'marketingSms', START);
      if (i % 4 !== 0) consent.run(id, 'profiling', START);
    }
  })();
  sqlite.prepare('UPDATE analytics_state SET generation = generation + 1 WHERE id = 1').run();
}

export async function audiencesBench(): Promise<Metric[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-audiences-'));
  const clock = new ManualClock(START);
  const core = await createCore({ dataDir, clock, logger: createMemoryLogger() });
  try {
    const ids = await must<{ ownerId: string; storeId: string }>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: '南京店', districtCode: '320102' },
      owner: { name: '基准店主', pin: '271828' },
    });
    const { token } = await must<{ token: string }>(core, 'auth.login', {
      staffId: ids.ownerId,
      pin: '271828',
    });
    const second = await must<{ id: string }>(
      core,
      'stores.create',
      { name: '杭州店', districtCode: '330106' },
      token,
    );
    const productIds: string[] = [];
    for (let i = 0; i < PRODUCTS; i++)
      productIds.push(
        (
          await must<{ id: string }>(
            core,
            'products.create',
            {
              sku: `P${i}`,
              name: `商品${i}`,
              priceFen: 1000,
              category: i % 4 === 0 ? '饮料' : `类${i % 7}`,
            },
            token,
          )
        ).id,
      );
    const seeded = performance.now();
    seed(core, [ids.storeId, second.id], productIds);
    const seedMs = performance.now() - seeded;
    await must(
      core,
      'outreach.saveSettings',
      { signature: '基准商户', capPer30Days: 4, pricePerPartFen: 5, summaryPhones: [] },
      token,
    );

    // What a manager does while building "lapsed 30 days, bought 饮料" and narrowing it.
    const edits = [
      { lapsedDays: 30 },
      { lapsedDays: 30, bought: { categories: ['饮料'], days: 365 } },
      { lapsedDays: 30, bought: { categories: ['饮料'], days: 90 } },
      { lapsedDays: 30, bought: { categories: ['饮料'], days: 90 }, regions: ['330000'] },
      { segments: ['atRisk', 'hibernating'] },
      { segments: ['champion', 'loyal'], birthdayMonth: 12 },
      { notBought: { productIds: [productIds[0]!], days: 180 } },
      { unusedCoupon: true },
    ];
    let i = 0;
    const cold = performance.now();
    await must(core, 'audiences.preview', { rules: edits[0] }, token);
    const coldMs = performance.now() - cold;
    const counts: number[] = [];
    const editing = await durations(24, async () => {
      const preview = await must<{ total: number }>(
        core,
        'audiences.preview',
        { rules: edits[i++ % edits.length] },
        token,
      );
      counts.push(preview.total);
    });
    // A rollup write between two edits (a sale at the till): the next count reads the base again.
    const afterSale = await durations(5, async () => {
      core.sqlite
        .prepare('UPDATE analytics_state SET generation = generation + 1 WHERE id = 1')
        .run();
      await must(core, 'audiences.preview', { rules: edits[1] }, token);
    });
    const bare = await durations(5, () =>
      core.sqlite
        .prepare(
          `SELECT customer_phone, MAX(sold_at), COUNT(*), SUM(total_fen) FROM sales
             WHERE customer_phone IS NOT NULL GROUP BY customer_phone`,
        )
        .all(),
    );
    const created = performance.now();
    const campaign = await must<{ recipients: { treatment: number; holdout: number } }>(
      core,
      'campaigns.create',
      {
        name: '基准活动',
        rules: { lapsedDays: 30 },
        templateId: null,
        text: '【基准商户】好久不见，回店有礼。拒收请回复R',
      },
      token,
    );
    const createMs = performance.now() - created;
    const all = stats([...editing, ...afterSale, coldMs]);
    return [
      {
        ...compare(
          `audiences.preview while editing, ${LINES / 1e6}M sale lines, ${PHONES / 1000}k phones`,
          all,
          'bare GROUP BY phone over the raw sales',
          stats(bare),
          { field: 'p95Ms', target: '<= 2 s p95', met: all.p95Ms <= 2000 },
        ),
        extra: {
          coldMs: Math.round(coldMs),
          warmP95Ms: Math.round(stats(editing).p95Ms),
          afterRollupWriteP50Ms: Math.round(stats(afterSale).p50Ms),
          seedSeconds: Math.round(seedMs / 1000),
          counts: counts.slice(0, edits.length).join('/'),
        },
      },
      {
        name: `campaigns.create, freezing ${campaign.recipients.treatment + campaign.recipients.holdout} recipients`,
        unit: 'ms',
        value: Math.round(createMs),
        baselineName: 'the audience count alone',
        baseline: Math.round(stats(editing).p50Ms),
        ratio: Math.round((createMs / stats(editing).p50Ms) * 100) / 100,
      },
    ];
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
