import { expect, test, type Page } from '@playwright/test';
import { callApi, loginAs, scan, screenshot, setUpShop } from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { serverForThisFile } from '../support/e2e-server';
import { PHONE_IN_NANJING } from '../support/e2e-wallet';
import { freshPhone } from '../support/phones';

// 营销 → 领券二维码 at a shop paired with a real cloud: an issuance QR created, shown with its
// URL and paused; a store's fixed QR given a default coupon; the A4 poster previewed. Then the
// whole journey: a phone claims from that QR, the till scans the phone and redeems, the phone
// says 已使用, and the phone's member code picks the member at the till.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
const server = serverForThisFile();
const cloud = cloudForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const issuanceRow = (page: Page, title: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row', { hasText: title });

test('a manager creates an issuance QR, sees its QR and URL, pauses it and sets a store QR coupon', async ({
  page,
}) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'xgyx-03',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  const call = <T>(method: string, input: unknown) => callApi<T>(page, server.url, method, input);
  const template = await call<{ id: string }>('coupons.createTemplate', {
    name: '满100减20',
    rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
    validity: { kind: 'relative', days: 30 },
    // Customers may share copies with friends (the wallet's 分享给朋友).
    share: { mode: 'copy', maxShares: 3 },
  });
  await call('coupons.setTemplateStatus', { id: template.id, status: 'active' });

  // Not paired yet: the page says the QR codes need the cloud, and links to 云端同步.
  await page.getByRole('menuitem', { name: '领券二维码' }).click();
  await expect(page).toHaveURL(/#\/claim-qr$/);
  const notice = page.getByTestId('claims-need-cloud');
  await expect(notice).toContainText('领券二维码需要云端');
  await expect(page.getByRole('button', { name: '新建领券二维码' })).toBeDisabled();
  // The whole manager's menu, one entry longer, still fits at 1366×768.
  const nav = page.getByRole('navigation', { name: '功能菜单' });
  expect(await nav.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  await screenshot(page, 'claim-qr-unpaired', { fullPage: false });
  await notice.getByRole('button', { name: '前往云端同步' }).click();
  await expect(page).toHaveURL(/#\/sync$/);

  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: '鲜果优选',
    code: 'XGYX-03',
  });
  await call('sync.pair', {
    cloudUrl: cloud.url,
    pairingCode: await cloud.pairingCode(merchant.id),
    deviceName: '新街口店 1 号收银机',
  });
  // The first round with the cloud, done before the form opens (its pull refreshes the lists).
  await call('sync.now', {});
  await page.getByRole('menuitem', { name: '领券二维码' }).click();
  await expect(page.getByTestId('claims-need-cloud')).toHaveCount(0);

  // A new issuance QR through the form.
  await page.getByRole('button', { name: '新建领券二维码' }).click();
  const form = page.getByTestId('issuance-form');
  // The active templates load as the form opens: choose again until the choice holds.
  const chosen = form.locator('.ant-select-content-has-value[title="满100减20"]');
  await expect(async () => {
    await form.getByLabel('券模板').click();
    await page.locator('.ant-select-item-option', { hasText: '满100减20' }).click();
    await expect(chosen).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await form.getByLabel('活动标题').fill('开业扫码领券');
  await form.getByLabel('发放总数').fill('200');
  await form.getByLabel('每人可领').fill('1');
  await expect(chosen).toBeVisible();
  await page.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText('已创建“开业扫码领券”')).toBeVisible();

  const row = issuanceRow(page, '开业扫码领券');
  await expect(row.getByTestId('issuance-status')).toHaveText('进行中');
  await expect(row.getByTestId('issuance-progress')).toContainText('已领 0 / 200');
  const url = await row.getByTestId('issuance-url').innerText();
  expect(url).toMatch(new RegExp(`^${cloud.url}/c/XGYX-03/i/[0-9a-f-]{36}$`));
  await expect(row.getByRole('img', { name: '开业扫码领券' })).toBeVisible();
  await screenshot(page, 'claim-qr-issuance', { fullPage: false });

  await row.getByRole('button', { name: '暂停' }).click();
  await expect(row.getByTestId('issuance-status')).toHaveText('已暂停');
  await expect(row.getByRole('button', { name: '恢复' })).toBeVisible();

  // The store's fixed QR gives 满100减20 from now on.
  const stores = page.getByTestId('store-qrs');
  await stores.getByLabel('扫码可领').click();
  await page.locator('.ant-select-item-option', { hasText: '满100减20' }).last().click();
  await expect(page.getByText('的二维码现在发放“满100减20”')).toBeVisible();
  const [store] = await call<{ id: string }[]>('stores.list', {});
  await expect(stores).toContainText(`${cloud.url}/c/XGYX-03/s/${store!.id}`);
  await expect(stores.getByRole('img', { name: '鲜果优选 新街口店' })).toBeVisible();
  await stores.scrollIntoViewIfNeeded();
  await screenshot(page, 'claim-qr-stores', { fullPage: true });

  // The A4 poster of the issuance, previewed before printing.
  await row.getByRole('button', { name: 'A4 海报' }).click();
  const poster = page.locator('.ant-modal').getByTestId('claim-poster');
  await expect(poster).toContainText('开业扫码领券');
  await expect(poster).toContainText('每人限领 1 张 · 共 200 张');
  await expect(poster.getByRole('img')).toBeVisible();
  await screenshot(page, 'claim-qr-poster', { fullPage: false });
  await page.getByRole('button', { name: '取消' }).click();

  // Its slip: no slip printer here, so the slip is previewed with the printers page and A4 offered.
  await row.getByRole('button', { name: '打印小票' }).click();
  const slip = page.locator('.ant-modal', { hasText: '领券二维码小票' });
  await expect(slip).toContainText('开业扫码领券');
  await expect(slip).toContainText('每人限领 1 张 · 共 200 张');
  await screenshot(page, 'claim-qr-slip', { fullPage: false });
  await slip.locator('.ant-modal-close').click();

  // The cloud took both kinds of event (no dead letters), as the catalogue promises.
  const status = await call<{ deadLetterCount: number; pendingCount: number }>('sync.now', {});
  expect(status).toMatchObject({ deadLetterCount: 0, pendingCount: 0 });
});

test("a phone claims from the desktop's QR; the till scans the phone, redeems, and the phone says 已使用", async ({
  page,
  browser,
}) => {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
  const call = <T>(method: string, input: unknown) => callApi<T>(page, server.url, method, input);
  await page.getByRole('menuitem', { name: '领券二维码' }).click();
  const row = issuanceRow(page, '开业扫码领券');
  await row.getByRole('button', { name: '恢复' }).click();
  await expect(row.getByTestId('issuance-status')).toHaveText('进行中');
  const claimUrl = await row.getByTestId('issuance-url').innerText();
  // The phone's owner signed up as a member at this till last week.
  const phone = freshPhone();
  await call('members.create', { phone, name: '李小梅' });
  await call('sync.now', {});

  // The phone opens the QR's URL, signs in with the texted code, and the coupon is in its wallet.
  const phoneContext = await browser.newContext(PHONE_IN_NANJING);
  const phonePage = await phoneContext.newPage();
  await phonePage.goto(claimUrl);
  await expect(phonePage.getByRole('heading', { name: '开业扫码领券' })).toBeVisible();
  await phonePage.getByRole('button', { name: '立即领取' }).click();
  const signIn = phonePage.getByRole('region', { name: '手机号登录' });
  await signIn.getByLabel('手机号').fill(phone);
  const mark = cloud.textCount;
  await signIn.getByRole('button', { name: '获取验证码' }).click();
  await signIn.getByLabel('验证码').fill(await cloud.otpTextedTo(phone, mark));
  await signIn.getByRole('button', { name: '登录' }).click();
  await phonePage
    .getByRole('region', { name: '授权说明' })
    .getByRole('button', { name: '确定并继续' })
    .click();
  await expect(phonePage.getByRole('status')).toHaveText('领取成功，已放入券包');
  const code = (await phonePage.locator('article.coupon-card').getAttribute('data-code'))!;
  await phonePage.getByRole('button', { name: '查看我的券包' }).click();
  await phonePage.locator(`article.coupon-card[data-code="${code}"]`).click();
  const token = (await phonePage.locator('canvas.qr').getAttribute('data-token'))!;
  expect(token).toMatch(/^SD1\./);
  // She shares a copy with a friend, who takes it on their own phone.
  await phonePage.getByRole('button', { name: '分享给朋友（还可分享 3 次）' }).click();
  const shareUrl = new URL(
    (await phonePage.getByTestId('share-link').locator('.share-url').textContent())!,
  );
  const friend = freshPhone();
  const merchantPath = shareUrl.pathname
    .split('/')
    .slice(0, 3)
    .join('/')
    .replace('/c/', '/v1/consumers/');
  const session = await fetch(`${cloud.url}${merchantPath}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      phone: friend,
      otp: await cloud.otpFor(shareUrl.pathname.split('/')[2]!, friend),
    }),
  });
  const friendCookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const shareToken = shareUrl.pathname.split('/').pop();
  const accepted = await fetch(`${cloud.url}${merchantPath}/shares/${shareToken}/accept`, {
    method: 'POST',
    headers: { cookie: friendCookie },
  });
  expect(((await accepted.json()) as { ok: boolean }).ok).toBe(true);

  // The desktop hears of the claim at its next sync: the row counts it.
  await call('sync.now', {});
  await page.reload();
  await expect(issuanceRow(page, '开业扫码领券').getByTestId('issuance-progress')).toContainText(
    '已领 1 / 200',
  );

  // The till scans the phone's QR (the imager types the signed token) and redeems it.
  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await page.getByLabel('订单金额（元）').fill('120');
  await scan(page, token);
  await expect(page.getByTestId('order-summary')).toContainText('可以使用');
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥20.00');
  await page.getByRole('button', { name: /确认核销/ }).click();
  await expect(page.getByTestId('redemption-success')).toContainText('核销成功');
  await screenshot(page, 'claim-qr-journey-redeemed', { fullPage: false });

  // Once the redemption reaches the cloud, the phone's open coupon says 已使用 within 5 s.
  const status = await call<{ pendingCount: number; deadLetterCount: number }>('sync.now', {});
  expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });
  await expect(phonePage.locator('.coupon-used')).toContainText('已使用', { timeout: 5_000 });
  await expect(phonePage.locator('.coupon-used')).toContainText('鲜果优选 新街口店');
  await screenshot(phonePage, 'claim-qr-journey-phone-used');

  // The wallet carries the member card; its member code, scanned at the till, picks the member.
  await phonePage.getByRole('button', { name: '返回券包' }).click();
  await expect(phonePage.getByRole('region', { name: '会员卡' })).toContainText('李小梅');
  await phonePage.getByRole('button', { name: '出示会员码' }).click();
  const memberCode = (await phonePage.locator('canvas.qr').getAttribute('data-token'))!;
  expect(memberCode).toMatch(/^SDM1\./);
  await screenshot(phonePage, 'claim-qr-journey-member-code');
  await page.getByRole('menuitem', { name: '销售录单' }).click();
  await page.getByLabel('手机号、后 4 位或扫会员码').click();
  await scan(page, memberCode);
  await expect(page.getByTestId('till-member')).toContainText('李小梅');
  await phoneContext.close();

  // 优惠券 → 分享记录: her claim (now redeemed) gave the friend's copy (unused yet).
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await page
    .locator('.ant-table-tbody tr', { hasText: '满100减20' })
    .getByRole('button', { name: '分享记录' })
    .click();
  const counts = page.getByTestId('share-counts');
  await expect(counts).toContainText('扫码领取1');
  await expect(counts).toContainText('分享复制1');
  const tree = page.getByTestId('share-tree');
  await expect(tree).toContainText('已核销');
  await expect(tree).toContainText('第 1 手');
  await expect(tree).toContainText('未使用');
  await screenshot(page, 'coupons-share-tree', { fullPage: false });
});
