// Coupon metrics (issue 3): verify + redeem with 1M coupons and 200k redemptions on file, and
// batch issue of 100k codes, each beside a bare baseline measured in the same run.
import { SYSTEM_CONTEXT } from '../src-main/core/events/domain-events';
import { newId } from '../src-node/ids';
import { compare, round, stats, time, type Metric } from './harness';
import { benchShop, benchTemplate, must } from './support';

const TOTAL_COUPONS = Number(process.env.BENCH_COUPONS ?? 1_000_000);
const REDEEMED = Number(process.env.BENCH_REDEMPTIONS ?? 200_000);
const CHUNK = 100_000;
/** verify + redeem is timed on this many fresh codes, one each; the bare baseline reads them too. */
const TIMED = { iterations: 2000, warmup: 200 };
const FRESH = TIMED.iterations + TIMED.warmup;

export async function couponsBench(): Promise<Metric[]> {
  const shop = await benchShop('coupons');
  const { core, ids, token } = shop;
  try {
    const template = await benchTemplate(shop, { stackable: true });
    const { issuer } = core.services;
    const request = { templateId: template.id, storeId: ids.storeId, timeZone: 'Asia/Shanghai' };

    // Batch issue: 100k codes in one transaction (codes, check digits, inserts), on this thread.
    const start100k = performance.now();
    core.adb.write(() => issuer.issueWithin(SYSTEM_CONTEXT, { ...request, count: CHUNK }, newId()));
    const batch100k = performance.now() - start100k;
    // Baseline: the same number of rows with a fixed code pattern, no randomness or checks.
    const bareStart = performance.now();
    core.sqlite.exec(
      'CREATE TABLE bare_codes (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, at INTEGER)',
    );
    const bareInsert = core.sqlite.prepare('INSERT INTO bare_codes VALUES (?, ?, ?)');
    core.sqlite.transaction(() => {
      for (let i = 0; i < CHUNK; i++)
        bareInsert.run(newId(), String(10n ** 19n + BigInt(i * 7919)), Date.now());
    })();
    const bareBatch = performance.now() - bareStart;

    // The rest of the million in the background worker, as a manager starts it; meanwhile the
    // main thread keeps answering (measured as the round trip of a trivial call).
    const idle = await time(() => must(core, 'auth.session', {}, token), { iterations: 300 });
    console.log(`bench: issuing ${TOTAL_COUPONS - CHUNK} more coupons in the worker…`);
    const workerStart = performance.now();
    const batch = await must<{ id: string }>(
      core,
      'coupons.startBatch',
      { templateId: template.id, count: TOTAL_COUPONS - CHUNK },
      token,
    );
    const busyDurations: number[] = [];
    let running = true;
    const finished = core.services.batches.whenIdle().then(() => (running = false));
    while (running) {
      const t0 = performance.now();
      await must(core, 'auth.session', {}, token);
      busyDurations.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await finished;
    const workerMs = performance.now() - workerStart;
    const done = await must<{ status: string; issued: number }[]>(
      core,
      'coupons.listBatches',
      {},
      token,
    );
    if (done[0]?.status !== 'done') throw new Error(`batch ${batch.id} ended ${done[0]?.status}`);
    const busy = stats(busyDurations);

    // 200k earlier redemptions, written directly (the redeem path is what is measured below).
    console.log(`bench: recording ${REDEEMED} earlier redemptions…`);
    core.sqlite.exec(`
      INSERT INTO redemptions (id, coupon_id, code, template_id, template_version, store_id, idempotency_key,
        subtotal_fen, discount_fen, lines, status, created_at)
      SELECT lower(hex(randomblob(16))), id, code, template_id, template_version, '${ids.storeId}',
        'seed-' || id, 12000, 2000, '[]', 'completed', issued_at
      FROM coupons LIMIT ${REDEEMED};
      UPDATE coupons SET status = 'redeemed' WHERE id IN (SELECT coupon_id FROM redemptions);
    `);
    // A small run (BENCH_COUPONS=200000) has redeemed every code by now: issue the fresh codes
    // the timed redemptions need.
    const count = (sql: string) => (core.sqlite.prepare(sql).get() as { n: number }).n;
    const active = count(`SELECT count(*) AS n FROM coupons WHERE status = 'active'`);
    if (active < FRESH)
      core.adb.write(() =>
        issuer.issueWithin(SYSTEM_CONTEXT, { ...request, count: FRESH - active }, newId()),
      );
    core.sqlite.exec('ANALYZE');

    const fresh = core.sqlite
      .prepare(`SELECT code FROM coupons WHERE status = 'active' ORDER BY random() LIMIT ?`)
      .all(FRESH) as { code: string }[];
    const order = { subtotalFen: 12000 };
    let n = 0;
    const verifyRedeem = await time(async () => {
      const code = fresh[n++]!.code;
      const verdict = await must<{ valid: boolean }>(
        core,
        'redemption.verify',
        { code, order },
        token,
      );
      if (!verdict.valid) throw new Error('bench coupon refused');
      await must(
        core,
        'redemption.redeem',
        { code, order, idempotencyKey: `bench-${code}` },
        token,
      );
    }, TIMED);

    // Baseline: one indexed SELECT by code + one INSERT, in one durable transaction.
    core.sqlite.exec(
      'CREATE TABLE bare_redemptions (id TEXT PRIMARY KEY, coupon_id TEXT NOT NULL, discount_fen INTEGER, at INTEGER)',
    );
    const select = core.sqlite.prepare('SELECT id, status FROM coupons WHERE code = ?');
    const insert = core.sqlite.prepare('INSERT INTO bare_redemptions VALUES (?, ?, ?, ?)');
    const bare = core.sqlite.transaction((code: string) => {
      const row = select.get(code) as { id: string };
      insert.run(newId(), row.id, 2000, Date.now());
    });
    let m = 0;
    const baseline = await time(() => bare.immediate(fresh[m++]!.code), TIMED);

    const coupons = count('SELECT count(*) AS n FROM coupons');
    const name = `verify + redeem, ${coupons / 1e6}M coupons / ${REDEEMED / 1e3}k redemptions`;
    return [
      compare(name, verifyRedeem, 'bare SELECT + INSERT, durable tx', baseline, {
        field: 'p99Ms',
        target: 'p99 <= 5 ms',
        met: verifyRedeem.p99Ms <= 5,
      }),
      // The issue also asks for 1.5x of the bare pair. A redemption is two calls (verify, then
      // redeem) with session and input checks, and writes five rows (redemption, coupon,
      // counters, outbox, audit) where the baseline writes one: reported, not hidden.
      compare(`${name}, mean`, verifyRedeem, 'bare SELECT + INSERT, durable tx', baseline, {
        field: 'meanMs',
        target: '<= 1.5x baseline',
        met: verifyRedeem.meanMs / baseline.meanMs <= 1.5,
      }),
      {
        name: 'batch issue of 100k codes (one transaction)',
        unit: 'ms',
        value: round(batch100k),
        baselineName: 'bare insert of 100k rows',
        baseline: round(bareBatch),
        ratio: round(batch100k / bareBatch),
        target: '<= 3000 ms',
        met: batch100k <= 3000,
      },
      {
        name: `batch issue of ${(TOTAL_COUPONS - CHUNK) / 1000}k codes in the worker`,
        unit: 'codes/s',
        value: Math.round(((TOTAL_COUPONS - CHUNK) / workerMs) * 1000),
        baselineName: 'same, on the main thread in one transaction',
        baseline: Math.round((CHUNK / batch100k) * 1000),
        ratio: round((((TOTAL_COUPONS - CHUNK) / workerMs) * 1000) / ((CHUNK / batch100k) * 1000)),
        extra: { totalMs: round(workerMs) },
      },
      compare(
        'main-thread call round trip during the worker batch',
        busy,
        'same call, no batch running',
        idle,
        {
          field: 'p99Ms',
          target: 'p99 <= 100 ms (UI stays responsive)',
          met: busy.p99Ms <= 100,
        },
      ),
    ];
  } finally {
    await shop.close();
  }
}
