import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate, parseLocalDateTime, addDays } from '../../../src-shared/time';
import {
  CLOUD_START_TIMEOUT_MS,
  describeOnEachBackend,
  startCloud,
  type TestCloud,
} from '../../support/cloud';
import { OWNER_PIN } from '../../support/core';
import { pairedShop } from '../../support/sync';

// Outreach from a real paired PC (issue 25): a campaign frozen on the desktop goes to the cloud,
// which places the offer in each treated phone's wallet and texts each of them once; the holdout
// gets nothing. A reply "R" suppresses that phone, and the PC leaves it out at its next pull. A
// recipient who redeems the placed coupon shows in the results with the lift.

const CALLBACK_TOKEN = 'provider-callback-token-0123456789';
const SIGNATURE = '鲜果超市';
const TEXT = `【${SIGNATURE}】会员专享满100减20券已放入您的钱包。拒收请回复R`;

/** Moves the cloud's clock to the next 10:00 in Shanghai when it is outside 08:00–19:00. */
function intoSendingHours(cloud: TestCloud) {
  const now = cloud.clock.now();
  const hour = new Date(now + 8 * 3600_000).getUTCHours();
  if (hour >= 8 && hour < 19) return;
  const today = localDate(now, 'Asia/Shanghai');
  const day = hour < 8 ? today : addDays(today, 1);
  cloud.clock.advance(parseLocalDateTime(`${day} 10:00`, 'Asia/Shanghai')! - now);
}

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeOnEachBackend('outreach from the desktop', (backend) => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startCloud(backend, {
      config: (config) => {
        config.sms = { ...config.sms, callbackToken: CALLBACK_TOKEN };
        config.outreach = { ...config.outreach, pollEveryMs: 20, sendRatePerSecond: 0 };
      },
    });
  }, CLOUD_START_TIMEOUT_MS);
  afterAll(() => cloud?.close(), CLOUD_START_TIMEOUT_MS);

  it('texts the treatment arm once with the offer in the wallet; an R suppresses; a redemption shows in the lift', async () => {
    intoSendingHours(cloud);
    const merchant = await cloud.newMerchant();
    const shop = await pairedShop(cloud, merchant.id, '一号店');
    const template = await shop.activeTemplate();
    shop.clock.set(cloud.clock.now());
    const { token } = await shop.ok('auth.login', { staffId: shop.ids.ownerId, pin: OWNER_PIN });
    const syncNow = () => shop.ok('sync.now', {}, token);
    const phones = Array.from({ length: 10 }, (_, i) => `1390013${String(9000 + i)}`);
    for (const phone of phones)
      await shop.ok(
        'members.create',
        {
          phone,
          consents: [{ purpose: 'marketingSms', granted: true, textShown: '同意接收优惠短信' }],
        },
        token,
      );
    await shop.ok(
      'outreach.saveSettings',
      { signature: SIGNATURE, capPer30Days: 4, pricePerPartFen: 5, summaryPhones: [] },
      token,
    );
    await syncNow();

    const campaign = await shop.ok(
      'campaigns.create',
      { name: '会员回馈', rules: {}, templateId: template.id, text: TEXT, holdoutPct: 20 },
      token,
    );
    expect(campaign.recipients).toMatchObject({ audience: 10, treatment: 8, holdout: 2 });
    const arms = new Map(
      (
        shop.core.sqlite
          .prepare('SELECT phone, arm FROM outreach_recipients WHERE campaign_id = ?')
          .all(campaign.id) as { phone: string; arm: string }[]
      ).map((r) => [r.phone, r.arm]),
    );
    const sent = await shop.ok('campaigns.send', { campaignId: campaign.id }, token);
    expect(sent.state).toBe('sending');
    expect((await shop.fails('campaigns.send', { campaignId: campaign.id }, token)).code).toBe(
      'CAMPAIGN_NOT_DRAFT',
    );

    // Exactly the treatment arm, once each, with the text as written.
    const marketing = () => cloud.texts.filter((t) => t.template === 'marketing');
    await until(
      () => marketing().length,
      (n) => n >= 8,
      'eight texts',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const texted = marketing().map((t) => t.to);
    expect(texted.length).toBe(8);
    expect(new Set(texted).size).toBe(8);
    expect(texted.every((to) => arms.get(to) === 'treatment')).toBe(true);
    expect(marketing()[0]!.text).toBe(TEXT);

    // The offers were placed in the wallets and reach the PC as codes of the campaign.
    await syncNow();
    const placed = shop.core.sqlite
      .prepare('SELECT code, customer_phone AS phone FROM coupons WHERE batch_id = ?')
      .all(campaign.id) as { code: string; phone: string }[];
    expect(placed.map((p) => p.phone).sort()).toEqual([...texted].sort());

    // A reply "R" from one phone suppresses it for this signature; the PC learns it at its pull.
    const replied = await cloud.request('POST', '/v1/sms/replies', {
      token: CALLBACK_TOKEN,
      body: { replies: [{ phone: texted[0]!.slice(3), text: ' r ' }] },
    });
    expect(replied.body).toMatchObject({ ok: true, data: { accepted: 1, suppressed: 1 } });
    const wrongToken = await cloud.request('POST', '/v1/sms/replies', {
      token: 'not-the-provider',
      body: { replies: [{ phone: texted[1]!, text: 'R' }] },
    });
    expect(wrongToken.status).toBe(401);
    await syncNow();
    const preview = await shop.ok('audiences.preview', { rules: {} }, token);
    expect(preview.excluded.suppressed).toBe(1);

    // Two recipients redeem their coupon with a purchase (a minute later: the cloud placed the
    // coupons on its own running clock); one of the holdout buys too.
    shop.clock.set(cloud.clock.now() + 60_000);
    let n = 0;
    const buy = (phone: string, couponCodes: string[] = []) =>
      shop.ok(
        'sales.record',
        {
          terminalSaleId: `C-${++n}`,
          storeId: shop.ids.storeId,
          customerPhone: phone,
          couponCodes,
          lines: [{ sku: 'APL-1', qty: 10, unitPriceFen: 1200 }],
          tenders: [{ kind: 'cash', amountFen: 12_000 - (couponCodes.length ? 2000 : 0) }],
        },
        token,
      );
    await shop.ok(
      'stock.receive',
      { storeId: shop.ids.storeId, lines: [{ sku: 'APL-1', qty: 100 }] },
      token,
    );
    for (const { code, phone } of placed.slice(0, 2)) await buy(phone, [code]);
    const held = [...arms].find(([, arm]) => arm === 'holdout')![0];
    await buy(held);

    const results = await shop.ok('campaigns.results', { campaignId: campaign.id }, token);
    expect(results.arms.treatment).toMatchObject({
      recipients: 8,
      placed: 8,
      redeemed: 2,
      buyers: 2,
      revenueFen: 20_000,
    });
    expect(results.arms.holdout).toMatchObject({ recipients: 2, sent: 0, redeemed: 0, buyers: 1 });
    expect(results.arms.treatment.sent).toBe(8);
    // 2/8 against 1/2: a negative lift here, with an interval around it.
    expect(results.lift.buyerRate!.lift).toBeCloseTo(0.25 - 0.5, 10);
    expect(results.lift.buyerRate!.low).toBeLessThan(results.lift.buyerRate!.lift);
    // Eight texts of one part at 5 fen, and the two coupons' ¥20 off each.
    expect(results).toMatchObject({
      smsCostFen: 8 * 5,
      discountFen: 2 * 2000,
      costFen: 8 * 5 + 2 * 2000,
      costPerExtraRedemptionFen: Math.round((8 * 5 + 2 * 2000) / 2),
    });
    expect(results.sending).toMatchObject({ sent: 8, placed: 8 });

    // The manager's daily stock summary: apples are short of their low level; the manager's own
    // phone gets it once a day through the same provider.
    await shop.ok(
      'alerts.setThresholds',
      {
        target: { productId: shop.products.apple.id, storeId: shop.ids.storeId },
        lowLevel: 500,
        highLevel: null,
        slowDays: null,
      },
      token,
    );
    await shop.ok(
      'outreach.saveSettings',
      {
        signature: SIGNATURE,
        capPer30Days: 4,
        pricePerPartFen: 5,
        summaryPhones: ['+8613700137000'],
      },
      token,
    );
    await shop.core.runAutomations();
    await shop.core.runAutomations();
    // The PC's clock runs a minute ahead of the cloud's here (see above): the text waits for it.
    cloud.clock.advance(60_000);
    const summaries = () => cloud.texts.filter((t) => t.to === '+8613700137000');
    await until(
      () => summaries().length,
      (n) => n >= 1,
      'the daily summary',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(summaries()).toHaveLength(1);
    expect(summaries()[0]!.text).toMatch(
      /^【鲜果超市】\d{4}-\d{2}-\d{2} 库存日报 缺货预警：红富士苹果.*建议补货/,
    );
  });
});
