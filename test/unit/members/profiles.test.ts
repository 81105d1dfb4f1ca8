import { describe, expect, it } from 'vitest';
import {
  quintileCuts,
  rfmSegment,
  scoreHigher,
  scoreLower,
} from '../../../src-shared/members/rfm';
import { inventoryShop } from '../../support/inventory';
import { formatDiff, liveAgainstRebuild } from '../../support/rollup-check';

const DAY = 86_400_000;

describe('RFM scoring', () => {
  it('cuts quintiles and scores both ways', () => {
    const cuts = quintileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!;
    expect(cuts).toEqual([3, 5, 7, 9]);
    expect([1, 3, 5, 8, 10].map((v) => scoreHigher(v, cuts))).toEqual([1, 2, 3, 4, 5]);
    // Recency: fewer days since the last purchase score higher.
    expect([1, 3, 5, 8, 10].map((v) => scoreLower(v, cuts))).toEqual([5, 5, 4, 2, 1]);
    expect(quintileCuts([])).toBeNull();
    // One customer: they score as high as the data allows.
    expect(scoreHigher(4, quintileCuts([4])!)).toBe(5);
  });

  it('names the segment from the first rule that fits', () => {
    expect(rfmSegment({ recency: 5, frequency: 5, monetary: 4 }, 400)).toBe('champion');
    expect(rfmSegment({ recency: 5, frequency: 1, monetary: 1 }, 3)).toBe('new');
    expect(rfmSegment({ recency: 1, frequency: 4, monetary: 4 }, 300)).toBe('atRisk');
    expect(rfmSegment({ recency: 1, frequency: 1, monetary: 1 }, 300)).toBe('lost');
    expect(rfmSegment({ recency: 3, frequency: 4, monetary: 2 }, 300)).toBe('loyal');
  });
});

describe('members.profile', () => {
  it('sums a member’s purchases from the rollups, scores RFM only with consent, and matches a rebuild', async () => {
    const shop = await inventoryShop();
    const { ok, fails, ownerToken, ids } = shop;
    await shop.receive('APL-1', 500);
    await shop.receive('MLK-1', 500);
    await shop.receive('APL-1', 500, shop.secondStore.id);
    const consent = (granted: boolean) => [
      { purpose: 'profiling' as const, granted, textShown: '同意根据消费推荐' },
    ];
    const { member: fan } = await ok(
      'members.create',
      { phone: '13900139001', name: '常客', consents: consent(true) },
      ownerToken,
    );
    const { member: shy } = await ok(
      'members.create',
      { phone: '13900139002', consents: consent(false) },
      ownerToken,
    );
    // Profiles are for managers: a cashier is refused.
    expect((await fails('members.profile', { memberId: fan.id }, shop.cashierToken)).code).toBe(
      'FORBIDDEN',
    );
    let n = 0;
    let token = ownerToken;
    const sale = (
      phone: string,
      lines: { sku: string; qty: number; unitPriceFen: number }[],
      storeId = ids.storeId,
    ) =>
      ok(
        'sales.record',
        {
          terminalSaleId: `P-${++n}`,
          storeId,
          customerPhone: phone,
          lines,
          tenders: [
            { kind: 'cash', amountFen: lines.reduce((s, l) => s + l.qty * l.unitPriceFen, 0) },
          ],
        },
        token,
      );
    // The fan: six visits over the months, most in the first store; the shy member and a
    // passer-by buy once each.
    const first = await sale('13900139001', [
      { sku: 'APL-1', qty: 2, unitPriceFen: 1000 },
      { sku: 'MLK-1', qty: 1, unitPriceFen: 500 },
    ]);
    for (let i = 0; i < 4; i++) {
      token = await shop.later(20 * DAY);
      await sale('13900139001', [{ sku: 'APL-1', qty: 1, unitPriceFen: 1000 }]);
    }
    await sale('13900139001', [{ sku: 'APL-1', qty: 3, unitPriceFen: 1000 }], shop.secondStore.id);
    await sale('13900139002', [{ sku: 'MLK-1', qty: 1, unitPriceFen: 500 }]);
    await sale('13700137000', [{ sku: 'MLK-1', qty: 2, unitPriceFen: 500 }]);
    // The first sale's milk comes back: its ¥5.00 leaves the spend.
    const milkLine = first.sale.lines.find((line) => line.sku === 'MLK-1')!;
    const owner = await shop.later(DAY);
    await ok(
      'sales.return',
      { saleId: first.sale.id, lines: [{ saleLineId: milkLine.id, qty: 1 }], reason: '变质' },
      owner,
    );

    const profile = await ok('members.profile', { memberId: fan.id }, owner);
    expect(profile).toMatchObject({
      phone: '139****9001',
      memberId: fan.id,
      visits: 6,
      spendFen: 2000 + 4 * 1000 + 3000,
      averageTicketFen: 1500,
      coupons: { received: 0, redeemed: 0, usePermille: null },
      profilingConsent: true,
    });
    expect(profile.firstPurchase! < profile.lastPurchase!).toBe(true);
    expect(profile.months).toHaveLength(12);
    expect(profile.months.reduce((s, m) => s + m.visits, 0)).toBe(6);
    expect(profile.stores.map((s) => [s.storeId, s.visits])).toEqual([
      [ids.storeId, 5],
      [shop.secondStore.id, 1],
    ]);
    expect(profile.categories[0]).toMatchObject({ qty: 9, spendFen: 9000 });
    // Of three customers this year the fan buys most often and most: top scores.
    expect(profile.rfm).toMatchObject({ frequency: 5, monetary: 5, recency: 5, segment: 'champion' });

    // Without consent to profiling: the purchases, but no scores.
    const withheld = await ok('members.profile', { memberId: shy.id }, owner);
    expect(withheld).toMatchObject({ visits: 1, spendFen: 500, profilingConsent: false, rfm: null });
    // A phone that never joined: its purchases only.
    const passerBy = await ok('members.profile', { phone: '137 0013 7000' }, owner);
    expect(passerBy).toMatchObject({ memberId: null, visits: 1, spendFen: 1000, rfm: null });
    // Nobody by that id.
    expect((await fails('members.profile', { memberId: ids.storeId }, owner)).code).toBe(
      'NOT_FOUND',
    );
    const { diffs } = await liveAgainstRebuild(shop.core, owner);
    expect(formatDiff(diffs)).toBe('');
  });
});
