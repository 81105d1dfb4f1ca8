// The chain in the cloud (issue 19): a redeem that asks the cloud first beside the local redeem,
// the cross-store stock query on a PC beside its own stock.levels, and the projections' cost
// beside the bare event-log insert of the same events. BENCH_CHAIN_EVENTS=20000 /
// BENCH_CHAIN_REDEEMS=200 for a smaller run; DATABASE_URL to measure the cloud on PostgreSQL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { createCore, type Core } from '../src-main/core';
import { openCloudDatabase } from '../src-cloud/db/open';
import { merchants } from '../src-cloud/merchants/schema';
import { appendEvents, insertEventRows, type EventRow } from '../src-cloud/sync/event-log';
import { eventHash } from '../src-cloud/sync/payload-hash';
import { createMemoryLogger } from '../src-node/logger';
import { startBenchCloud } from './cloud.bench';
import { round, time, type Metric } from './harness';

const EVENTS = Number(process.env.BENCH_CHAIN_EVENTS ?? 100_000);
const BATCH = 1000;
const STORES = 20;
const PRODUCTS = 5000;

/** A chain's day as its tills push it: mostly sales, some receipts (20 stores × 5k products). */
function events(merchantId: string, stores: string[], products: string[]): EventRow[] {
  const now = Date.now();
  return Array.from({ length: EVENTS }, (_, i) => {
    const id = v7();
    const storeId = stores[i % STORES]!;
    const productId = products[(i * 7919) % PRODUCTS]!;
    const sale = i % 10 !== 0;
    const payload = sale
      ? {
          id,
          storeId,
          totalFen: 1299,
          discountFen: 0,
          soldAt: now,
          businessDate: '2026-12-07',
          lines: [{ productId, qty: 1 }],
          movements: [{ id: v7(), productId, sku: `SKU-${productId.slice(-6)}`, qty: -1 }],
        }
      : {
          documentId: id,
          movements: [{ id: v7(), storeId, productId, sku: `SKU-${productId.slice(-6)}`, qty: 24 }],
        };
    const kind = sale ? 'sale.recorded' : 'stock.received';
    const event = { kind, entityId: id, occurredAt: now, payload };
    return {
      merchantId,
      eventId: id,
      seq: i + 1,
      deviceId: null,
      ...event,
      payloadHash: eventHash(event),
      status: 'accepted' as const,
      result: { eventId: id, status: 'accepted' as const, seq: String(i + 1) },
      receivedAt: now,
    };
  });
}

