import { expect, test } from '@playwright/test';
import { convert } from '../../src-shared/geo/coordinates';
import { screenshot } from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { PHONE_IN_NANJING, walletMerchant, type WalletMerchant } from '../support/e2e-wallet';
import { freshPhone } from '../support/phones';

// Check-in tasks on the phone (issue 26): the merchant's paired till creates, funds (fake
// provider) and publishes a task; a phone far away finds it in 附近任务, accepts it on foot with
// too little time and is warned; the till's site QR is refused before a location check-in; an
// imprecise fix is refused, a fix within the radius checks in and shows the task QR; the till
// scans it and the page turns to the reward coupon.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const cloud = cloudForThisFile();
test.use(PHONE_IN_NANJING);

/** The task's place: the merchant's store front, in GCJ-02 as Chinese maps give it. */
const TARGET = { lat: 32.0415, lng: 118.7845 };
const TITLE = '到新街口店打卡领券';

/** A WGS-84 fix (what the phone's browser gives) `metres` north of the target. */
function northOfTarget(metres: number, accuracy: number) {
  const here = convert(TARGET, 'gcj02', 'wgs84');
  return { latitude: here.lat + metres / 111_195, longitude: here.lng, accuracy };
}

/** A call of the merchant's paired till; fails unless the cloud answers ok. */
async function asTill(
  merchant: WalletMerchant,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
) {
  const response = await fetch(cloud.url + url, {
    method,
    headers: {
      authorization: `Bearer ${merchant.deviceToken}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as { ok: boolean; data: any };
  if (!answer.ok) throw new Error(`${method} ${url}: ${JSON.stringify(answer)}`);
  return answer.data;
}

/** A phone signed in through the API (the wallet cookie), location shared in the consents. */
async function signedInCookie(merchant: WalletMerchant) {
  const phone = freshPhone();
  const base = `${cloud.url}/v1/consumers/${merchant.merchantCode}`;
  const session = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, otp: await cloud.otpFor(merchant.merchantCode, phone) }),
  });
  const [name, value] = session.headers.get('set-cookie')!.split(';')[0]!.split('=') as [
    string,
    string,
  ];
  await fetch(`${base}/consents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `${name}=${value}` },
    body: JSON.stringify({ marketing: false, location: true, textShown: '授权说明' }),
  });
  return { name, value, url: `${base}/` };
}

