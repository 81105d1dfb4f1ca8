// Redemption through the handlers against the same writes done bare (issue 17): with a million
// coupons on file, `redemption.verify` + `redemption.redeem` as a till calls them, beside a
// baseline from the same run and the same database: one durable IMMEDIATE transaction of
// prepared statements, no framework, that looks the code up and writes what a redemption writes
// (the redemption row, the coupon's status, the template's counters, an outbox row, an audit
// row). The event layer of issue 17 must cost almost nothing: p99 <= 5 ms, mean within 1.5x.
//
//   npm run bench -- redeem
//   BENCH_REDEEM_COUPONS=100000 npm run bench -- redeem     (a smaller shop: faster to seed)
//   BENCH_REDEEM_ITERATIONS=4000 BENCH_DIR=/some/disk npm run bench -- redeem
import { newId } from '../src-node/ids';
import { compare, round, stats, type Metric } from './harness';
import { benchCashier, benchShop, benchTemplate, must } from './support';

const COUPONS = Number(process.env.BENCH_REDEEM_COUPONS ?? 1_000_000);
/** Redemptions already on file (a shop with a million codes has redeemed many). */
const EARLIER = Number(process.env.BENCH_REDEEM_EARLIER ?? Math.floor(COUPONS / 5));
const ITERATIONS = Number(process.env.BENCH_REDEEM_ITERATIONS ?? 2_000);
/** App and bare are timed in alternating rounds, so a busy moment of the machine hits both. */
const ROUNDS = 10;
/** The most `coupons.issue` takes in one call. */
const ISSUE_CALL = 10_000;