async function cloudProjection(): Promise<Metric> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-chain-'));
  const database = await openCloudDatabase({
    dataDir,
    databaseUrl: process.env.DATABASE_URL || null,
  });
  try {
    const stores = Array.from({ length: STORES }, () => v7());
    const products = Array.from({ length: PRODUCTS }, () => v7());
    const merchant = async () => {
      const id = v7();
      await database.db
        .insert(merchants)
        .values({ id, name: 'bench', code: `B-${id.slice(-12)}`, createdAt: Date.now() });
      return id;
    };
    const run = async (write: (rows: EventRow[]) => Promise<void>) => {
      const rows = events(await merchant(), stores, products);
      const start = performance.now();
      for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
      return performance.now() - start;
    };
    const bare = await run((rows) => insertEventRows(database.db, rows));
    const projected = await run((rows) => appendEvents(database.db, rows));
    return {
      name: `cloud: ${EVENTS} events stored with projections (batches of ${BATCH})`,
      unit: 'ms',
      value: round(projected),
      baselineName: 'bare event-log insert of the same events',
      baseline: round(bare),
      ratio: round(projected / bare),
      target: '<= 2x baseline',
      met: projected <= 2 * bare,
      extra: { database: database.kind },
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function must<T>(core: Core, method: string, input: unknown, token?: string): Promise<T> {
  const result = await core.call(method, input, { credential: token, source: 'app' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

async function chainLevelsOnPc(): Promise<Metric> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-chain-pc-'));
  const core = await createCore({
    dataDir,
    logger: createMemoryLogger(),
    config: { analytics: { warmUpDelayMs: null } },
  });
  try {
    const ids = await must<{ ownerId: string; storeId: string }>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: '基准门店', districtCode: '320102' },
      owner: { name: '基准店主', pin: '314159' },
    });
    const owner = (
      await must<{ token: string }>(core, 'auth.login', { staffId: ids.ownerId, pin: '314159' })
    ).token;
    const product = await must<{ id: string }>(
      core,
      'products.create',
      { sku: 'SKU-000001', name: '红富士苹果', priceFen: 580 },
      owner,
    );
    // The copy a PC holds of a chain of 20 stores × 5k products (what rounds fetched).
    const insert = core.sqlite.prepare(
      'INSERT INTO chain_stock (store_id, product_id, sku, qty) VALUES (?, ?, ?, ?)',
    );
    const stores = Array.from({ length: STORES }, () => v7());
    core.sqlite.transaction(() => {
      for (const storeId of stores)
        for (let p = 0; p < PRODUCTS; p++)
          insert.run(storeId, v7(), `SKU-${String(p + 1).padStart(6, '0')}`, p % 50);
    })();
    const chain = await time(
      () => must(core, 'stock.chainLevels', { productId: product.id }, owner),
      { iterations: 300 },
    );
    const local = await time(() => must(core, 'stock.levels', { productId: product.id }, owner), {
      iterations: 300,
    });
    return {
      name: `pc: stock.chainLevels on ${STORES} stores × ${PRODUCTS} products (p95)`,
      unit: 'ms',
      value: round(chain.p95Ms),
      baselineName: 'stock.levels of the product here (p95)',
      baseline: round(local.p95Ms),
      ratio: round(chain.p95Ms / local.p95Ms),
      target: '<= 50 ms',
      met: chain.p95Ms <= 50,
      extra: { p50Ms: round(chain.p50Ms), p99Ms: round(chain.p99Ms) },
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const REDEEMS = Number(process.env.BENCH_CHAIN_REDEEMS ?? 500);

/** redemption.redeem on a paired till asking the cloud first, beside the local redeem alone. */
async function onlineRedeem(): Promise<Metric> {
  const cloud = await startBenchCloud();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-chain-redeem-'));
  const core = await createCore({
    dataDir,
    logger: createMemoryLogger(),
    config: { analytics: { warmUpDelayMs: null } },
  });
  try {
    const ids = await must<{ ownerId: string; storeId: string }>(core, 'setup.initialize', {
      merchant: { name: '基准商户', code: 'BENCH' },
      store: { name: '基准门店', districtCode: '320102' },
      owner: { name: '基准店主', pin: '314159' },
    });
    const owner = (
      await must<{ token: string }>(core, 'auth.login', { staffId: ids.ownerId, pin: '314159' })
    ).token;
    const template = await must<{ id: string }>(
      core,
      'coupons.createTemplate',
      {
        name: '满100减20',
        rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
        validity: { kind: 'relative', days: 365 },
      },
      owner,
    );
    await must(core, 'coupons.setTemplateStatus', { id: template.id, status: 'active' }, owner);
    const codes: string[] = [];
    for (let issued = 0; issued < 2 * REDEEMS * 1.2; issued += 1000) {
      const batch = await must<{ codes: { code: string }[] }>(
        core,
        'coupons.issue',
        { templateId: template.id, count: 1000 },
        owner,
      );
      codes.push(...batch.codes.map((c) => c.code));
    }
    await must(
      core,
      'sync.pair',
      { cloudUrl: cloud.base, pairingCode: await cloud.pairingCode(), deviceName: '基准收银机' },
      owner,
    );
    await must(core, 'sync.now', {}, owner);
    const settings = await must<Record<string, unknown>>(core, 'sync.getSettings', {}, owner);
    let next = 0;
    const redeem = () =>
      must(
        core,
        'redemption.redeem',
        {
          code: codes[next]!,
          order: { subtotalFen: 12000 },
          idempotencyKey: `bench-${next++}-000000`,
        },
        owner,
      );
    const online = await time(redeem, { iterations: REDEEMS });
    await must(core, 'sync.setSettings', { ...settings, onlineClaimTimeoutMs: 0 }, owner);
    const bare = await time(redeem, { iterations: REDEEMS });
    return {
      name: 'pc: redemption.redeem asking the cloud first on loopback (p99)',
      unit: 'ms',
      value: round(online.p99Ms),
      baselineName: 'the local redeem alone (p99)',
      baseline: round(bare.p99Ms),
      ratio: round(online.p99Ms / bare.p99Ms),
      target: '<= 15 ms',
      met: online.p99Ms <= 15,
      extra: { p50Ms: round(online.p50Ms), bareP50Ms: round(bare.p50Ms), cloud: cloud.kind },
    };
  } finally {
    await core.close();
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function chainBench(): Promise<Metric[]> {
  return [await onlineRedeem(), await chainLevelsOnPc(), await cloudProjection()];
}
