import { describe, expect, it } from 'vitest';
import { dammCheckDigit } from '../../../src-shared/coupons/codes';
import { CASHIER_PIN, couponShop } from '../../support/coupons';
import { OWNER_PIN } from '../../support/core';

const quick = (subtotalFen: number) => ({ subtotalFen });

describe('verify', () => {
  it('explains a valid coupon: discount per line and in total', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const coupon = await issueOne((await activeTemplate()).id);
    const verdict = await ok(
      'redemption.verify',
      {
        code: coupon.display,
        order: {
          lines: [
            { sku: 'APL-1', qty: 5 },
            { barcode: '6901234567892', qty: 3 },
          ],
        },
      },
      cashierToken,
    );
    expect(verdict).toMatchObject({
      valid: true,
      reason: null,
      subtotalFen: 10392,
      discountFen: 2000,
      payableFen: 8392,
    });
    expect(verdict.lines.map((l) => [l.name, l.qty, l.discountFen])).toEqual([
      ['红富士苹果', 5, 1250],
      ['红富士苹果', 3, 750],
    ]);
  });

  it('tells a typo from an unknown code, and a forged QR from a genuine one', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const coupon = await issueOne((await activeTemplate()).id);
    const typo =
      coupon.code.slice(0, 5) + ((Number(coupon.code[5]) + 1) % 10) + coupon.code.slice(6);
    expect(
      (await ok('redemption.verify', { code: typo, order: quick(20000) }, cashierToken)).reason,
    ).toBe('BAD_CHECK');
    const unknown19 = '1234567890123456789';
    const unknown = unknown19 + dammCheckDigit(unknown19);
    expect(
      (await ok('redemption.verify', { code: unknown, order: quick(20000) }, cashierToken)).reason,
    ).toBe('NOT_FOUND');

    const forged = coupon.qrPayload.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAA');
    expect(
      await ok('redemption.verify', { code: forged, order: quick(20000) }, cashierToken),
    ).toMatchObject({
      valid: false,
      reason: 'FORGED',
    });
    const scanned = await ok(
      'redemption.verify',
      { code: coupon.qrPayload, order: quick(20000) },
      cashierToken,
    );
    expect(scanned).toMatchObject({ valid: true, discountFen: 2000 });
  });

  it('recognizes a genuine signed code this till has never seen', async () => {
    const { ok, core, cashierToken, activeTemplate } = await couponShop();
    const template = await activeTemplate();
    const validUntil = Date.UTC(2026, 11, 31, 15, 59, 59, 999);
    const payload = core.services.issuer.qrPayload('98765432109876543210', template.id, validUntil);
    const verdict = await ok(
      'redemption.verify',
      { code: payload, order: quick(20000) },
      cashierToken,
    );
    expect(verdict).toMatchObject({
      reason: 'NOT_FOUND',
      details: { genuine: true, templateId: template.id, validUntil },
    });
  });

  it('refuses before the start, after the end of the last local day, and outside eligible stores', async () => {
    const { ok, ownerToken, cashierToken, cashier, activeTemplate, issueOne, clock } =
      await couponShop();
    const later = await issueOne(
      (
        await activeTemplate({
          validity: { kind: 'fixed', startDate: '2026-11-22', endDate: '2026-11-22' },
        })
      ).id,
    );
    const early = await ok(
      'redemption.verify',
      { code: later.code, order: quick(20000) },
      cashierToken,
    );
    expect(early).toMatchObject({
      reason: 'NOT_YET_VALID',
      details: { validFromText: '2026-11-22 00:00' },
    });
    const other = await ok(
      'stores.create',
      { name: '三里屯店', districtCode: '110105' },
      ownerToken,
    );
    const elsewhere = await issueOne(
      (await activeTemplate({ name: '仅限三里屯', storeIds: [other.id] })).id,
    );
    expect(
      (await ok('redemption.verify', { code: elsewhere.code, order: quick(20000) }, cashierToken))
        .reason,
    ).toBe('STORE_NOT_ELIGIBLE');

    clock.set(Date.UTC(2026, 10, 22, 15, 59, 59, 999)); // 23:59:59.999 on the 22nd in Shanghai
    const { token } = await ok('auth.login', { staffId: cashier.id, pin: CASHIER_PIN });
    expect(
      (await ok('redemption.verify', { code: later.code, order: quick(20000) }, token)).valid,
    ).toBe(true);
    clock.advance(1);
    expect(
      await ok('redemption.verify', { code: later.code, order: quick(20000) }, token),
    ).toMatchObject({
      reason: 'EXPIRED',
      details: { validUntilText: '2026-11-22 23:59' },
    });
  });

  it('says how much more is needed, which item is missing, and when a campaign is paused', async () => {
    const { ok, ownerToken, cashierToken, activeTemplate, issueOne, products } = await couponShop();
    const threshold = await activeTemplate();
    const short = await ok(
      'redemption.verify',
      { code: (await issueOne(threshold.id)).code, order: quick(9950) },
      cashierToken,
    );
    expect(short).toMatchObject({
      reason: 'MIN_SPEND_NOT_MET',
      details: { shortFen: 50, shortText: '¥0.50' },
    });

    const item = await activeTemplate({
      name: '苹果免费一斤',
      rule: { type: 'item', productId: products.apple.id, mode: 'free', maxUnits: 1 },
    });
    const missing = await ok(
      'redemption.verify',
      { code: (await issueOne(item.id)).code, order: { lines: [{ sku: 'MLK-1', qty: 2 }] } },
      cashierToken,
    );
    expect(missing.reason).toBe('ITEM_NOT_IN_ORDER');

    const paused = await issueOne(threshold.id);
    await ok('coupons.setTemplateStatus', { id: threshold.id, status: 'paused' }, ownerToken);
    expect(
      (await ok('redemption.verify', { code: paused.code, order: quick(20000) }, cashierToken))
        .reason,
    ).toBe('TEMPLATE_PAUSED');
  });

  it('records the gift of a 满赠 coupon', async () => {
    const { ok, cashierToken, activeTemplate, issueOne, products } = await couponShop();
    const gift = await activeTemplate({
      name: '满50送购物袋',
      rule: { type: 'gift', thresholdFen: 5000, giftProductId: products.bag.id, giftQty: 1 },
    });
    const coupon = await issueOne(gift.id);
    const result = await ok(
      'redemption.redeem',
      { code: coupon.code, order: quick(6000), idempotencyKey: 'gift-0001' },
      cashierToken,
    );
    expect(result.verdict.gift).toEqual({ productId: products.bag.id, name: '环保购物袋', qty: 1 });
    expect(result.redemption).toMatchObject({
      discountFen: 0,
      gift: { productId: products.bag.id, qty: 1 },
    });
  });

  it('applies stacking rules across the coupons on one order', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const percent = await issueOne(
      (
        await activeTemplate({
          name: '9折',
          rule: { type: 'percent', payPermille: 900 },
          stackable: true,
        })
      ).id,
    );
    const threshold = await issueOne((await activeTemplate()).id);
    const other = await issueOne(
      (
        await activeTemplate({
          name: '满100减10',
          rule: { type: 'threshold', thresholdFen: 10000, amountFen: 1000 },
        })
      ).id,
    );
    // 9折 goes first: 11000 → 9900, below the 100-yuan threshold.
    const verdict = await ok(
      'redemption.verify',
      { code: threshold.code, order: quick(11000), withCodes: [percent.code] },
      cashierToken,
    );
    expect(verdict).toMatchObject({ reason: 'MIN_SPEND_NOT_MET', details: { eligibleFen: 9900 } });
    const twoExclusive = await ok(
      'redemption.verify',
      { code: other.code, order: quick(30000), withCodes: [threshold.code] },
      cashierToken,
    );
    expect(twoExclusive.reason).toBe('NOT_STACKABLE');
  });
});

