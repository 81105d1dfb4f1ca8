import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { addDays, localDate, parseLocalDateTime } from '../../src-shared/time';
import { DEMO_STAFF_PIN } from '../../src-shared/auth/demo';
import { callApi, loginAs, screenshot } from '../support/e2e-app';
import { openNewShopAsOwner } from '../support/e2e-first-day';
import { cloudForThisFile } from '../support/e2e-cloud';
import { serverForThisFile } from '../support/e2e-server';

// 精准营销 (issue 25) in the demo shop, paired with a real cloud: a manager builds
// "lapsed 30 days, bought 饮料", sees the live count, writes a text that the checker refuses
// until the 【签名】 and the unsubscribe text are there, creates the campaign (recipients frozen,
// 10 % held out) and sends it at a test-clock time inside 08:00–20:00. The SMS gateway gets
// exactly the treatment arm, once each; a reply "R" suppresses that phone; three recipients redeem
// the placed coupon at the till, and the results page shows them with the lift and its interval.
test.describe.configure({ timeout: 300_000 });
const server = serverForThisFile({ testClock: true });
const cloud = cloudForThisFile({ testClock: true });

/** The demo merchant's first store manager. */
const MANAGER = '王芳';
const ZONE = 'Asia/Shanghai';

/** How far both clocks move so that it is between 10:00 and 19:00 in Shanghai. */
function intoSendingHours(now: number): number {
  const hour = new Date(now + 8 * 3600_000).getUTCHours();
  if (hour >= 10 && hour < 19) return 0;
  const today = localDate(now, ZONE);
  return parseLocalDateTime(`${hour < 10 ? today : addDays(today, 1)} 10:00`, ZONE)! - now;
}

