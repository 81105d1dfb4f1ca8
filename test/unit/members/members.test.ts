import { describe, expect, it } from 'vitest';
import { receiptSlip } from '../../../src-shared/slips/till';
import { inventoryShop } from '../../support/inventory';

const RECEIPT_BASE = {
  merchantName: '鲜果优选',
  storeName: '新街口店',
  terminalCode: 'T01',
  cashierName: '李收银',
  saleNo: 'M-2',
  timeText: '2026-11-21 10:00',
  lines: [],
  coupons: [],
  subtotalText: '¥12.99',
  discountText: null,
  roundingText: null,
  paidText: '¥12.99',
  tenders: [],
  givenText: null,
  changeText: null,
  refundedText: null,
  footer: '',
  qrPayload: 'SDR:x',
  reprint: false,
  kickDrawer: false,
  logo: null,
};

const CONSENTS = [
  { purpose: 'marketingSms' as const, granted: true, textShown: '同意接收优惠短信' },
  { purpose: 'profiling' as const, granted: false, textShown: '同意根据消费推荐' },
];

/** A shop with stock and a member signing up at the till. */
async function memberShop() {
  const shop = await inventoryShop();
  await shop.receive('APL-1', 500);
  await shop.receive('MLK-1', 500);
  let n = 0;
  const sale = (
    memberId: string | undefined,
    lines: { sku: string; qty: number; unitPriceFen: number }[],
    tenders: { kind: 'cash' | 'wechat' | 'points'; amountFen: number }[],
    token = shop.cashierToken,
  ) =>
    shop.ok(
      'sales.record',
      {
        terminalSaleId: `M-${++n}`,
        storeId: shop.ids.storeId,
        lines,
        tenders,
        ...(memberId ? { memberId } : {}),
      },
      token,
    );
  return { ...shop, sale };
}

describe('members: sign-up, lookup, list, consent', () => {
  it('signs a member up at the till with consent per purpose and finds them by phone and last four', async () => {
    const { ok, fails, cashierToken, ownerToken, core } = await memberShop();
    const { member, welcomeCode } = await ok(
      'members.create',
      { phone: '138 0013 8000', name: '张小花', birthday: '05-20', consents: CONSENTS },
      cashierToken,
    );
    expect(welcomeCode).toBeNull();
    expect(member).toMatchObject({
      phone: '+8613800138000',
      phoneMasked: '138****8000',
      name: '张小花',
      birthday: '05-20',
    });
    expect(member.consents.map((c) => [c.purpose, c.granted, c.source])).toEqual([
      ['marketingSms', true, 'till'],
      ['profiling', false, 'till'],
    ]);
    expect(member.consents[0]!.textShown).toBe('同意接收优惠短信');
    // The same phone twice is refused.
    expect((await fails('members.create', { phone: '13800138000' }, cashierToken)).code).toBe(
      'MEMBER_EXISTS',
    );

    const byPhone = await ok('members.lookup', { phone: '13800138000' }, cashierToken);
    expect(byPhone.matches).toHaveLength(1);
    expect(byPhone.matches[0]).toMatchObject({ id: member.id, pointsAvailable: 0, couponCount: 0 });
    const byLast4 = await ok('members.lookup', { last4: '8000' }, cashierToken);
    expect(byLast4.matches.map((m) => m.id)).toEqual([member.id]);
    expect((await ok('members.lookup', { last4: '9999' }, cashierToken)).matches).toEqual([]);

    // Withdrawing marketing: the current answer changes, the log keeps both.
    const withdrawn = await ok(
      'members.setConsent',
      {
        memberId: member.id,
        purpose: 'marketingSms',
        granted: false,
        textShown: '撤回营销短信',
        source: 'backOffice',
      },
      ownerToken,
    );
    expect(withdrawn.consents.find((c) => c.purpose === 'marketingSms')).toMatchObject({
      granted: false,
      source: 'backOffice',
    });
    expect(withdrawn.consentLog.filter((c) => c.purpose === 'marketingSms')).toHaveLength(2);

    // Search by pinyin initials, name, digits; phones masked in the list.
    await ok('members.create', { phone: '13900139001', name: '李雷', tags: ['VIP'] }, cashierToken);
    const initials = await ok('members.list', { q: 'zxh' }, ownerToken);
    expect(initials.items.map((m) => m.name)).toEqual(['张小花']);
    expect(initials.items[0]!.phoneMasked).toBe('138****8000');
    expect((await ok('members.list', { q: '李' }, ownerToken)).items.map((m) => m.name)).toEqual([
      '李雷',
    ]);
    expect((await ok('members.list', { q: '0139' }, ownerToken)).total).toBe(1);
    expect((await ok('members.list', { tag: 'VIP' }, ownerToken)).items[0]!.name).toBe('李雷');
    expect((await ok('members.list', {}, ownerToken)).total).toBe(2);

    const updated = await ok(
      'members.update',
      { id: member.id, name: '张晓华', tags: ['常客'] },
      ownerToken,
    );
    expect(updated).toMatchObject({ name: '张晓华', tags: ['常客'] });
    expect((await ok('members.list', { q: 'zxh' }, ownerToken)).items[0]!.name).toBe('张晓华');

    // Members and consents reach the outbox in their own kinds.
    const topics = core.sqlite
      .prepare(
        `SELECT topic, count(*) AS n FROM outbox WHERE topic LIKE 'members.%' GROUP BY topic`,
      )
      .all();
    expect(topics).toEqual(
      expect.arrayContaining([
        { topic: 'members.changed', n: 3 },
        { topic: 'members.consented', n: 3 },
      ]),
    );
  });
});