describe('redeem', () => {
  it('redeems once; scanning again says when, where and by whom', async () => {
    const { ok, fails, cashierToken, activeTemplate, issueOne, ownerToken } = await couponShop();
    const template = await activeTemplate();
    const coupon = await issueOne(template.id);
    const { redemption, replayed } = await ok(
      'redemption.redeem',
      { code: coupon.code, order: quick(12000), idempotencyKey: 'till-T01-0001' },
      cashierToken,
    );
    expect(replayed).toBe(false);
    expect(redemption).toMatchObject({
      discountFen: 2000,
      staffName: '李收银',
      terminalCode: 'T01',
      status: 'completed',
    });

    const again = await ok(
      'redemption.verify',
      { code: coupon.code, order: quick(12000) },
      cashierToken,
    );
    expect(again).toMatchObject({
      reason: 'ALREADY_REDEEMED',
      details: {
        atText: '2026-11-21 10:00',
        storeName: '鲜果优选 新街口店',
        staffName: '李收银',
        terminalCode: 'T01',
      },
    });
    const second = await fails(
      'redemption.redeem',
      { code: coupon.code, order: quick(12000), idempotencyKey: 'till-T01-0002' },
      cashierToken,
    );
    expect(second.code).toBe('COUPON_ALREADY_REDEEMED');
    expect(second.message).toBe('此券已于 2026-11-21 10:00 在 鲜果优选 新街口店 由 李收银 核销');

    const [counted] = await ok('coupons.listTemplates', {}, ownerToken);
    expect(counted).toMatchObject({ redeemedCount: 1, redeemedFen: 2000 });
  });

  it('answers the same result for the same idempotency key, and refuses it for another code', async () => {
    const { ok, fails, core, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate();
    const coupon = await issueOne(template.id);
    const input = {
      code: coupon.code,
      order: quick(12000),
      idempotencyKey: 'retry-after-timeout-1',
    };
    const first = await ok('redemption.redeem', input, cashierToken);
    const retry = await ok('redemption.redeem', input, cashierToken);
    expect(retry.replayed).toBe(true);
    expect(retry.redemption).toEqual(first.redemption);
    const other = await issueOne(template.id);
    expect(
      (await fails('redemption.redeem', { ...input, code: other.code }, cashierToken)).code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(core.sqlite.prepare('SELECT count(*) n FROM redemptions').get()).toEqual({ n: 1 });
    expect(
      core.sqlite
        .prepare("SELECT count(*) n FROM outbox WHERE topic = 'redemption.completed'")
        .get(),
    ).toEqual({ n: 1 });
  });

  it('gives exactly one success to fifty parallel redemptions of one code', async () => {
    const { core, cashierToken, activeTemplate, issueOne } = await couponShop();
    const coupon = await issueOne((await activeTemplate()).id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        core.call(
          'redemption.redeem',
          { code: coupon.code, order: quick(12000), idempotencyKey: `parallel-${i}` },
          { credential: cashierToken, source: 'http' },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code))).toEqual(
      new Set(['COUPON_ALREADY_REDEEMED']),
    );
  });

  it('keeps to the budget in money and in count', async () => {
    const { ok, fails, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate({ budgetFen: 3000 });
    const a = await issueOne(template.id);
    const b = await issueOne(template.id);
    await ok(
      'redemption.redeem',
      { code: a.code, order: quick(12000), idempotencyKey: 'budget-a' },
      cashierToken,
    );
    expect(
      (
        await fails(
          'redemption.redeem',
          { code: b.code, order: quick(12000), idempotencyKey: 'budget-b' },
          cashierToken,
        )
      ).code,
    ).toBe('COUPON_BUDGET_EXHAUSTED');
  });

  it('limits redemptions per customer phone', async () => {
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate({ perCustomerLimit: 1 });
    const order = { subtotalFen: 12000, customerPhone: '13900001111' };
    await ok(
      'redemption.redeem',
      { code: (await issueOne(template.id)).code, order, idempotencyKey: 'phone-0001' },
      cashierToken,
    );
    const second = await ok(
      'redemption.verify',
      { code: (await issueOne(template.id)).code, order },
      cashierToken,
    );
    expect(second.reason).toBe('CUSTOMER_LIMIT_REACHED');
  });

  it('cools a till down for 60 s after five bad codes in a minute, and logs it', async () => {
    const { ok, cashierToken, ownerToken, clock, activeTemplate, issueOne } = await couponShop();
    const good = await issueOne((await activeTemplate()).id);
    for (let i = 0; i < 5; i++) {
      const digits = `10000000000000000${i}0`;
      await ok('redemption.verify', { code: digits, order: quick(100) }, cashierToken);
    }
    const blocked = await ok(
      'redemption.verify',
      { code: good.code, order: quick(12000) },
      cashierToken,
    );
    expect(blocked).toMatchObject({ reason: 'COOLING_DOWN', details: { seconds: 60 } });
    const { items } = await ok('audit.list', { action: 'redemption.coolDown' }, ownerToken);
    expect(items).toHaveLength(1);
    clock.advance(60_001);
    expect(
      (await ok('redemption.verify', { code: good.code, order: quick(12000) }, cashierToken)).valid,
    ).toBe(true);
  });
});

describe('void', () => {
  async function redeemed() {
    const shop = await couponShop();
    const coupon = await shop.issueOne((await shop.activeTemplate()).id);
    const { redemption } = await shop.ok(
      'redemption.redeem',
      { code: coupon.code, order: quick(12000), idempotencyKey: 'void-me-0001' },
      shop.cashierToken,
    );
    return { ...shop, coupon, redemption };
  }

  it('lets a manager PIN undo a redemption within 30 minutes; the coupon works again', async () => {
    const { ok, cashierToken, ownerToken, ids, coupon, redemption, clock } = await redeemed();
    clock.advance(29 * 60 * 1000);
    const voided = await ok(
      'redemption.void',
      {
        redemptionId: redemption.id,
        managerId: ids.ownerId,
        managerPin: OWNER_PIN,
        reason: '顾客退货',
      },
      cashierToken,
    );
    expect(voided).toMatchObject({
      status: 'voided',
      voidedByName: '王店主',
      voidReason: '顾客退货',
    });
    expect(
      (await ok('redemption.verify', { code: coupon.code, order: quick(12000) }, cashierToken))
        .valid,
    ).toBe(true);
    expect((await ok('coupons.listTemplates', {}, ownerToken))[0]).toMatchObject({
      redeemedCount: 0,
      redeemedFen: 0,
    });
    const { items } = await ok('audit.list', { action: 'redemption.void' }, ownerToken);
    expect(items[0]).toMatchObject({
      staffName: '李收银',
      details: { manager: '王店主', reason: '顾客退货' },
    });
  });

  it('refuses after the window, a cashier PIN, a wrong PIN and a second void', async () => {
    const { ok, fails, cashierToken, ids, cashier, redemption, clock } = await redeemed();
    const base = { redemptionId: redemption.id, reason: '操作失误' };
    expect(
      (
        await fails(
          'redemption.void',
          { ...base, managerId: cashier.id, managerPin: CASHIER_PIN },
          cashierToken,
        )
      ).code,
    ).toBe('NOT_A_MANAGER');
    expect(
      (
        await fails(
          'redemption.void',
          { ...base, managerId: ids.ownerId, managerPin: '161803' },
          cashierToken,
        )
      ).code,
    ).toBe('WRONG_PIN');
    await ok(
      'redemption.void',
      { ...base, managerId: ids.ownerId, managerPin: OWNER_PIN },
      cashierToken,
    );
    expect(
      (
        await fails(
          'redemption.void',
          { ...base, managerId: ids.ownerId, managerPin: OWNER_PIN },
          cashierToken,
        )
      ).code,
    ).toBe('ALREADY_VOIDED');
    clock.advance(31 * 60 * 1000);
    const late = await redeemed();
    late.clock.advance(30 * 60 * 1000 + 1);
    const refused = await late.fails(
      'redemption.void',
      {
        redemptionId: late.redemption.id,
        reason: '太晚',
        managerId: late.ids.ownerId,
        managerPin: OWNER_PIN,
      },
      late.cashierToken,
    );
    expect(refused).toMatchObject({
      code: 'VOID_WINDOW_PASSED',
      message: '已超过可撤销时限（核销后 30 分钟内）',
    });
  });

  it('lists redemptions with filters', async () => {
    const { ok, ownerToken, ids, redemption, coupon } = await redeemed();
    const all = await ok('redemption.list', {}, ownerToken);
    expect(all.items.map((r) => r.id)).toEqual([redemption.id]);
    // Voidable for the shop's window after it was made; the page says the window.
    expect(all.voidWindowMinutes).toBe(30);
    expect(all.items[0]!.voidableUntil).toBe(redemption.createdAt + 30 * 60 * 1000);
    expect((await ok('redemption.list', { status: 'voided' }, ownerToken)).items).toEqual([]);
    expect(
      (await ok('redemption.list', { storeId: ids.storeId, code: coupon.display }, ownerToken))
        .items,
    ).toHaveLength(1);
  });
});
