import { describe, expect, it } from 'vitest';
import { inventoryShop } from '../../support/inventory';

const DAY = 86_400_000;

/** A shop with two levels, points at 1 per yuan, and apples to sell. */
async function mergeShop() {
  const shop = await inventoryShop();
  await shop.receive('APL-1', 500);
  await shop.ok(
    'levels.save',
    {
      levels: [
        { name: '普通会员', thresholdFen: 0, multiplierPct: 100 },
        { name: '银卡', thresholdFen: 50_000, multiplierPct: 100 },
      ],
    },
    shop.ownerToken,
  );
  await shop.ok('memberSettings.save', { earnPointsPerYuan: 1 }, shop.ownerToken);
  let n = 0;
  /** A sale of apples, to a member (by id) or to a phone typed at the till. */
  const sell = (
    who: { memberId: string } | { customerPhone: string },
    fen: number,
    pointsFen = 0,
    token = shop.cashierToken,
  ) =>
    shop.ok(
      'sales.record',
      {
        terminalSaleId: `MG-${++n}`,
        storeId: shop.ids.storeId,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: fen }],
        tenders: [
          { kind: 'cash', amountFen: fen - pointsFen },
          ...(pointsFen ? [{ kind: 'points' as const, amountFen: pointsFen }] : []),
        ],
        ...who,
      },
      token,
    );
  const balance = (memberId: string, token = shop.ownerToken) =>
    shop.ok('points.balance', { memberId }, token);
  return { ...shop, sell, balance };
}

/** earned = available + pending + spent + expired + reversed, for one member. */
function balanced(b: {
  earned: number;
  available: number;
  pending: number;
  spent: number;
  expired: number;
  reversed: number;
}) {
  return b.earned === b.available + b.pending + b.spent + b.expired + b.reversed;
}

