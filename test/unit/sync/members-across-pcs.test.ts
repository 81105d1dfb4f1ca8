import { beforeAll, afterAll, expect, it } from 'vitest';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { freshPhone } from '../../support/phones';
import { pairedShop, type PairedShop } from '../../support/sync';

// Members, their consents and their points on every PC of a chain: each PC applies what the
// others did (pulled), and PCs that worked apart agree once they have synced.

/** A sale of `fen` worth of apples to the member, paid in cash and, if given, points. */
function sell(shop: PairedShop, memberId: string, tag: string, fen: number, pointsFen = 0) {
  return shop.ok(
    'sales.record',
    {
      terminalSaleId: tag,
      storeId: shop.ids.storeId,
      lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: fen }],
      tenders: [
        { kind: 'cash', amountFen: fen - pointsFen },
        ...(pointsFen ? [{ kind: 'points' as const, amountFen: pointsFen }] : []),
      ],
      memberId,
    },
    shop.cashierToken,
  );
}

const balanceAt = (shop: PairedShop, memberId: string) =>
  shop.ok('points.balance', { memberId }, shop.ownerToken);

/** A PC of the chain with apples to sell. */
async function shopOf(cloud: TestCloud, merchantId: string, name: string) {
  const shop = await pairedShop(cloud, merchantId, name);
  await shop.ok(
    'stock.receive',
    { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 100 }] },
    shop.ownerToken,
  );
  return shop;
}

/** Every PC pulls what every other pushed: two rounds each, in turn. */
async function syncAll(...shops: PairedShop[]) {
  for (let round = 0; round < 2; round++) for (const shop of shops) await shop.syncNow();
}

