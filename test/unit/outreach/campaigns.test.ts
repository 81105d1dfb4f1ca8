import { describe, expect, it } from 'vitest';
import { assignArms } from '../../../src-shared/outreach/holdout';
import { meanLift, rateLift } from '../../../src-shared/outreach/lift';
import { phoneHash } from '../../../src-node/outreach/phone-hash';
import { SuppressionLedger } from '../../../src-main/core/outreach/suppressions';
import { CASHIER_PIN } from '../../support/coupons';
import { inventoryShop } from '../../support/inventory';

const DAY = 86_400_000;

describe('holdout and lift', () => {
  it('holds out the same share of every stratum, reproducibly from the seed', () => {
    const members = Array.from({ length: 1000 }, (_, i) => ({
      key: `+86138${String(i).padStart(8, '0')}`,
      stratum: i % 4 === 0 ? 'champion' : i % 4 === 1 ? 'atRisk' : 'none',
    }));
    const arms = assignArms(members, 'seed-1', 10);
    const held = (stratum: string) =>
      members.filter((m) => m.stratum === stratum && arms.get(m.key) === 'holdout').length;
    expect([held('champion'), held('atRisk'), held('none')]).toEqual([25, 25, 50]);
    expect(assignArms(members, 'seed-1', 10)).toEqual(arms);
    const other = assignArms(members, 'seed-2', 10);
    expect([...other].filter(([k, arm]) => arms.get(k) !== arm).length).toBeGreaterThan(50);
  });

  it('gives the lift with a 95 % interval, and none when an arm is empty', () => {
    const rate = rateLift({ n: 900, hits: 180 }, { n: 100, hits: 10 })!;
    expect(rate.lift).toBeCloseTo(0.1, 10);
    expect(rate.low).toBeGreaterThan(0.03);
    expect(rate.high).toBeLessThan(0.17);
    expect(rateLift({ n: 10, hits: 1 }, { n: 0, hits: 0 })).toBeNull();
    const mean = meanLift({ n: 2, sum: 300, sumSq: 50_000 }, { n: 2, sum: 100, sumSq: 10_000 })!;
    expect(mean.lift).toBe(100);
    expect(mean.low).toBeLessThan(100);
  });
});

describe('audiences and campaigns', () => {
  it('selects by behaviour, leaves out who may not be texted, freezes and checks a campaign', async () => {
    const shop = await inventoryShop();
    const { ok, fails, ids, clock } = shop;
    let ownerToken = shop.ownerToken;
    await shop.receive('APL-1', 1000);
    await shop.receive('MLK-1', 1000);
    let n = 0;
    const sale = (phone: string, sku: string) =>
      ok(
        'sales.record',
        {
          terminalSaleId: `O-${++n}`,
          storeId: ids.storeId,
          customerPhone: phone,
          lines: [{ sku, qty: 1, unitPriceFen: 1000 }],
          tenders: [{ kind: 'cash', amountFen: 1000 }],
        },
        ownerToken,
      );
    const marketing = (granted: boolean) => [
      { purpose: 'marketingSms' as const, granted, textShown: '同意接收优惠短信' },
    ];
    // 40 milk buyers (30 members who agreed to texts, 5 who did not, 5 walk-ins) and 10 apple
    // buyers, all 40 days ago; then 5 of the milk buyers come back yesterday.
    const phone = (i: number) => `1390000${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 35; i++)
      await ok('members.create', { phone: phone(i), consents: marketing(i < 30) }, ownerToken);
    for (let i = 0; i < 40; i++) await sale(phone(i), 'MLK-1');
    for (let i = 100; i < 110; i++) await sale(phone(i), 'APL-1');
    ownerToken = await shop.later(39 * DAY);
    for (let i = 0; i < 5; i++) await sale(phone(i), 'MLK-1');
    ownerToken = await shop.later(DAY);
    const { token: cashierToken } = await ok('auth.login', {
      staffId: shop.cashier.id,
      pin: CASHIER_PIN,
    });

    const rules = { lapsedDays: 30, bought: { categories: ['乳品'], days: 365 } };
    const preview = await ok('audiences.preview', { rules }, ownerToken);
    expect(preview.total).toBe(35);
    expect(preview.reachable).toBe(25);
    expect(preview.excluded).toEqual({ noConsent: 10, suppressed: 0, frequencyCap: 0 });
    expect(preview.sample[0]!.phoneMasked).toMatch(/^139\*{4}\d{4}$/);
    const none = await ok(
      'audiences.preview',
      { rules: { ...rules, notBought: { categories: ['乳品'] } } },
      ownerToken,
    );
    expect(none.total).toBe(0);
    const saved = await ok('audiences.save', { name: '30天未到店 乳品', rules }, ownerToken);
    expect((await ok('audiences.list', {}, ownerToken)).audiences.map((a) => a.id)).toEqual([
      saved.id,
    ]);

    // The checker names every rule the text breaks, and the signature must be set first.
    await ok(
      'outreach.saveSettings',
      { signature: '鲜果超市', capPer30Days: 4, pricePerPartFen: 5, summaryPhones: [] },
      ownerToken,
    );
    const bad = await ok('campaigns.check', { text: '牛奶回来了 http://x.cn/a?u=1' }, ownerToken);
    expect(bad.ok).toBe(false);
    expect(bad.message.rules).toEqual(['signatureMissing', 'unsubscribeMissing', 'variableLink']);
    const text = '【鲜果超市】好久不见，送您一张牛奶券，已放入会员钱包。拒收请回复R';
    const good = await ok('campaigns.check', { text }, ownerToken);
    expect(good.message).toMatchObject({ rules: [], units: text.length, parts: 1 });
    // 2026-12-31 22:00 in Shanghai waits for 08:00 the next morning.
    const late = await ok(
      'campaigns.check',
      { text, sendAt: Date.UTC(2026, 11, 31, 14) },
      ownerToken,
    );
    expect(late.window).toMatchObject({ deferred: true, sendsAt: Date.UTC(2027, 0, 1, 0) });

    const campaign = await ok(
      'campaigns.create',
      { name: '牛奶唤回', rules, templateId: null, text, holdoutPct: 20 },
      ownerToken,
    );
    expect(campaign.recipients).toMatchObject({ audience: 35, treatment: 20, holdout: 5 });
    const verdict = await ok('campaigns.check', { text, campaignId: campaign.id }, ownerToken);
    expect(verdict).toMatchObject({ ok: true, costFen: 20 * 5 });
    // Not paired with a cloud: nothing leaves, the draft stays a draft.
    expect((await fails('campaigns.send', { campaignId: campaign.id }, ownerToken)).code).toBe(
      'CLOUD_NOT_PAIRED',
    );
    expect((await ok('campaigns.list', {}, ownerToken)).campaigns[0]).toMatchObject({
      state: 'draft',
    });
    // A cashier may not build audiences.
    expect((await fails('audiences.preview', { rules }, cashierToken)).code).toBe('FORBIDDEN');

    // A suppression pulled from the cloud leaves that phone out of the next count.
    new SuppressionLedger(shop.core.adb).applyRemote({
      phoneHash: phoneHash(`+86${phone(10)}`),
      signature: '鲜果超市',
      reason: 'reply',
      at: clock.now(),
    });
    const after = await ok('audiences.preview', { rules }, ownerToken);
    expect(after.excluded).toEqual({ noConsent: 10, suppressed: 1, frequencyCap: 0 });
  });
});