describe('members.merge / members.unmerge: one person with two phones', () => {
  it('moves points and spend to the kept member, finds them by either phone, and undoes exactly within 30 days', async () => {
    const { ok, fails, cashierToken, ownerToken, sell, balance, later, core } = await mergeShop();
    const { member: kept } = await ok(
      'members.create',
      { phone: '13800138000', name: '张小花' },
      cashierToken,
    );
    const { member: other } = await ok(
      'members.create',
      { phone: '13900139001', name: '张小花（旧号）' },
      cashierToken,
    );
    await sell({ memberId: kept.id }, 30_000); // 300 points, ¥300 of spend
    await sell({ memberId: other.id }, 25_000); // 250 points
    await sell({ memberId: other.id }, 10_000, 100); // ¥1 of it paid with 100 points
    const otherBefore = await balance(other.id);

    // Cashiers may not merge; a member is not merged into themselves.
    const input = { keepId: kept.id, mergeId: other.id, reason: '同一顾客换号' };
    expect((await fails('members.merge', input, cashierToken)).code).toBe('FORBIDDEN');
    expect(
      (await fails('members.merge', { keepId: kept.id, mergeId: kept.id }, ownerToken)).code,
    ).toBe('MEMBER_MERGE_SAME');

    const merged = await ok('members.merge', input, ownerToken);
    expect(merged.movedPoints).toBe(otherBefore.available + otherBefore.pending);
    expect(merged.movedSpendFen).toBe(25_000 + 10_000 - 100); // points payments do not qualify
    expect(merged.merge.undoUntil).toBe(merged.merge.at + 30 * DAY);

    // Both spends together reach 银卡 at once (¥300 + ¥349 ≥ ¥500); the level history says why.
    const keptNow = await ok('members.get', { id: kept.id }, ownerToken);
    expect(keptNow.levelName).toBe('银卡');
    expect(keptNow.qualifyingFen).toBe(30_000 + 34_900);
    expect(keptNow.mergedIn.map((m) => [m.memberId, m.phoneMasked])).toEqual([
      [other.id, '139****9001'],
    ]);
    const otherNow = await ok('members.get', { id: other.id }, ownerToken);
    expect(otherNow.mergedInto).toMatchObject({ memberId: kept.id, phoneMasked: '138****8000' });

    // One person now: the list shows one; either phone, or its last four, finds the kept member.
    expect((await ok('members.list', {}, ownerToken)).items.map((m) => m.id)).toEqual([kept.id]);
    for (const lookup of [{ phone: '13900139001' }, { last4: '9001' }, { phone: '13800138000' }])
      expect((await ok('members.lookup', lookup, cashierToken)).matches.map((m) => m.id)).toEqual([
        kept.id,
      ]);
    const together = await balance(kept.id);
    expect(together.available).toBe(300 + otherBefore.available);
    expect(balanced(together)).toBe(true);
    expect(await balance(other.id)).toMatchObject({ available: 0, earned: 0 });

    // The old phone typed at the till earns for the kept member; points from both records pay.
    await sell({ customerPhone: '13900139001' }, 4_000);
    expect((await balance(kept.id)).earned).toBe(together.earned + 40);
    const paid = await sell({ memberId: kept.id }, 60_000, 500); // 500 points: ¥5
    expect(paid.sale.customerPhone).toBe('+8613800138000');
    const afterSales = await balance(kept.id);
    expect(afterSales.spent - together.spent).toBe(500);
    expect(balanced(afterSales)).toBe(true);

    // No chains, no twice: a merged record cannot merge or be merged again.
    const { member: third } = await ok('members.create', { phone: '13700137002' }, cashierToken);
    expect((await fails('members.merge', input, ownerToken)).code).toBe('MEMBER_MERGED');
    expect(
      (await fails('members.merge', { keepId: third.id, mergeId: kept.id }, ownerToken)).code,
    ).toBe('MEMBER_HAS_MERGED');
    expect((await fails('members.delete', { id: other.id }, ownerToken)).code).toBe(
      'MEMBER_MERGED',
    );

    // Undo: the other record stands alone again with exactly the lots the merge moved (what
    // was burnt from them since stays burnt); the kept member keeps what was earned since.
    const total = afterSales.available;
    const undone = await ok('members.unmerge', { mergeId: merged.merge.id }, ownerToken);
    const keptBack = await balance(kept.id);
    const otherBack = await balance(other.id);
    expect(undone.returnedPoints).toBe(otherBack.available + otherBack.pending);
    expect(keptBack.available + otherBack.available).toBe(total);
    expect(otherBack.earned).toBe(otherBefore.earned);
    expect(balanced(keptBack) && balanced(otherBack)).toBe(true);
    expect((await ok('members.get', { id: other.id }, ownerToken)).mergedInto).toBeNull();
    expect((await ok('members.get', { id: kept.id }, ownerToken)).qualifyingFen).toBe(
      30_000 + 4_000 + 60_000 - 500,
    );
    expect((await ok('members.get', { id: other.id }, ownerToken)).qualifyingFen).toBe(34_900);
    expect(
      (await ok('members.lookup', { phone: '13900139001' }, cashierToken)).matches.map((m) => m.id),
    ).toEqual([other.id]);
    expect((await fails('members.unmerge', { mergeId: merged.merge.id }, ownerToken)).code).toBe(
      'MERGE_UNDONE',
    );

    // A merge is undone within 30 days, not after; the refusal says until when.
    const again = await ok('members.merge', input, ownerToken);
    const token = await later(31 * DAY);
    const late = await fails('members.unmerge', { mergeId: again.merge.id }, token);
    expect(late.code).toBe('MERGE_UNDO_EXPIRED');
    expect(late.message).toContain('30');

    // Every merge and undo is in the audit log and on its way to the cloud.
    const kinds = core.sqlite
      .prepare(
        "SELECT topic FROM outbox WHERE topic IN ('members.merged', 'members.unmerged') ORDER BY id",
      )
      .pluck()
      .all();
    expect(kinds).toEqual(['members.merged', 'members.unmerged', 'members.merged']);
  });

  it('deleting the kept member (PIPL) deletes the records merged into it too', async () => {
    const { ok, cashierToken, ownerToken } = await mergeShop();
    const { member: kept } = await ok('members.create', { phone: '13800138000' }, cashierToken);
    const { member: other } = await ok('members.create', { phone: '13900139001' }, cashierToken);
    await ok('members.merge', { keepId: kept.id, mergeId: other.id }, ownerToken);
    await ok('members.delete', { id: kept.id }, ownerToken);
    for (const phone of ['13800138000', '13900139001'])
      expect((await ok('members.lookup', { phone }, cashierToken)).matches).toEqual([]);
    expect((await ok('members.get', { id: other.id }, ownerToken)).deletedAt).not.toBeNull();
  });
});
