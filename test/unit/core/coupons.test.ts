import { describe, expect, it } from 'vitest';
import { parseCode } from '../../../src-shared/coupons/codes';
import { endOfLocalDay } from '../../../src-shared/time';
import { couponShop } from '../../support/coupons';

describe('coupon templates', () => {
  it('starts as a draft and moves draft → active ⇄ paused → ended only', async () => {
    const { ok, fails, ownerToken } = await couponShop();
    const draft = await ok(
      'coupons.createTemplate',
      {
        name: '9折券',
        rule: { type: 'percent', payPermille: 900 },
        validity: { kind: 'relative', days: 7 },
      },
      ownerToken,
    );
    expect(draft).toMatchObject({ status: 'draft', type: 'percent', version: 1, stackable: false });
    expect(
      (await fails('coupons.issue', { templateId: draft.id, count: 1 }, ownerToken)).code,
    ).toBe('TEMPLATE_NOT_ACTIVE');
    await ok('coupons.setTemplateStatus', { id: draft.id, status: 'active' }, ownerToken);
    await ok('coupons.setTemplateStatus', { id: draft.id, status: 'paused' }, ownerToken);
    await ok('coupons.setTemplateStatus', { id: draft.id, status: 'active' }, ownerToken);
    await ok('coupons.setTemplateStatus', { id: draft.id, status: 'ended' }, ownerToken);
    const refused = await fails(
      'coupons.setTemplateStatus',
      { id: draft.id, status: 'active' },
      ownerToken,
    );
    expect(refused).toMatchObject({
      code: 'INVALID_STATUS_CHANGE',
      details: { from: 'ended', to: 'active' },
    });
  });

  it('validates each type: item needs a product and a price, fixed windows run forward', async () => {
    const { fails, ownerToken, products } = await couponShop();
    const noPrice = await fails(
      'coupons.createTemplate',
      {
        name: '苹果特价',
        rule: { type: 'item', productId: products.apple.id, mode: 'price' },
        validity: { kind: 'relative', days: 7 },
      },
      ownerToken,
    );
    expect(noPrice.details!.issues).toEqual([{ path: ['rule', 'priceFen'], message: '必填' }]);
    // The apple sells at ¥12.99: a "special price" of ¥12.99 or more is a typo, not an offer.
    const dearer = await fails(
      'coupons.createTemplate',
      {
        name: '苹果特价',
        rule: { type: 'item', productId: products.apple.id, mode: 'price', priceFen: 1299 },
        validity: { kind: 'relative', days: 7 },
      },
      ownerToken,
    );
    expect(dearer.details!.issues).toEqual([
      { path: ['rule', 'priceFen'], message: '特价须低于该商品的售价' },
    ]);
    const backwards = await fails(
      'coupons.createTemplate',
      {
        name: '倒着的',
        rule: { type: 'voucher', amountFen: 500 },
        validity: { kind: 'fixed', startDate: '2026-12-31', endDate: '2026-12-01' },
      },
      ownerToken,
    );
    expect(backwards.details!.issues).toEqual([
      { path: ['validity', 'endDate'], message: '结束日期不能早于开始日期' },
    ]);
    const zhe = await fails(
      'coupons.createTemplate',
      {
        name: '10折',
        rule: { type: 'percent', payPermille: 1000 },
        validity: { kind: 'relative', days: 7 },
      },
      ownerToken,
    );
    expect(zhe.code).toBe('VALIDATION_FAILED');
  });

  it('makes a new version when the money rule changes after issue; old codes keep theirs', async () => {
    const { ok, ownerToken, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate();
    const old = await issueOne(template.id);
    const updated = await ok(
      'coupons.updateTemplate',
      { id: template.id, rule: { type: 'threshold', thresholdFen: 10000, amountFen: 1500 } },
      ownerToken,
    );
    expect(updated.version).toBe(2);
    const fresh = await issueOne(template.id);
    const order = { subtotalFen: 12000 };
    expect(
      (await ok('redemption.verify', { code: old.code, order }, cashierToken)).discountFen,
    ).toBe(2000);
    expect(
      (await ok('redemption.verify', { code: fresh.code, order }, cashierToken)).discountFen,
    ).toBe(1500);
  });

  it('refuses edits that would hurt holders of issued codes', async () => {
    const { ok, fails, ownerToken, activeTemplate, issueOne, ids } = await couponShop();
    const template = await activeTemplate({
      validity: { kind: 'fixed', startDate: '2026-11-01', endDate: '2026-12-31' },
    });
    await issueOne(template.id);
    const shorter = await fails(
      'coupons.updateTemplate',
      {
        id: template.id,
        validity: { kind: 'fixed', startDate: '2026-11-01', endDate: '2026-12-15' },
      },
      ownerToken,
    );
    expect(shorter.code).toBe('TEMPLATE_CHANGE_REFUSED');
    expect(shorter).toMatchObject({
      details: { reason: 'VALIDITY_SHRUNK' },
      message: '已发出的券会因此受损，不能这样修改：有效期只能延长',
    });
    const fewerStores = await fails(
      'coupons.updateTemplate',
      { id: template.id, storeIds: [ids.storeId] },
      ownerToken,
    );
    expect(fewerStores).toMatchObject({
      code: 'TEMPLATE_CHANGE_REFUSED',
      details: { reason: 'STORES_NARROWED' },
    });
    const longer = await ok(
      'coupons.updateTemplate',
      {
        id: template.id,
        validity: { kind: 'fixed', startDate: '2026-11-01', endDate: '2027-01-31' },
        name: '满100减20（延期）',
      },
      ownerToken,
    );
    expect(longer).toMatchObject({ name: '满100减20（延期）', version: 1 });
  });
});

describe('issuing codes', () => {
  it('issues unguessable, check-summed, distinct codes with signed QR payloads', async () => {
    const { ok, ownerToken, activeTemplate } = await couponShop();
    const template = await activeTemplate();
    const { codes } = await ok(
      'coupons.issue',
      { templateId: template.id, count: 500 },
      ownerToken,
    );
    expect(new Set(codes.map((c) => c.code)).size).toBe(500);
    for (const c of codes) {
      expect(parseCode(c.code)).toEqual({ ok: true, format: 'numeric', code: c.code });
      expect(c.display).toMatch(/^[1-9]\d{3}( \d{4}){4}$/);
      expect(c.qrPayload).toMatch(
        /^SD1\.k1\.\d{20}\.[0-9a-z]+\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{14}$/,
      );
    }
    // Not sequential: neighbours in issue order differ in many digits.
    const sorted = codes.map((c) => BigInt(c.code.slice(0, 19))).sort((a, b) => (a < b ? -1 : 1));
    const smallestGap = sorted
      .slice(1)
      .reduce((min, v, i) => (v - sorted[i]! < min ? v - sorted[i]! : min), 10n ** 19n);
    expect(smallestGap > 1000n).toBe(true);
    expect((await ok('coupons.listTemplates', {}, ownerToken))[0]!.issuedCount).toBe(500);
  });

  it('issues base32 codes when the template asks for them', async () => {
    const { ownerToken, ok, activeTemplate } = await couponShop();
    const template = await activeTemplate({ codeFormat: 'base32' });
    const { codes } = await ok('coupons.issue', { templateId: template.id, count: 20 }, ownerToken);
    for (const c of codes) {
      expect(parseCode(c.display.toLowerCase())).toMatchObject({
        ok: true,
        format: 'base32',
        code: c.code,
      });
      expect(c.display).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-.$/);
    }
  });

  it('honours the total and per-customer limits, writing nothing when refused', async () => {
    const { ok, fails, ownerToken, activeTemplate } = await couponShop();
    const template = await activeTemplate({ totalIssueLimit: 10, perCustomerLimit: 2 });
    await ok('coupons.issue', { templateId: template.id, count: 8 }, ownerToken);
    expect(
      await fails('coupons.issue', { templateId: template.id, count: 3 }, ownerToken),
    ).toMatchObject({
      code: 'ISSUE_LIMIT_REACHED',
      details: { remaining: 2 },
    });
    await ok(
      'coupons.issue',
      { templateId: template.id, count: 2, phone: '138 1234 5678' },
      ownerToken,
    );
    const template2 = await activeTemplate({ name: '每人两张', perCustomerLimit: 2 });
    await ok(
      'coupons.issue',
      { templateId: template2.id, count: 2, phone: '+8613812345678' },
      ownerToken,
    );
    expect(
      (
        await fails(
          'coupons.issue',
          { templateId: template2.id, count: 1, phone: '13812345678' },
          ownerToken,
        )
      ).code,
    ).toBe('CUSTOMER_ISSUE_LIMIT_REACHED');
    expect((await ok('coupons.listTemplates', {}, ownerToken)).map((t) => t.issuedCount)).toEqual([
      2, 10,
    ]);
    const badPhone = await fails(
      'coupons.issue',
      { templateId: template2.id, count: 1, phone: '12345' },
      ownerToken,
    );
    expect(badPhone.details!.issues).toEqual([
      { path: ['phone'], message: '请输入 11 位大陆手机号' },
    ]);
  });

  it('ends an N-day code at the end of the local day in Asia/Shanghai, whatever the PC zone', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const { ok, ownerToken, activeTemplate, clock } = await couponShop();
      // 07:30 UTC is 15:30 on the 21st in Shanghai but 23:30 on the 20th in Los Angeles. Day one
      // is the store's 21st, so three days end at midnight after the 23rd, Shanghai time.
      clock.set(Date.UTC(2026, 10, 21, 7, 30));
      const template = await activeTemplate({ validity: { kind: 'relative', days: 3 } });
      const { codes } = await ok(
        'coupons.issue',
        { templateId: template.id, count: 1 },
        ownerToken,
      );
      expect(codes[0]!.validUntil).toBe(endOfLocalDay('2026-11-23', 'Asia/Shanghai'));
      expect(codes[0]!.validUntil).toBe(Date.UTC(2026, 10, 23, 15, 59, 59, 999));
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe('spend X, get a coupon at the till', () => {
  it('issues one code of each template whose spend rule the sale meets', async () => {
    const { ok, cashierToken, activeTemplate } = await couponShop();
    await activeTemplate({
      name: '满200送10元券',
      rule: { type: 'voucher', amountFen: 1000 },
      issueOnSpendFen: 20000,
    });
    await activeTemplate({
      name: '满500送50元券',
      rule: { type: 'voucher', amountFen: 5000 },
      issueOnSpendFen: 50000,
    });
    await activeTemplate({ name: '不随单发放' });
    expect(await ok('coupons.issueForSale', { saleTotalFen: 19999 }, cashierToken)).toEqual([]);
    const earned = await ok(
      'coupons.issueForSale',
      { saleTotalFen: 20000, phone: '13800001111' },
      cashierToken,
    );
    expect(earned.map((c) => c.templateName)).toEqual(['满200送10元券']);
    expect(earned[0]!.qrPayload).toMatch(/^SD1\./);
    const both = await ok('coupons.issueForSale', { saleTotalFen: 60000 }, cashierToken);
    expect(both.map((c) => c.templateName).sort()).toEqual(['满200送10元券', '满500送50元券']);
  });
});