describeOnEachBackend('members and points across the PCs of a chain', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend);
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  it('two PCs earning and spending apart for one member converge to the same balance', async () => {
    const merchant = await cloud.newMerchant();
    const a = await shopOf(cloud, merchant.id, '一号店');
    const b = await shopOf(cloud, merchant.id, '二号店');
    const phone = freshPhone();
    const { member } = await a.ok(
      'members.create',
      {
        phone,
        name: '王小明',
        consents: [{ purpose: 'marketingSms', granted: true, textShown: '同意接收优惠短信' }],
      },
      a.cashierToken,
    );
    await sell(a, member.id, 'A-1', 30_000); // 300 points at 1 per yuan
    await syncAll(a, b);

    // B knows the member, under the same id, with A's points and consent.
    const found = await b.ok('members.lookup', { phone }, b.cashierToken);
    expect(found.matches.map((m) => m.id)).toEqual([member.id]);
    expect(await balanceAt(b, member.id)).toMatchObject({ available: 300, earned: 300 });
    expect(
      (await b.ok('members.get', { id: member.id }, b.ownerToken)).consents.map((c) => [
        c.purpose,
        c.granted,
      ]),
    ).toEqual([['marketingSms', true]]);

    // Apart: each store sells to the member and B takes ¥1.00 (100 points) from A's lot.
    await sell(a, member.id, 'A-2', 5_000);
    await sell(b, member.id, 'B-1', 8_000, 100);
    await b.ok(
      'members.setConsent',
      {
        memberId: member.id,
        purpose: 'marketingSms',
        granted: false,
        textShown: '撤回营销短信',
        source: 'backOffice',
      },
      b.ownerToken,
    );
    expect(await balanceAt(a, member.id)).toMatchObject({ available: 350 });
    expect(await balanceAt(b, member.id)).toMatchObject({ available: 300 - 100 + 79 });

    await syncAll(a, b);
    // Earned 300 + 50 at A and 79 at B (what was paid in cash), 100 spent at B: the same on both.
    const expected = { earned: 429, spent: 100, available: 329 };
    expect(await balanceAt(a, member.id)).toMatchObject(expected);
    expect(await balanceAt(b, member.id)).toMatchObject(expected);
    // Past the lots' expiry both PCs run their daily pass: each expires only the lots earned at
    // it (two PCs expiring one lot would take its points twice); the other's arrive pulled.
    const later = (shop: PairedShop) => shop.clock.now() + 3 * 365 * 24 * 60 * 60 * 1000;
    a.core.services.points.expireDue(later(a));
    b.core.services.points.expireDue(later(b));
    await syncAll(a, b);
    const expired = { earned: 429, spent: 100, expired: 329, available: 0 };
    expect(await balanceAt(a, member.id)).toMatchObject(expired);
    expect(await balanceAt(b, member.id)).toMatchObject(expired);
    // The newer consent stands on both PCs, and both logs hold both answers.
    for (const shop of [a, b]) {
      const seen = await shop.ok('members.get', { id: member.id }, shop.ownerToken);
      expect(seen.consents.find((c) => c.purpose === 'marketingSms')?.granted).toBe(false);
      expect(seen.consentLog.filter((c) => c.purpose === 'marketingSms')).toHaveLength(2);
    }

    // Deleted at the member's request at A: forgotten at B too, B's sale kept under a pseudonym.
    await a.ok('members.delete', { id: member.id }, a.ownerToken);
    await syncAll(a, b);
    expect((await b.ok('members.lookup', { phone }, b.cashierToken)).matches).toEqual([]);
    const { items } = await b.ok('sales.list', {}, b.ownerToken);
    expect(items.map((sale) => sale.customerPhone)).toEqual([expect.stringMatching(/^anon:/)]);
  });

  it('the same phone signed up at two PCs apart ends as one member holding both points', async () => {
    const merchant = await cloud.newMerchant();
    const a = await shopOf(cloud, merchant.id, '一号店');
    const b = await shopOf(cloud, merchant.id, '二号店');
    const phone = freshPhone();
    const first = (await a.ok('members.create', { phone, name: '李梅' }, a.cashierToken)).member;
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    const second = (await b.ok('members.create', { phone }, b.cashierToken)).member;
    expect(second.id).not.toBe(first.id);
    await sell(a, first.id, 'A-1', 12_000);
    await sell(b, second.id, 'B-1', 4_000);

    await syncAll(a, b);
    // The member signed up first keeps the phone on both PCs, with both stores' points.
    for (const shop of [a, b]) {
      const found = await shop.ok('members.lookup', { phone }, shop.cashierToken);
      expect(found.matches.map((m) => [m.id, m.name])).toEqual([[first.id, '李梅']]);
      expect(await balanceAt(shop, first.id)).toMatchObject({ earned: 160, available: 160 });
    }
    // B sells to that member from now on, and A hears of it.
    await sell(b, first.id, 'B-2', 1_000);
    await syncAll(a, b);
    expect(await balanceAt(a, first.id)).toMatchObject({ earned: 170 });
  });

  it('a merge at one PC (and its undo) moves the same points on every PC, even those earned there before it knew', async () => {
    const merchant = await cloud.newMerchant();
    const a = await shopOf(cloud, merchant.id, '一号店');
    const b = await shopOf(cloud, merchant.id, '二号店');
    const [phone, oldPhone] = [freshPhone(), freshPhone()];
    const kept = (await a.ok('members.create', { phone, name: '周杰' }, a.cashierToken)).member;
    const old = (await a.ok('members.create', { phone: oldPhone }, a.cashierToken)).member;
    await sell(a, kept.id, 'A-1', 10_000);
    await sell(a, old.id, 'A-2', 5_000);
    await syncAll(a, b);
    // B sells to the old record while A merges it: neither knows of the other yet.
    await sell(b, old.id, 'B-1', 2_000);
    await a.ok('members.merge', { keepId: kept.id, mergeId: old.id }, a.ownerToken);
    await syncAll(a, b);

    for (const shop of [a, b]) {
      const found = await shop.ok('members.lookup', { phone: oldPhone }, shop.cashierToken);
      expect(found.matches.map((m) => m.id)).toEqual([kept.id]);
      expect(await balanceAt(shop, kept.id)).toMatchObject({ earned: 170, available: 170 });
      expect(await balanceAt(shop, old.id)).toMatchObject({ earned: 0 });
    }
    const { mergedIn } = await b.ok('members.get', { id: kept.id }, b.ownerToken);
    expect(mergedIn.map((m) => m.memberId)).toEqual([old.id]);

    await a.ok('members.unmerge', { mergeId: mergedIn[0]!.mergeId }, a.ownerToken);
    await syncAll(a, b);
    // Undone everywhere: the old record has its points back, B's earn among them.
    for (const shop of [a, b]) {
      expect(await balanceAt(shop, kept.id)).toMatchObject({ earned: 100, available: 100 });
      expect(await balanceAt(shop, old.id)).toMatchObject({ earned: 70, available: 70 });
      const found = await shop.ok('members.lookup', { phone: oldPhone }, shop.cashierToken);
      expect(found.matches.map((m) => m.id)).toEqual([old.id]);
    }
  });
});