describe('points: earn, pay, return', () => {
  it('earns per yuan after coupons, pays with points soonest-expiring first, and a return reverses exactly', async () => {
    const { ok, fails, cashierToken, ownerToken, sale, core } = await memberShop();
    const { member } = await ok('members.create', { phone: '13800138000' }, cashierToken);
    await ok(
      'memberSettings.save',
      { earnPointsPerYuan: 10, excludedCategories: ['乳品'] },
      ownerToken,
    );

    // ¥38.97 of apples earns 389 points; the milk (excluded category) none.
    const first = await sale(
      member.id,
      [
        { sku: 'APL-1', qty: 3, unitPriceFen: 1299 },
        { sku: 'MLK-1', qty: 2, unitPriceFen: 650 },
      ],
      [{ kind: 'cash', amountFen: 5197 }],
    );
    expect(first.sale.customerPhone).toBe('+8613800138000');
    let balance = await ok('points.balance', { memberId: member.id }, cashierToken);
    expect(balance).toMatchObject({ available: 389, earned: 389, spent: 0 });
    // Expiry: end of the next year in Shanghai.
    expect(balance.lots[0]!.expiresAt).toBe(Date.UTC(2027, 11, 31, 16, 0, 0) - 1);

    // A points tender without a member is refused; more points than held too.
    expect(
      (
        await fails(
          'sales.record',
          {
            terminalSaleId: 'X-1',
            storeId: first.sale.storeId,
            lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
            tenders: [{ kind: 'points', amountFen: 1299 }],
          },
          cashierToken,
        )
      ).code,
    ).toBe('POINTS_NEED_MEMBER');
    expect(
      (
        await fails(
          'sales.record',
          {
            terminalSaleId: 'X-2',
            storeId: first.sale.storeId,
            memberId: member.id,
            lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
            tenders: [{ kind: 'points', amountFen: 1299 }],
          },
          cashierToken,
        )
      ).code,
    ).toBe('POINTS_INSUFFICIENT');

    // A second sale pays ¥3.00 by points (300 points) and the rest by WeChat: only ¥9.99 earns.
    const second = await sale(
      member.id,
      [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
      [
        { kind: 'points', amountFen: 300 },
        { kind: 'wechat', amountFen: 999 },
      ],
    );
    balance = await ok('points.balance', { memberId: member.id }, cashierToken);
    expect(balance).toMatchObject({ available: 89 + 99, earned: 389 + 99, spent: 300 });
    // The receipt's member lines: who, what this sale moved, what is left.
    expect(core.services.points.receiptLine(second.sale.id)).toEqual({
      phoneText: '138****8000',
      earnedText: '+99 / -300',
      availableText: '188',
    });
    const slip = receiptSlip(58, {
      ...RECEIPT_BASE,
      member: core.services.points.receiptLine(second.sale.id),
    });
    expect(slip.blocks).toEqual(
      expect.arrayContaining([{ kind: 'pair', left: '本单积分', right: '+99 / -300' }]),
    );
    expect(core.services.points.receiptLine(first.sale.id)).toMatchObject({ earnedText: '+389' });

    // Return the second sale whole: its 99 points go, the 300 burnt come back.
    await ok(
      'sales.return',
      { saleId: second.sale.id, lines: [{ saleLineId: second.sale.lines[0]!.id, qty: 1 }] },
      ownerToken,
    );
    balance = await ok('points.balance', { memberId: member.id }, cashierToken);
    expect(balance).toMatchObject({ available: 389, earned: 488, spent: 0, reversed: 99 });

    // Return one of three apples of the first sale: 389 × 1/3 → 129 points, then the rest.
    const appleLine = first.sale.lines[0]!.id;
    await ok(
      'sales.return',
      { saleId: first.sale.id, lines: [{ saleLineId: appleLine, qty: 1 }] },
      ownerToken,
    );
    expect((await ok('points.balance', { memberId: member.id }, cashierToken)).available).toBe(260);
    await ok(
      'sales.return',
      { saleId: first.sale.id, lines: [{ saleLineId: appleLine, qty: 2 }] },
      ownerToken,
    );
    balance = await ok('points.balance', { memberId: member.id }, cashierToken);
    expect(balance).toMatchObject({ available: 0, earned: 488, reversed: 488, spent: 0 });

    const history = await ok('points.history', { memberId: member.id }, cashierToken);
    expect(history.items.map((m) => m.kind).sort()).toEqual(
      ['burn', 'earn', 'earn', 'reverse', 'reverse', 'reverse', 'unburn'].sort(),
    );
    const moved = core.sqlite
      .prepare(`SELECT count(*) AS n FROM outbox WHERE topic = 'points.moved'`)
      .get() as { n: number };
    expect(moved.n).toBe(history.items.length);
  });

  it('pending points wait, expired points go, and points buy a coupon', async () => {
    const { ok, fails, cashierToken, ownerToken, sale, later, activeTemplate } = await memberShop();
    const { member } = await ok('members.create', { phone: '13800138000' }, cashierToken);
    const template = await activeTemplate({
      name: '积分换券',
      rule: { type: 'voucher', amountFen: 500 },
    });
    await ok(
      'memberSettings.save',
      { earnPointsPerYuan: 100, pendingDays: 7, expiry: { kind: 'days', days: 30 } },
      ownerToken,
    );
    await sale(
      member.id,
      [{ sku: 'APL-1', qty: 1, unitPriceFen: 1000 }],
      [{ kind: 'cash', amountFen: 1000 }],
    );
    let balance = await ok('points.balance', { memberId: member.id }, cashierToken);
    expect(balance).toMatchObject({ available: 0, pending: 1000 });
    const token = await later(8 * 86_400_000);
    balance = await ok('points.balance', { memberId: member.id }, token);
    expect(balance).toMatchObject({ available: 1000, pending: 0 });

    expect(
      (
        await fails(
          'points.redeemForCoupon',
          { memberId: member.id, templateId: template.id },
          token,
        )
      ).code,
    ).toBe('EXCHANGE_NOT_OFFERED');
    await ok(
      'memberSettings.save',
      { exchanges: [{ templateId: template.id, points: 600 }] },
      token,
    );
    const exchanged = await ok(
      'points.redeemForCoupon',
      { memberId: member.id, templateId: template.id },
      token,
    );
    expect(exchanged.points).toBe(600);
    const found = await ok('members.lookup', { phone: '13800138000' }, token);
    expect(found.matches[0]).toMatchObject({
      pointsAvailable: 400,
      couponCount: 1,
      pointsValueFen: 400,
    });

    // Past the 30 days, the daily pass expires the rest.
    const late = await later(30 * 86_400_000);
    balance = await ok('points.balance', { memberId: member.id }, late);
    expect(balance).toMatchObject({ available: 0, expired: 400 });
  });
});

describe('members: export and delete (PIPL)', () => {
  it('exports everything kept, then deletes: personal data gone, sales under a random id, points forfeited, ledger balanced, consent log kept', async () => {
    const { ok, fails, cashierToken, ownerToken, core, ids, activeTemplate, issueOne } =
      await memberShop();
    const { member } = await ok(
      'members.create',
      { phone: '13800138000', name: '张小花', birthday: '05-20', consents: CONSENTS },
      cashierToken,
    );
    // A ¥1.00 coupon on the phone, used in the sale: a redemption and a consumer rollup keep it.
    const template = await activeTemplate({
      name: '会员券',
      rule: { type: 'voucher', amountFen: 100 },
    });
    const coupon = await issueOne(template.id, '13800138000');
    const { sale: bought } = await ok(
      'sales.record',
      {
        terminalSaleId: 'DEL-1',
        storeId: ids.storeId,
        memberId: member.id,
        lines: [{ sku: 'APL-1', qty: 2, unitPriceFen: 1299 }],
        couponCodes: [coupon.code],
        tenders: [{ kind: 'cash', amountFen: 2498 }],
      },
      cashierToken,
    );

    const copy = await ok('members.export', { id: member.id }, ownerToken);
    expect(copy.member).toMatchObject({ phone: '+8613800138000', name: '张小花' });
    expect(copy.points).toMatchObject({ available: 24, earned: 24 });
    expect(copy.movements.map((m) => m.kind)).toEqual(['earn']);
    expect(copy.purchases).toEqual([
      expect.objectContaining({ saleId: bought.id, paidFen: 2498, storeName: '鲜果优选 新街口店' }),
    ]);
    expect(copy.member.consentLog).toHaveLength(2);

    // Only the owner deletes.
    expect((await fails('members.delete', { id: member.id }, cashierToken)).code).toBe('FORBIDDEN');
    const gone = await ok('members.delete', { id: member.id, reason: '顾客要求' }, ownerToken);
    expect(gone.forfeitedPoints).toBe(24);

    const after = await ok('members.get', { id: member.id }, ownerToken);
    expect(after).toMatchObject({ name: '', birthday: null, phoneMasked: '', tags: [] });
    expect(after.deletedAt).toBe(gone.deletedAt);
    expect(after.consentLog).toHaveLength(2);
    const balance = await ok('points.balance', { memberId: member.id }, ownerToken);
    expect(balance).toMatchObject({ available: 0, earned: 24, expired: 24 });
    expect(balance.earned).toBe(
      balance.available + balance.pending + balance.spent + balance.expired + balance.reversed,
    );
    // The sale keeps its money; the phone is a random id now.
    const kept = await ok('sales.get', { id: bought.id }, ownerToken);
    expect(kept.paidFen).toBe(2498);
    expect(kept.customerPhone).toMatch(/^anon:/);
    // Nowhere is the phone kept any more; the same random id stands in everywhere.
    const left = core.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM sales WHERE customer_phone = $p)
           + (SELECT count(*) FROM coupons WHERE customer_phone = $p)
           + (SELECT count(*) FROM redemptions WHERE customer_phone = $p)
           + (SELECT count(*) FROM rollup_consumer_day WHERE phone = $p)
           + (SELECT count(*) FROM customer_store_first WHERE phone = $p) AS n`,
      )
      .get({ p: '+8613800138000' });
    expect(left).toEqual({ n: 0 });
    const stand = core.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM redemptions WHERE customer_phone = $a)
           + (SELECT count(*) FROM rollup_consumer_day WHERE phone = $a) AS n`,
      )
      .get({ a: kept.customerPhone });
    expect((stand as { n: number }).n).toBeGreaterThanOrEqual(2);
    // Not found by phone or in the list; the number may sign up again as someone new.
    expect((await ok('members.lookup', { phone: '13800138000' }, cashierToken)).matches).toEqual(
      [],
    );
    expect((await ok('members.list', {}, ownerToken)).total).toBe(0);
    const again = await ok('members.create', { phone: '13800138000' }, cashierToken);
    expect(again.member.id).not.toBe(member.id);
    expect((await fails('members.delete', { id: member.id }, ownerToken)).code).toBe(
      'MEMBER_NOT_FOUND',
    );
    // No sale can be theirs any more.
    const refused = await fails(
      'sales.record',
      {
        terminalSaleId: 'DEL-2',
        storeId: ids.storeId,
        memberId: member.id,
        lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
      },
      cashierToken,
    );
    expect(refused.code).toBe('MEMBER_NOT_FOUND');
  });
});

