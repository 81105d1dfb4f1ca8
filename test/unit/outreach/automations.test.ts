import { expect, it } from 'vitest';
import { addDays, localDate } from '../../../src-shared/time';
import { couponShop } from '../../support/coupons';
import { OWNER_PIN } from '../../support/core';

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

// The automations (issue 25): each enabled one is a campaign per local day over its own cut of
// customers — a coupon expiring in N days, a birthday today, exactly N days since the last visit
// — with the same checker and consent rules as a manager's, and never twice for one day.
it('makes one campaign a day per automation, each for its own customers', async () => {
  const shop = await couponShop();
  const { ok, fails, ids, clock } = shop;
  let token = shop.ownerToken;
  const consent = [{ purpose: 'marketingSms' as const, granted: true, textShown: '同意' }];
  const relogin = async () =>
    (token = (await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN })).token);

  // A lapsed customer: bought 60 days ago.
  await ok('members.create', { phone: '13900001001', consents: consent }, token);
  await ok('stock.receive', { storeId: ids.storeId, lines: [{ sku: 'APL-1', qty: 10 }] }, token);
  await ok(
    'sales.record',
    {
      terminalSaleId: 'W-1',
      storeId: ids.storeId,
      customerPhone: '13900001001',
      lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1000 }],
      tenders: [{ kind: 'cash', amountFen: 1000 }],
    },
    token,
  );
  clock.advance(60 * DAY);
  await relogin();
  const today = localDate(clock.now(), ZONE);
  // A birthday today; a coupon that ends in three days.
  await ok(
    'members.create',
    { phone: '13900001002', birthday: today.slice(5), consents: consent },
    token,
  );
  await ok('members.create', { phone: '13900001003', consents: consent }, token);
  const template = await ok(
    'coupons.createTemplate',
    {
      name: '三天后到期',
      rule: { type: 'voucher', amountFen: 500 },
      validity: { kind: 'fixed', startDate: today, endDate: addDays(today, 3) },
    },
    token,
  );
  await ok('coupons.setTemplateStatus', { id: template.id, status: 'active' }, token);
  await ok('coupons.issue', { templateId: template.id, count: 1, phone: '13900001003' }, token);

  // Enabling asks the checker: no signature set, no 【签名】 in the text: refused by rule.
  const text = '【鲜果超市】您好，本店有礼相送。拒收请回复R';
  const refused = await fails(
    'automations.save',
    {
      kind: 'winBack',
      enabled: true,
      templateId: null,
      text: '回来看看吧',
      days: 60,
      holdoutPct: 0,
    },
    token,
  );
  expect(refused).toMatchObject({ code: 'CAMPAIGN_CHECK_FAILED' });
  expect(refused.details!.failures).toEqual(['signatureMissing', 'unsubscribeMissing']);
  expect(refused.message).toBe(
    '短信不符合发送规则：缺少【签名】（须在短信开头或结尾）；缺少退订提示（如“拒收请回复R”）',
  );
  await ok(
    'outreach.saveSettings',
    { signature: '鲜果超市', capPer30Days: 4, pricePerPartFen: 5, summaryPhones: [] },
    token,
  );
  for (const [kind, days] of [
    ['winBack', 60],
    ['birthday', 1],
    ['expiryReminder', 3],
  ] as const)
    await ok(
      'automations.save',
      { kind, enabled: true, templateId: null, text, days, holdoutPct: 0 },
      token,
    );

  await shop.core.runAutomations();
  const campaigns = (await ok('campaigns.list', {}, token)).campaigns;
  const byKind = Object.fromEntries(campaigns.map((c) => [c.kind, c]));
  expect(Object.keys(byKind).sort()).toEqual(['birthday', 'expiryReminder', 'winBack']);
  const recipients = (kind: string) =>
    shop.core.sqlite
      .prepare('SELECT phone FROM outreach_recipients WHERE campaign_id = ?')
      .all(byKind[kind]!.id)
      .map((r) => (r as { phone: string }).phone);
  expect(recipients('winBack')).toEqual(['+8613900001001']);
  expect(recipients('birthday')).toEqual(['+8613900001002']);
  expect(recipients('expiryReminder')).toEqual(['+8613900001003']);
  // Not paired: each stays a draft, sent by a later pass; a second pass today makes no more.
  expect(campaigns.every((c) => c.state === 'draft')).toBe(true);
  await shop.core.runAutomations();
  expect((await ok('campaigns.list', {}, token)).campaigns).toHaveLength(3);
  expect((await ok('automations.list', {}, token)).automations.map((a) => a.lastRunDay)).toEqual([
    today,
    today,
    today,
  ]);
  // Tomorrow: nobody's birthday, no coupon three days from its end, nobody lapsed 60 days: the
  // day is marked as run, and no empty campaign is made.
  clock.advance(DAY);
  await relogin();
  await shop.core.runAutomations();
  expect((await ok('campaigns.list', {}, token)).campaigns).toHaveLength(3);
  const tomorrow = localDate(clock.now(), ZONE);
  expect((await ok('automations.list', {}, token)).automations.map((a) => a.lastRunDay)).toEqual([
    tomorrow,
    tomorrow,
    tomorrow,
  ]);
});
