import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCloudDatabase } from '../../../src-cloud/db/open';
import { rebuildProjections } from '../../../src-cloud/projections/rebuild';
import { convert, distanceMeters } from '../../../src-shared/geo/coordinates';
import { chainStores, storeDaily, storeStock } from '../../../src-cloud/projections/schema';
import type { CloudDb } from '../../../src-cloud/db/open';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { doEveryKind } from '../../support/every-kind';
import { pairedShop } from '../../support/sync';
import { localDate } from '../../../src-shared/time';

/** Everything the projections hold for a merchant, in a stable order. */
async function snapshot(db: CloudDb, merchantId: string) {
  return {
    stores: await db
      .select()
      .from(chainStores)
      .where(eq(chainStores.merchantId, merchantId))
      .orderBy(asc(chainStores.storeId)),
    stock: (
      await db
        .select()
        .from(storeStock)
        .where(eq(storeStock.merchantId, merchantId))
        .orderBy(asc(storeStock.storeId), asc(storeStock.productId))
    ).map(({ updatedAt: _u, ...row }) => row),
    daily: await db
      .select()
      .from(storeDaily)
      .where(eq(storeDaily.merchantId, merchantId))
      .orderBy(asc(storeDaily.storeId), asc(storeDaily.day)),
  };
}

describeOnEachBackend('the cloud projections of a chain', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  it('keeps per store stock, daily figures and the store list, and a rebuild equals the live ones', async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const done = await doEveryKind(a);
    const b = await pairedShop(cloud, merchant.id, '二号店');
    await a.syncNow();
    await b.syncNow();
    // Store B (paired later) sells from its own stock too.
    await b.ok(
      'stock.receive',
      { storeId: b.ids.storeId, lines: [{ sku: 'APL-1', qty: 7 }] },
      b.ownerToken,
    );
    await b.ok(
      'sales.record',
      {
        terminalSaleId: 'B-1',
        storeId: b.ids.storeId,
        lines: [{ sku: 'APL-1', qty: 2, unitPriceFen: 1299 }],
      },
      b.ownerToken,
    );
    await b.syncNow();

    const db = cloud.database.db;
    const live = await snapshot(db, merchant.id);
    // Stock: every level the tills hold, store by store.
    const levels = async (shop: typeof a, storeId: string) =>
      (await shop.ok('stock.levels', { storeId }, shop.ownerToken)).items.map((l) => ({
        storeId,
        productId: l.productId,
        qty: l.qty,
      }));
    const expected = [
      ...(await levels(a, a.ids.storeId)),
      ...(await levels(a, done.second.id)),
      ...(await levels(b, b.ids.storeId)),
    ].filter((l) => l.qty !== 0);
    const projected = live.stock
      .filter((s) => s.qty !== 0)
      .map(({ storeId, productId, qty }) => ({ storeId, productId, qty }));
    const order = (x: { storeId: string; productId: string }[]) =>
      [...x].sort((p, q) => (p.storeId + p.productId).localeCompare(q.storeId + q.productId));
    expect(order(projected)).toEqual(order(expected));
    expect(projected.find((s) => s.storeId === done.second.id)?.qty).toBe(10);

    // Daily figures of store A: the sale, the refund, one redemption standing, cashback.
    const day = localDate(a.clock.now(), 'Asia/Shanghai');
    const dailyA = live.daily.find((d) => d.storeId === a.ids.storeId && d.day === day);
    expect(dailyA).toMatchObject({
      salesCount: 1,
      salesFen: done.sale.totalFen,
      refundsFen: done.returned.refundFen,
      redemptionCount: 1,
      discountFen: done.redemption.discountFen,
      cashbackIssuedCount: 1,
      cashbackIssuedFen: 200,
      cashbackPaidCount: 1,
      cashbackPaidFen: 200,
    });
    expect(live.daily.find((d) => d.storeId === b.ids.storeId)).toMatchObject({
      salesCount: 1,
      salesFen: 2598,
    });

    // The store list: both PCs' stores with region and location, each heard of.
    const second = live.stores.find((s) => s.storeId === done.second.id);
    expect(second).toMatchObject({
      name: done.second.name,
      districtCode: '320105',
      cityCode: '320100',
      businessDistrict: '河西万达商圈',
    });
    // Its coordinates came from Baidu Maps (BD-09): kept in GCJ-02, ~700 m from the raw numbers.
    const gcj = convert({ lat: 32.04, lng: 118.78 }, 'bd09', 'gcj02');
    expect(second!.lat).toBeCloseTo(gcj.lat, 9);
    expect(second!.lng).toBeCloseTo(gcj.lng, 9);
    expect(distanceMeters({ lat: 32.04, lng: 118.78 }, gcj)).toBeGreaterThan(500);
    // The other PC learnt the store with its 商圈 too.
    const atB = (await b.ok('stores.list', {}, b.ownerToken)).find((s) => s.id === done.second.id);
    expect(atB?.businessDistrict).toBe('河西万达商圈');
    expect(live.stores.map((s) => s.storeId)).toEqual(
      expect.arrayContaining([a.ids.storeId, b.ids.storeId, done.second.id]),
    );
    for (const s of live.stores) expect(s.lastEventAt).toBeGreaterThan(0);

    // Rebuilt from the log: the same, row for row.
    await rebuildProjections(db, { merchantId: merchant.id });
    const rebuilt = await snapshot(db, merchant.id);
    expect(rebuilt).toEqual(live);
    // Rebuilding again changes nothing either.
    await rebuildProjections(db, { merchantId: merchant.id });
    expect(await snapshot(db, merchant.id)).toEqual(live);
  });
});

it('`npm run cloud -- rebuild-projections` rebuilds a PGlite cloud from its log', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-cloud-rebuild-'));
  try {
    // A cloud database with its migrations applied, closed again (the command opens it alone).
    const database = await openCloudDatabase({ dataDir, databaseUrl: null });
    await database.close();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-cloud/cli.ts', 'rebuild-projections', '--data-dir', dataDir],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 90_000 },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Projections rebuilt: 0 merchants, 0 events/);
    expect(run.status).toBe(0);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 100_000);