export async function redeemBench(): Promise<Metric[]> {
  const shop = await benchShop('redeem', {
    core: { config: { analytics: { warmUpDelayMs: null } } },
  });
  const { core, ids, token: owner } = shop;
  try {
    const cashier = await benchCashier(shop);
    const { token } = cashier;
    const template = await benchTemplate(shop);

    // The million, issued as a manager issues them (10k a call). Only while seeding: no fsync
    // per call and a page cache that holds the code index (random codes, random pages); both are
    // set back before anything is measured.
    console.log(`bench: issuing ${COUPONS} coupons through coupons.issue…`);
    const seedStart = performance.now();
    const cacheSize = core.sqlite.pragma('cache_size', { simple: true });
    core.sqlite.pragma('synchronous = OFF');
    core.sqlite.pragma('cache_size = -262144');
    for (let issued = 0; issued < COUPONS; issued += ISSUE_CALL)
      await must(
        core,
        'coupons.issue',
        { templateId: template.id, count: Math.min(ISSUE_CALL, COUPONS - issued) },
        owner,
      );
    core.sqlite.pragma(`cache_size = ${String(cacheSize)}`);
    core.sqlite.pragma('synchronous = FULL');
    const seedMs = performance.now() - seedStart;
    console.log(`bench: issued in ${Math.round(seedMs / 1000)} s`);
    // Earlier redemptions, written directly (the paths measured are below).
    core.sqlite.exec(`
      INSERT INTO redemptions (id, coupon_id, code, template_id, template_version, store_id, idempotency_key,
        subtotal_fen, discount_fen, lines, status, created_at)
      SELECT lower(hex(randomblob(16))), id, code, template_id, template_version, '${ids.storeId}',
        'seed-' || id, 12000, 2000, '[]', 'completed', issued_at
      FROM coupons LIMIT ${EARLIER};
      UPDATE coupons SET status = 'redeemed' WHERE id IN (SELECT coupon_id FROM redemptions);
      ANALYZE;
    `);

    const perRound = Math.ceil(ITERATIONS / ROUNDS);
    const warmup = Math.ceil(ITERATIONS / 10);
    const fresh = (
      core.sqlite
        .prepare(`SELECT code FROM coupons WHERE status = 'active' ORDER BY random() LIMIT ?`)
        .all(3 * (ROUNDS * perRound + warmup)) as { code: string }[]
    ).map((c) => c.code);
    const appCodes = fresh.slice(0, fresh.length / 3);
    const bareCodes = fresh.slice(fresh.length / 3);
    const order = { subtotalFen: 12000 };

    // --- the app: verify, then redeem, as the till calls them -----------------------------
    const appBoth: number[] = [];
    const appVerify: number[] = [];
    const appRedeem: number[] = [];
    let a = 0;
    const appOnce = async (keep: boolean) => {
      const code = appCodes[a++]!;
      const t0 = performance.now();
      const verdict = await must<{ valid: boolean }>(
        core,
        'redemption.verify',
        { code, order, storeId: ids.storeId },
        token,
      );
      const t1 = performance.now();
      if (!verdict.valid) throw new Error('bench coupon refused');
      await must(
        core,
        'redemption.redeem',
        { code, order, idempotencyKey: `bench-${code}`, storeId: ids.storeId },
        token,
      );
      const t2 = performance.now();
      if (!keep) return;
      appVerify.push(t1 - t0);
      appRedeem.push(t2 - t1);
      appBoth.push(t2 - t0);
    };

    // --- the same writes, bare ------------------------------------------------------------
    const db = core.sqlite;
    const find = db.prepare(
      'SELECT id, template_id AS templateId, template_version AS version, status FROM coupons WHERE code = ?',
    );
    const insertRedemption = db.prepare(
      `INSERT INTO redemptions (id, coupon_id, code, template_id, template_version, store_id, terminal_id,
         staff_id, customer_phone, idempotency_key, subtotal_fen, discount_fen, lines, gift, status,
         created_at, voided_at, voided_by, void_reason)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, NULL, 'completed', ?, NULL, NULL, NULL)`,
    );
    const markRedeemed = db.prepare("UPDATE coupons SET status = 'redeemed' WHERE id = ?");
    const countRedeemed = db.prepare(
      'UPDATE coupon_templates SET redeemed_count = redeemed_count + 1, redeemed_fen = redeemed_fen + ? WHERE id = ?',
    );
    const insertOutbox = db.prepare(
      `INSERT INTO outbox (id, topic, entity_id, payload, created_at, sent_at)
       VALUES (?, 'redemption.completed', ?, ?, ?, NULL)`,
    );
    const insertAudit = db.prepare(
      `INSERT INTO audit_log (id, at, action, staff_id, staff_name, terminal_id, terminal_code, store_id,
         source, target_type, target_id, details)
       VALUES (?, ?, 'redemption.redeem', ?, '基准收银', NULL, NULL, ?, 'app', 'coupon', ?, ?)`,
    );
    const lines = JSON.stringify([
      { productId: null, name: null, qty: 1, unitPriceFen: 12000, discountFen: 2000 },
    ]);
    // For comparison only: the same plus the rollup rows a redemption moves today (store, template,
    // cashier and region by day; the analytics generation), to tell the cost of the charts from
    // the cost of the framework.
    const upsert = (table: string, keys: string[], measures: string[]) =>
      db.prepare(
        `INSERT INTO ${table} (${[...keys, ...measures].join(', ')})
         VALUES (${[...keys, ...measures].map(() => '?').join(', ')})
         ON CONFLICT (${keys.join(', ')}) DO UPDATE SET
         ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`,
      );
    const rollups = {
      store: upsert('rollup_store_day', ['store_id', 'day'], ['redemptions', 'discount_fen']),
      template: upsert(
        'rollup_template_day',
        ['template_id', 'store_id', 'day'],
        ['redeemed', 'cost_fen', 'order_revenue_fen'],
      ),
      cashier: upsert(
        'rollup_cashier_day',
        ['staff_id', 'store_id', 'day'],
        ['redemptions', 'discount_fen'],
      ),
      region: upsert(
        'rollup_region_day',
        ['product_id', 'day', 'kind', 'store_id', 'province_code', 'city_code'],
        ['count', 'amount_fen'],
      ),
      generation: db.prepare('UPDATE analytics_state SET generation = generation + 1 WHERE id = 1'),
    };
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const writeRollups = (templateId: string) => {
      rollups.store.run(ids.storeId, day, 1, 2000);
      rollups.template.run(templateId, ids.storeId, day, 1, 2000, 10000);
      rollups.cashier.run(cashier.id, ids.storeId, day, 1, 2000);
      rollups.region.run('', day, 'coupon', ids.storeId, '320000', '320100', 1, 2000);
      rollups.generation.run();
    };

    const bareRedeem = db.transaction((code: string, withRollups: boolean) => {
      const coupon = find.get(code) as {
        id: string;
        templateId: string;
        version: number;
        status: string;
      };
      if (coupon.status !== 'active') throw new Error('bench coupon not active');
      const now = Date.now();
      const id = newId();
      const key = `bare-${code}`;
      insertRedemption.run(
        id,
        coupon.id,
        code,
        coupon.templateId,
        coupon.version,
        ids.storeId,
        cashier.id,
        key,
        12000,
        2000,
        lines,
        now,
      );
      markRedeemed.run(coupon.id);
      countRedeemed.run(2000, coupon.templateId);
      const row = {
        id,
        couponId: coupon.id,
        code,
        templateId: coupon.templateId,
        templateVersion: coupon.version,
        storeId: ids.storeId,
        staffId: cashier.id,
        idempotencyKey: key,
        subtotalFen: 12000,
        discountFen: 2000,
        lines: JSON.parse(lines) as unknown,
        status: 'completed',
        createdAt: now,
      };
      insertOutbox.run(newId(), id, JSON.stringify(row), now);
      insertAudit.run(
        newId(),
        now,
        cashier.id,
        ids.storeId,
        coupon.id,
        JSON.stringify({ code, discountFen: 2000, template: '满100减20' }),
      );
      if (withRollups) writeRollups(coupon.templateId);
    });
    const bare: number[] = [];
    const bareWithRollups: number[] = [];
    let b = 0;
    const bareOnce = (keep: boolean, withRollups = false) => {
      const code = bareCodes[b++]!;
      const t0 = performance.now();
      bareRedeem.immediate(code, withRollups);
      if (keep) (withRollups ? bareWithRollups : bare).push(performance.now() - t0);
    };

    // Same connection, same pragmas as the app (WAL, synchronous = FULL): checked, not assumed.
    const synchronous = db.pragma('synchronous', { simple: true });
    if (synchronous !== 2) throw new Error(`expected synchronous = FULL (2), got ${synchronous}`);

    console.log(`bench: ${ITERATIONS} redemptions through the handlers and ${ITERATIONS} bare…`);
    for (let i = 0; i < warmup; i++) {
      await appOnce(false);
      bareOnce(false);
      bareOnce(false, true);
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < perRound; i++) await appOnce(true);
      for (let i = 0; i < perRound; i++) bareOnce(true);
      for (let i = 0; i < perRound; i++) bareOnce(true, true);
    }

    const both = stats(appBoth);
    const redeem = stats(appRedeem);
    const verify = stats(appVerify);
    const baseline = stats(bare);
    const withCharts = stats(bareWithRollups);
    const BARE = 'bare: lookup + 5 writes, durable IMMEDIATE tx';
    const size = `${COUPONS >= 1e6 ? `${COUPONS / 1e6}M` : `${COUPONS / 1e3}k`} coupons`;
    const metrics = [
      compare(`verify + redeem (handlers), ${size}`, both, BARE, baseline, {
        field: 'p99Ms',
        target: 'p99 <= 5 ms',
        met: both.p99Ms <= 5,
      }),
      compare(`verify + redeem (handlers), ${size}, mean`, both, BARE, baseline, {
        field: 'meanMs',
        target: '<= 1.5x bare',
        met: both.meanMs / baseline.meanMs <= 1.5,
      }),
      compare(`redeem alone (handler), ${size}, mean`, redeem, BARE, baseline, {
        field: 'meanMs',
        target: '<= 1.5x bare',
        met: redeem.meanMs / baseline.meanMs <= 1.5,
      }),
      compare(`verify alone (handler), ${size}`, verify, BARE, baseline, { field: 'p99Ms' }),
      compare('bare + the rollup upserts of a redemption, mean', withCharts, BARE, baseline, {
        field: 'meanMs',
      }),
    ];
    console.log(
      `bench: redeem — app verify+redeem p50 ${round(both.p50Ms)} / p99 ${round(both.p99Ms)} / mean ${round(both.meanMs)} ms; ` +
        `redeem alone mean ${round(redeem.meanMs)} ms; bare p50 ${round(baseline.p50Ms)} / p99 ${round(baseline.p99Ms)} / mean ${round(baseline.meanMs)} ms; ` +
        `bare + rollups mean ${round(withCharts.meanMs)} ms; ` +
        `mean(app redeem)/mean(bare) = ${round(redeem.meanMs / baseline.meanMs)}, ` +
        `mean(verify+redeem)/mean(bare) = ${round(both.meanMs / baseline.meanMs)} (seeded in ${Math.round(seedMs / 1000)} s)`,
    );
    return metrics;
  } finally {
    await shop.close();
  }
}
