import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { OWNER_PIN } from '../../support/core';
import { CLOUD_START_TIMEOUT_MS, describeOnEachBackend, type TestCloud } from '../../support/cloud';
import { chainShop, startChainCloud } from '../../support/chain';
import {
  liveAgainstRebuild,
  rebuildThroughHandler,
  rowsOf,
  type RollupSnapshot,
} from '../../support/rollup-check';

// Issue 17: a redemption or a void that reaches a till through a sync pull (sync/apply.ts
// applyRedemption / applyVoid) or through a conflict's resolution (sync/service.ts
// voidLostRedemption) must move that till's live rollups as a rebuild from the raw tables would.
// So must codes issued elsewhere (applyIssued), which the rebuild counts among the issued.
// Each case below ends with the live tables compared, table by table, with the rebuild
// (`analytics.rebuildRollups`, run in its worker as the app runs it).

// Each rebuild through the handler starts its worker: ~0.7 s, several on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 });

const CHARTED = [
  'rollup_store_day',
  'rollup_template_day',
  'rollup_region_day',
  'rollup_cashier_day',
  'rollup_store_product_day',
  'rollup_product_day',
  'rollup_consumer_day',
] as const;

/**
 * One soft `expect` per table: a failure lists every table that disagrees, each with vitest's
 * diff of its rows (received: live, expected: rebuild).
 */
function expectSameRows(live: RollupSnapshot, rebuilt: RollupSnapshot, where: string) {
  for (const table of CHARTED)
    expect
      .soft(rowsOf(live, table), `${where}: ${table}, live (received) vs rebuild (expected)`)
      .toEqual(rowsOf(rebuilt, table));
}

const row = (snapshot: RollupSnapshot, table: string, match: Record<string, unknown>) =>
  rowsOf(snapshot, table).find((r) => Object.entries(match).every(([k, v]) => r[k] === v));