test('a manager texts "lapsed 30 days, bought 饮料"; the gateway gets the treatment arm; R suppresses; redemptions show in the lift', async ({
  page,
}) => {
  const shift = intoSendingHours(Date.now());
  if (shift) {
    await server.advanceClock(shift);
    await cloud.advanceClock(shift);
  }
  // The demo shop: the demo merchant's 60 days of sales, half its customers members with consent.
  await openNewShopAsOwner(page, server.url);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  await page.getByRole('button', { name: '打开演示店' }).click();
  await page
    .getByRole('dialog', { name: '打开演示店？' })
    .getByRole('button', { name: '打开演示店' })
    .click();
  await expect(page.getByText('这是演示店，数据都是虚构的')).toBeVisible({ timeout: 120_000 });
  // A store manager of the demo merchant.
  await page.getByPlaceholder('搜索员工姓名').fill(MANAGER);
  await loginAs(page, MANAGER, DEMO_STAFF_PIN);
  const call = <T>(method: string, input: unknown) => callApi<T>(page, server.url, method, input);
  const template = await call<{ id: string }>('coupons.createTemplate', {
    name: '饮料满30减5',
    rule: { type: 'threshold', thresholdFen: 3000, amountFen: 500 },
    validity: { kind: 'relative', days: 14 },
  });
  await call('coupons.setTemplateStatus', { id: template.id, status: 'active' });
  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: '鲜果优选',
    code: 'XGYX-25',
  });
  await call('sync.pair', {
    cloudUrl: cloud.url,
    pairingCode: await cloud.pairingCode(merchant.id),
    deviceName: '演示总店 1 号收银机',
  });
  await call('sync.now', {});

  // 营销设置: the registered signature, once.
  await page.getByRole('menuitem', { name: '精准营销' }).click();
  await page.getByRole('tab', { name: '营销设置' }).click();
  const settings = page.getByTestId('outreach-settings');
  await settings.getByLabel('短信签名').fill('鲜果优选');
  await settings.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('营销设置已保存')).toBeVisible();

  // 人群: lapsed 30 days, bought 饮料; the count follows the rules as they are edited.
  await page.getByRole('tab', { name: '人群' }).click();
  const total = page.getByTestId('preview-total');
  await expect(total).toBeVisible({ timeout: 30_000 });
  const everyone = Number((await total.innerText()).replace(/\D/g, ''));
  await page.getByLabel('近 N 天未到店').fill('30');
  await page.getByLabel('买过 选择品类', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: '饮料' }).click();
  await page.keyboard.press('Escape');
  const expected = await call<{ total: number; reachable: number }>('audiences.preview', {
    rules: { lapsedDays: 30, bought: { categories: ['饮料'], days: 90 } },
  });
  expect(expected.total).toBeLessThan(everyone);
  expect(everyone).toBeGreaterThan(1000);
  expect(expected.reachable).toBeGreaterThan(20);
  await expect(total).toContainText(expected.total.toLocaleString('en-US'));
  await expect(page.getByTestId('preview-reachable')).toContainText(
    expected.reachable.toLocaleString('en-US'),
  );
  await screenshot(page, 'outreach-audience', { fullPage: false });

  // 新建活动: the checker names what the text lacks, then lets it through.
  await page.getByRole('button', { name: '用这些条件新建活动' }).click();
  const form = page.getByTestId('campaign-form');
  await form.getByLabel('活动名称').fill('饮料回店礼');
  await form.getByLabel('随短信发放的券').click();
  await page.locator('.ant-select-item-option', { hasText: '饮料满30减5' }).click();
  await form
    .getByLabel('短信内容')
    .fill('好久不见！饮料满30减5券已放入您的会员钱包，到店出示即可使用。');
  const broken = page.getByTestId('checker-broken');
  await expect(broken).toContainText('缺少【签名】');
  await expect(broken).toContainText('缺少退订提示');
  await screenshot(page, 'outreach-checker-refuses', { fullPage: false });
  await form.getByRole('button', { name: /插入签名/ }).click();
  await expect(broken).not.toContainText('缺少【签名】');
  await form.getByRole('button', { name: /插入退订提示/ }).click();
  await expect(page.getByTestId('checker-ok')).toBeVisible();
  await expect(page.getByTestId('checker-deferred')).toHaveCount(0);
  await form.getByRole('button', { name: '创建活动' }).click();
  const treatmentCount = Number(
    (await page.getByTestId('frozen-treatment').innerText()).replace(/\D/g, ''),
  );
  const holdoutCount = Number(
    (await page.getByTestId('frozen-holdout').innerText()).replace(/\D/g, ''),
  );
  expect(treatmentCount + holdoutCount).toBe(expected.reachable);
  expect(holdoutCount).toBeGreaterThan(0);
  await page.getByTestId('campaign-send').click();
  await expect(page.getByTestId('send-confirm')).toContainText(String(treatmentCount));
  await page.getByRole('button', { name: '确认发送' }).click();
  await expect(page.getByTestId('campaign-sent')).toBeVisible();

  // The gateway gets exactly the treatment arm, each phone once.
  const db = new Database(path.join(server.dataDir, 'demo-shop', 'storedesk.db'), {
    readonly: true,
  });
  const { id: campaignId } = db
    .prepare("SELECT id FROM outreach_campaigns WHERE name = '饮料回店礼'")
    .get() as { id: string };
  const arm = new Map(
    (
      db
        .prepare('SELECT phone, arm FROM outreach_recipients WHERE campaign_id = ?')
        .all(campaignId) as { phone: string; arm: string }[]
    ).map((r) => [r.phone, r.arm]),
  );
  const marketing = () => cloud.texts.filter((text) => text.template === 'marketing');
  await expect.poll(() => marketing().length, { timeout: 60_000 }).toBe(treatmentCount);
  const texted = marketing().map((text) => text.to);
  expect(new Set(texted).size).toBe(treatmentCount);
  expect(texted.every((phone) => arm.get(phone) === 'treatment')).toBe(true);
  expect(marketing()[0]!.text).toMatch(/^【鲜果优选】好久不见！.*拒收请回复R$/);

  // A reply "R" suppresses that phone; the PC leaves it out after its next pull.
  expect(await cloud.reply(texted[0]!, 'R')).toMatchObject({ suppressed: 1 });
  await call('sync.now', {});
  const after = await call<{ excluded: { suppressed: number } }>('audiences.preview', {
    rules: { lapsedDays: 30, bought: { categories: ['饮料'], days: 90 } },
  });
  expect(after.excluded.suppressed).toBe(1);
  await page.getByRole('tab', { name: '人群' }).click();
  await expect(page.getByTestId('preview-excluded')).toContainText(/已退订\s*1\s*人/);

  // Three recipients come back and redeem the coupon placed in their wallet.
  const codes = db
    .prepare('SELECT code, customer_phone AS phone FROM coupons WHERE batch_id = ? LIMIT 3')
    .all(campaignId) as { code: string; phone: string }[];
  expect(codes).toHaveLength(3);
  const drink = (
    await call<{ sku: string; category: string; priceFen: number }[]>('products.list', {})
  ).find((product) => product.category === '饮料')!;
  const stores = await call<{ id: string }[]>('stores.list', {});
  await call('stock.receive', { storeId: stores[0]!.id, lines: [{ sku: drink.sku, qty: 200 }] });
  let n = 0;
  for (const { code, phone } of codes) {
    const qty = Math.ceil(3000 / drink.priceFen) + 1;
    await call('sales.record', {
      terminalSaleId: `E2E-${++n}`,
      storeId: stores[0]!.id,
      customerPhone: phone,
      couponCodes: [code],
      lines: [{ sku: drink.sku, qty, unitPriceFen: drink.priceFen }],
      tenders: [{ kind: 'cash', amountFen: qty * drink.priceFen - 500 }],
    });
  }
  db.close();

  // 活动与效果 → the campaign's results: three redeemed, the lift with its interval.
  await page.getByRole('tab', { name: '活动与效果' }).click();
  await page
    .getByTestId('campaigns-table')
    .locator('tr', { hasText: '饮料回店礼' })
    .getByRole('button', { name: '效果' })
    .click();
  const results = page.getByTestId('campaign-results');
  const arms = page.getByTestId('results-arms');
  await expect(arms).toContainText(String(treatmentCount));
  await expect(arms).toContainText(String(holdoutCount));
  const answer = await call<{
    arms: { treatment: { redeemed: number; buyers: number; delivered: number } };
    lift: { buyerRate: { low: number; high: number } | null };
  }>('campaigns.results', { campaignId });
  expect(answer.arms.treatment.redeemed).toBe(3);
  expect(answer.arms.treatment.buyers).toBeGreaterThanOrEqual(3);
  expect(answer.lift.buyerRate).not.toBeNull();
  await expect(page.getByTestId('lift-buyer-rate')).toContainText('95%');
  await expect(results).toBeVisible();
  await screenshot(page, 'outreach-results', { fullPage: true });
});
