import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { pairedShop, type PairedShop } from '../../support/sync';

// The chain's takings on every PC: each store's sales per day as the cloud projected them,
// fetched after a round; this PC's own stores from its own rollups.

const DAY = '2026-11-21'; // the test clock's day in Shanghai

async function sell(shop: PairedShop, tag: string, fen: number) {
  await shop.ok(
    'stock.receive',
    { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 10 }] },
    shop.ownerToken,
  );
  await shop.ok(
    'sales.record',
    {
      terminalSaleId: tag,
      storeId: shop.ids.storeId,
      lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: fen }],
    },
    shop.ownerToken,
  );
}

describeOnEachBackend("the chain's takings on every PC (chain.takings)", (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  it("shows another store's takings after a round, its own live, and what it knew offline", async () => {
    const merchant = await cloud.newMerchant();
    const a = await pairedShop(cloud, merchant.id, '一号店');
    const b = await pairedShop(cloud, merchant.id, '二号店');
    const takingsAtB = () => b.ok('chain.takings', { from: DAY, to: DAY }, b.ownerToken);
    expect((await takingsAtB()).fetchedAt).toBeNull();

    await sell(a, 'A-1', 12_000);
    await sell(a, 'A-2', 3_000);
    await sell(b, 'B-1', 5_000);
    await a.syncNow();
    await b.syncNow();
    const seen = await takingsAtB();
    expect(seen.fetchedAt).toBe(b.clock.now());
    expect(seen.stores.find((s) => s.storeId === a.ids.storeId)).toMatchObject({
      own: false,
      salesCount: 2,
      salesFen: 15_000,
    });
    expect(seen.stores.find((s) => s.storeId === a.ids.storeId)?.lastHeardAt).toBeGreaterThan(0);
    expect(seen.stores.find((s) => s.storeId === b.ids.storeId)).toMatchObject({
      own: true,
      salesCount: 1,
      salesFen: 5_000,
    });

    // B's own sale shows at once; A's later sale only after the next round.
    await sell(b, 'B-2', 1_000);
    await sell(a, 'A-3', 2_000);
    const before = await takingsAtB();
    expect(before.stores.find((s) => s.own)?.salesFen).toBe(6_000);
    expect(before.stores.find((s) => !s.own)?.salesFen).toBe(15_000);
    await a.syncNow();
    await b.syncNow();
    expect((await takingsAtB()).stores.find((s) => !s.own)?.salesFen).toBe(17_000);
  });
});