describeOnEachBackend('what another store did, pulled, reaches the live rollups', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startChainCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud.close(), CLOUD_START_TIMEOUT_MS);

  /** Stores A and B of one merchant; A's 满100减20 template known at B; one code of it at both. */
  async function chainWithCode() {
    const merchant = await cloud.newMerchant();
    const a = await chainShop(cloud, merchant.id, '一号店');
    const b = await chainShop(cloud, merchant.id, '二号店');
    const template = await a.activeTemplate();
    const coupon = await a.issueOne(template.id);
    await a.syncNow();
    await b.syncNow();
    // A's rollups start equal to a rebuild (whatever the setup wrote).
    await rebuildThroughHandler(a.core, a.ownerToken);
    return { a, b, template, coupon };
  }

  /** B redeems the code for a customer on an order of B's apples; the answer. */
  const redeemAtB = (b: Awaited<ReturnType<typeof chainWithCode>>['b'], code: string) =>
    b.ok(
      'redemption.redeem',
      {
        code,
        order: {
          lines: [{ sku: 'APL-1', qty: 10, unitPriceFen: 1299 }],
          customerPhone: '13812345678',
        },
        idempotencyKey: 'till-b-pulled-0001',
        storeId: b.ids.storeId,
      },
      b.cashierToken,
    );

  it('store B redeems, store A pulls: A counts it live as the rebuild does', async () => {
    const { a, b, template, coupon } = await chainWithCode();
    const redeemed = await redeemAtB(b, coupon.code);
    expect(redeemed.verdict.discountFen).toBe(2000);
    await b.syncNow();
    await a.syncNow();
    // A holds B's redemption now (the raw ledger the rebuild reads).
    const listed = await a.ok('redemption.list', { code: coupon.code }, a.ownerToken);
    expect(listed.items.map((r) => [r.id, r.status, r.storeId])).toEqual([
      [redeemed.redemption.id, 'completed', b.ids.storeId],
    ]);

    const { live, rebuilt } = await liveAgainstRebuild(a.core, a.ownerToken);
    // The rebuild counts B's redemption at A: one redemption of 20 yuan in B's store that day.
    const day = Object.fromEntries(
      [...rebuilt.rollup_store_day!.values()].map((r) => [r.store_id, r]),
    );
    expect(day[b.ids.storeId]).toMatchObject({ redemptions: 1, discount_fen: 2000 });
    expect(
      row(rebuilt, 'rollup_template_day', { template_id: template.id, store_id: b.ids.storeId }),
    ).toMatchObject({ redeemed: 1, cost_fen: 2000 });
    expect(
      row(rebuilt, 'rollup_cashier_day', { staff_id: b.cashier.id, store_id: b.ids.storeId }),
    ).toMatchObject({ redemptions: 1, discount_fen: 2000 });
    expect(
      row(rebuilt, 'rollup_region_day', {
        product_id: '',
        kind: 'coupon',
        store_id: b.ids.storeId,
      }),
    ).toMatchObject({ count: 1, amount_fen: 2000 });
    // ...and so must the live tables, row for row.
    expectSameRows(live, rebuilt, 'after pulling B’s redemption');
  });

  it('store B voids its redemption, store A pulls the void: A takes it out live as the rebuild does', async () => {
    const { a, b, template, coupon } = await chainWithCode();
    const redeemed = await redeemAtB(b, coupon.code);
    await b.syncNow();
    await a.syncNow();
    // Whatever the pull of the redemption did to A's live rollups, start the void from a rebuild.
    await rebuildThroughHandler(a.core, a.ownerToken);

    b.clock.advance(10 * 60_000);
    await b.ok(
      'redemption.void',
      {
        redemptionId: redeemed.redemption.id,
        managerId: b.ids.ownerId,
        managerPin: OWNER_PIN,
        reason: '顾客退货',
      },
      b.cashierToken,
    );
    await b.syncNow();
    await a.syncNow();
    const listed = await a.ok('redemption.list', { code: coupon.code }, a.ownerToken);
    expect(listed.items.map((r) => r.status)).toEqual(['voided']);

    const { live, rebuilt } = await liveAgainstRebuild(a.core, a.ownerToken);
    // The rebuild: no redemption left in B's store, one void counted on the void's day.
    expect(
      row(rebuilt, 'rollup_template_day', { template_id: template.id, store_id: b.ids.storeId }),
    ).toMatchObject({ redeemed: 0, cost_fen: 0, voided: 1 });
    expect(row(rebuilt, 'rollup_region_day', { store_id: b.ids.storeId })).toBeUndefined();
    expectSameRows(live, rebuilt, 'after pulling B’s void');
  });

  it('codes issued at store A and pulled by store B: B counts them live as the rebuild does', async () => {
    const merchant = await cloud.newMerchant();
    const a = await chainShop(cloud, merchant.id, '一号店');
    const b = await chainShop(cloud, merchant.id, '二号店');
    const template = await a.activeTemplate();
    await a.syncNow();
    await b.syncNow();
    await rebuildThroughHandler(b.core, b.ownerToken);
    await a.ok('coupons.issue', { templateId: template.id, count: 3 }, a.ownerToken);
    await a.syncNow();
    await b.syncNow();

    const { live, rebuilt } = await liveAgainstRebuild(b.core, b.ownerToken);
    // The rebuild counts the three codes B now holds (issued for the whole merchant: store '').
    expect(
      row(rebuilt, 'rollup_template_day', { template_id: template.id, store_id: '' }),
    ).toMatchObject({ issued: 3 });
    expectSameRows(live, rebuilt, 'after pulling codes issued at A');
  });

  it('a redemption lost in a conflict, voided when the manager resolves it: live rollups as the rebuild', async () => {
    const { a, b, coupon } = await chainWithCode();
    // A redeems first and tells the cloud; B, not having pulled, redeems the same code.
    await a.ok(
      'redemption.redeem',
      {
        code: coupon.code,
        order: { subtotalFen: 12000 },
        idempotencyKey: 'till-a-conflict-01',
        storeId: a.ids.storeId,
      },
      a.cashierToken,
    );
    await a.syncNow();
    const lost = await redeemAtB(b, coupon.code);
    const afterPush = await b.syncNow();
    expect(afterPush.conflictCount).toBe(1);
    // The resolution alone is looked at: B's rollups start it equal to a rebuild.
    await rebuildThroughHandler(b.core, b.ownerToken);

    const [conflict] = await b.ok('sync.conflicts', { includeResolved: false }, b.ownerToken);
    expect(conflict?.loser.redemptionId).toBe(lost.redemption.id);
    await b.ok(
      'sync.resolveConflict',
      { eventId: conflict!.eventId, note: '已向顾客收回优惠' },
      b.ownerToken,
    );
    const local = await b.ok('redemption.list', { code: coupon.code }, b.ownerToken);
    expect(local.items.find((r) => r.id === lost.redemption.id)?.status).toBe('voided');

    const { live, rebuilt } = await liveAgainstRebuild(b.core, b.ownerToken);
    expect(row(rebuilt, 'rollup_store_day', { store_id: b.ids.storeId })).toMatchObject({
      redemptions: 0,
      voids: 1,
    });
    expectSameRows(live, rebuilt, 'after resolving the conflict at B');
  });
});