test('far away and late on foot: warned; refused until checked in within the radius; the till’s scan gives the coupon', async ({
  browser,
}) => {
  const merchant = await walletMerchant(cloud);
  // 1.2 km away on foot is about 20 minutes; the task ends in 12.
  const task = await asTill(merchant, 'POST', '/v1/tasks', {
    title: TITLE,
    description: '到门店 100 米内定位打卡，再到收银台扫码，领满100减20券',
    target: { kind: 'point', ...TARGET, system: 'gcj02', label: '鲜果优选 新街口店门口' },
    radiusM: 100,
    startsAt: Date.now() - 60_000,
    deadlineAt: Date.now() + 12 * 60_000,
    reward: { kind: 'coupon', templateId: merchant.template.id, valueFen: 2000 },
    places: 10,
    perPerson: 1,
    onSiteRequired: true,
  });
  await asTill(merchant, 'POST', `/v1/tasks/${task.id}/fund`, { provider: 'fake' });
  await asTill(merchant, 'POST', `/v1/tasks/${task.id}/publish`);

  // A coarse network fix 1.2 km north (±900 m): the cloud measures later fixes against it, and
  // only a fix this loose lets the test reach the store seconds later at a believable speed.
  const context = await browser.newContext({
    ...PHONE_IN_NANJING,
    geolocation: northOfTarget(1200, 900),
  });
  await context.addCookies([await signedInCookie(merchant)]);
  const page = await context.newPage();

  // The wallet's way in, then the list: reward, distance, time left, places.
  await page.goto(`${cloud.url}/c/${merchant.merchantCode}/`);
  await expect(page.getByText('暂无可用的券')).toBeVisible();
  await screenshot(page, 'wallet-tasks-entry');
  await page.getByRole('button', { name: /打卡任务/ }).click();
  await expect(page.getByRole('heading', { name: '附近任务' })).toBeVisible();
  const card = page.getByRole('button', { name: TITLE });
  await expect(card).toContainText('奖励券：新客满100减20');
  await expect(card).toContainText('距你 1.2公里');
  await expect(card).toContainText(/还剩 1[01] 分钟/);
  await expect(card).toContainText('剩余 10 个名额');
  await screenshot(page, 'wallet-tasks-list');

  // The task: the way there by each mode; on foot it would be late.
  await card.click();
  await expect(page.getByRole('heading', { name: '出行方式' })).toBeVisible();
  await expect(page.getByRole('option', { name: /步行/ })).toContainText('约 20 分钟');
  await expect(page.getByRole('alert')).toContainText(
    /^步行预计 .+ 到达，晚于截止时间 .+，可能来不及$/,
  );
  await page.getByRole('option', { name: /骑行/ }).click();
  await expect(page.getByText(/^骑行预计 (\d\d-\d\d )?\d\d:\d\d 到达$/)).toBeVisible();
  await page.getByRole('option', { name: /步行/ }).click();
  await screenshot(page, 'wallet-task-offer');

  await page.getByRole('button', { name: '接受任务' }).click();
  await expect(page).toHaveURL(/\/order\/[0-9a-f-]{36}$/);
  const orderUrl = page.url();
  await expect(page.getByText('已接受，待打卡')).toBeVisible();
  const late = page.getByRole('alert');
  await expect(late).toContainText(
    /预计 (\d\d-\d\d )?\d\d:\d\d 到达，晚于截止时间 (\d\d-\d\d )?\d\d:\d\d — 可能迟到/,
  );
  await expect(late).toContainText('按步行估算');
  await expect(page.getByText('1.2公里（上次定位）')).toBeVisible();
  await screenshot(page, 'wallet-task-late');

  // The till's rotating site QR, scanned before any location check-in: refused, in words.
  const site = await asTill(
    merchant,
    'GET',
    `/v1/tasks/${task.id}/site-code?storeId=${merchant.store.id}`,
  );
  await page.goto(cloud.url + site.path);
  await expect(page.getByText('扫码核验未通过')).toBeVisible();
  await expect(page.getByText('请先在任务地点完成定位打卡，再扫码核验')).toBeVisible();
  await screenshot(page, 'wallet-task-site-refused');
  await page.getByRole('button', { name: '去定位打卡' }).click();
  await expect(page).toHaveURL(orderUrl);

  // Closer, indoors: the fix is too loose to be evidence.
  await context.setGeolocation(northOfTarget(300, 400));
  await page.getByRole('button', { name: '我已到达，定位打卡' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '定位不够精确' })).toContainText(
    '误差约 400 米，需在 150 米以内',
  );
  await screenshot(page, 'wallet-task-inaccurate');

  // At the store front: checked in; the task QR for the till.
  await context.setGeolocation(northOfTarget(20, 15));
  await page.getByRole('button', { name: '我已到达，定位打卡' }).click();
  await expect(page.getByRole('status')).toHaveText('打卡成功，请到收银台出示此码');
  await expect(page.getByText('已打卡，待核验')).toBeVisible();
  const qr = page.getByRole('region', { name: '请到收银台出示此码' }).locator('canvas.qr');
  await expect(qr).toBeVisible();
  const code = (await qr.getAttribute('data-token'))!;
  expect(code).toMatch(/^T1-[0-9a-f-]{36}-/);
  await screenshot(page, 'wallet-task-qr');

  // The till scans it: the open page turns to the reward (it asks every 3 s).
  const verified = await asTill(merchant, 'POST', '/v1/tasks/verify', { code });
  expect(verified).toMatchObject({ taskId: task.id, completedNow: true });
  await expect(page.getByText('任务完成，奖励已发放')).toBeVisible();
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
  const coupon = page.locator('article.coupon-card');
  await expect(coupon).toContainText('新客满100减20');
  await expect(page.locator('canvas.qr')).toHaveCount(0);
  await screenshot(page, 'wallet-task-reward');

  // The coupon opens as any coupon of the wallet, ready for the till.
  const couponCode = (await coupon.getAttribute('data-code'))!;
  await coupon.click();
  await expect(page).toHaveURL(new RegExp(`/coupon/${couponCode}$`));
  await expect(page.locator('canvas.qr')).toBeVisible();
  await context.close();
});