describe('points: the daily cap', () => {
  it('refuses points past the daily cap (sales and exchanges together), and the next day allows them again', async () => {
    const { ok, fails, cashierToken, ownerToken, sale, later, ids } = await memberShop();
    const { member } = await ok('members.create', { phone: '13800138000' }, cashierToken);
    await ok('memberSettings.save', { earnPointsPerYuan: 100, dailyBurnCap: 500 }, ownerToken);
    await sale(
      member.id,
      [{ sku: 'APL-1', qty: 1, unitPriceFen: 1000 }],
      [{ kind: 'cash', amountFen: 1000 }],
    );
    // 300 points pay ¥3.00; another 300 would pass the 500 cap.
    await sale(
      member.id,
      [{ sku: 'MLK-1', qty: 1, unitPriceFen: 650 }],
      [
        { kind: 'points', amountFen: 300 },
        { kind: 'cash', amountFen: 350 },
      ],
    );
    const refused = await fails(
      'sales.record',
      {
        terminalSaleId: 'CAP-1',
        storeId: ids.storeId,
        memberId: member.id,
        lines: [{ sku: 'MLK-1', qty: 1, unitPriceFen: 650 }],
        tenders: [
          { kind: 'points', amountFen: 300 },
          { kind: 'cash', amountFen: 350 },
        ],
      },
      cashierToken,
    );
    expect(refused).toMatchObject({ code: 'POINTS_DAILY_CAP', details: { cap: 500, left: 200 } });
    const token = await later(86_400_000);
    await ok(
      'sales.record',
      {
        terminalSaleId: 'CAP-2',
        storeId: ids.storeId,
        memberId: member.id,
        lines: [{ sku: 'MLK-1', qty: 1, unitPriceFen: 650 }],
        tenders: [
          { kind: 'points', amountFen: 300 },
          { kind: 'cash', amountFen: 350 },
        ],
      },
      token,
    );
    expect((await ok('points.balance', { memberId: member.id }, token)).spent).toBe(600);
  });
});
