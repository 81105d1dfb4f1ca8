import { expect, test, type Browser } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { screenshot } from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { PHONE_IN_NANJING, walletMerchant, type WalletMerchant } from '../support/e2e-wallet';
import { freshPhone } from '../support/phones';

// Sharing between phones, each its own browser context (session): A gives a coupon to B (转赠:
// A's disappears, B's has a new code, A's old code loses at the till), A shares copies (分享)
// up to the allowance: C gets one, D is told none are left; D asks nearby on a store's page, E
// (closer, same 商圈) and F are asked, E gives and D takes it.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const cloud = cloudForThisFile();
test.use(PHONE_IN_NANJING);

/**
 * A phone signed in through the API (the wallet cookie), consents answered; with `claim`, it
 * claims a coupon of the merchant's QR and opens it.
 */
async function signedInPhone(
  browser: Browser,
  merchant: WalletMerchant,
  claim = true,
  where: { latitude: number; longitude: number } = PHONE_IN_NANJING.geolocation,
) {
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
  const cookie = `${name}=${value}`;
  await fetch(`${base}/consents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ marketing: false, location: true, textShown: '授权说明' }),
  });
  const context = await browser.newContext({ ...PHONE_IN_NANJING, geolocation: where });
  await context.addCookies([
    { name, value, url: `${cloud.url}/v1/consumers/${merchant.merchantCode}/` },
  ]);
  const page = await context.newPage();
  if (!claim) return { page, code: '', context };
  const claimed = await fetch(`${base}/issuances/${merchant.issuanceId}/claim`, {
    method: 'POST',
    headers: { cookie },
  });
  const code = ((await claimed.json()) as { data: { coupon: { code: string } } }).data.coupon.code;
  await page.goto(`${cloud.url}/c/${merchant.merchantCode}/coupon/${code}`);
  return { page, code, context };
}

test('A gives a coupon to B: it leaves A’s wallet, B holds it under a new code, A’s old code loses at the till', async ({
  page,
  browser,
}) => {
  const merchant = await walletMerchant(cloud, { share: { mode: 'transfer', maxShares: null } });
  const a = await signedInPhone(browser, merchant);
  await a.page.getByRole('button', { name: '转赠给朋友' }).click();
  const link = a.page.getByTestId('share-link');
  await expect(link).toContainText('请朋友用手机扫码，或把链接发给朋友');
  const url = (await link.locator('.share-url').textContent())!;
  expect(url).toMatch(new RegExp(`/c/${merchant.merchantCode}/share/[A-Za-z0-9_-]{32}$`));
  expect(await link.locator('canvas.qr').getAttribute('data-token')).toBe(url);
  await screenshot(a.page, 'wallet-share-transfer');

  // B opens the link on their phone, not signed in: the coupon, never A's number; 领取 signs in.
  const phoneB = freshPhone();
  await page.goto(url);
  await expect(page.getByText('好友把这张券转赠给你')).toBeVisible();
  await expect(page.getByText('满100减20', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '领取这张券' }).click();
  const signIn = page.getByRole('region', { name: '手机号登录' });
  await signIn.getByLabel('手机号').fill(phoneB);
  const mark = cloud.textCount;
  await signIn.getByRole('button', { name: '获取验证码' }).click();
  await signIn.getByLabel('验证码').fill(await cloud.otpTextedTo(phoneB, mark));
  await signIn.getByRole('button', { name: '登录' }).click();
  const consents = page.getByRole('region', { name: '授权说明' });
  await consents.getByRole('button', { name: '确定并继续' }).click();
  await expect(page.getByRole('status')).toHaveText('领取成功，已放入券包');
  const received = page.locator('article.coupon-card');
  const newCode = (await received.getAttribute('data-code'))!;
  expect(newCode).not.toBe(a.code);
  await screenshot(page, 'wallet-share-accepted');

  // A's open coupon page learns it is gone (it asks every 3 s).
  await expect(a.page.getByText('券包中没有这张券（可能已转赠给朋友）')).toBeVisible({
    timeout: 10_000,
  });
  // A till that redeems A's old code (a screenshot of its QR) loses to the transfer.
  const id = uuidv7();
  const pushed = await fetch(`${cloud.url}/v1/sync/push`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${merchant.deviceToken}`,
    },
    body: JSON.stringify({
      events: [
        {
          id,
          kind: 'redemption.completed',
          entityId: id,
          occurredAt: Date.now(),
          payload: {
            id,
            code: a.code,
            templateId: merchant.template.id,
            storeId: merchant.store.id,
            terminalId: uuidv7(),
            staffId: uuidv7(),
            customerPhone: null,
            subtotalFen: 12000,
            discountFen: 2000,
            createdAt: Date.now(),
            lines: [],
          },
        },
      ],
    }),
  });
  const answer = (await pushed.json()) as { data: { results: { status: string }[] } };
  expect(answer.data.results[0]!.status).toBe('conflict');
  await a.context.close();
});

test('A shares copies with friends up to the allowance: C gets one, D is told none are left', async ({
  browser,
}) => {
  const merchant = await walletMerchant(cloud, { share: { mode: 'copy', maxShares: 1 } });
  const a = await signedInPhone(browser, merchant);
  await a.page.getByRole('button', { name: '分享给朋友（还可分享 1 次）' }).click();
  const url = (await a.page.getByTestId('share-link').locator('.share-url').textContent())!;

  const c = await signedInPhone(browser, merchant, false);
  await c.page.goto(url);
  await expect(c.page.getByText('好友分享给你一张券')).toBeVisible();
  await expect(c.page.getByText('还可领取 1 张')).toBeVisible();
  await c.page.getByRole('button', { name: '领取这张券' }).click();
  await expect(c.page.getByRole('status')).toHaveText('领取成功，已放入券包');
  await screenshot(c.page, 'wallet-share-copy');

  const d = await signedInPhone(browser, merchant, false);
  await d.page.goto(url);
  await d.page.getByRole('button', { name: '领取这张券' }).click();
  await expect(d.page.getByRole('alert')).toHaveText('这张券的分享次数已用完');
  // A keeps theirs; nothing more to share from it.
  await a.page.reload();
  await expect(a.page.locator('canvas.qr')).toBeVisible();
  await expect(a.page.getByRole('button', { name: /分享给朋友/ })).toHaveCount(0);
  for (const phone of [a, c, d]) await phone.context.close();
});

test('D asks nearby on the store’s page: E (closer, same 商圈) and F are asked, E gives, D takes it', async ({
  browser,
}) => {
  const merchant = await walletMerchant(cloud, { share: { mode: 'transfer', maxShares: null } });
  // The store is in 新街口; a second one 1.7 km north is in 鼓楼 (GCJ-02, as maps give them).
  const north = uuidv7();
  const store = (id: string, name: string, lat: number, lng: number, district: string) => ({
    kind: 'stores.changed',
    entityId: id,
    payload: {
      id,
      code: id.slice(-4),
      name,
      provinceCode: '320000',
      cityCode: '320100',
      districtCode: '320102',
      lat,
      lng,
      businessDistrict: district,
      timezone: 'Asia/Shanghai',
      active: true,
      updatedAt: Date.now() + 1,
    },
  });
  await merchant.push([
    store(merchant.store.id, merchant.store.name, merchant.store.lat, merchant.store.lng, '新街口'),
    store(north, '鼓楼店', merchant.store.lat + 0.015, merchant.store.lng, '鼓楼'),
    {
      kind: 'stores.defaultCouponChanged',
      entityId: merchant.store.id,
      payload: {
        storeId: merchant.store.id,
        templateId: merchant.template.id,
        updatedAt: Date.now(),
      },
    },
  ]);
  // Holders open their wallets (sharing their location): E 300 m from D, F near the 鼓楼 store.
  const e = await signedInPhone(browser, merchant, true, { latitude: 32.0427, longitude: 118.78 });
  const f = await signedInPhone(browser, merchant, true, { latitude: 32.055, longitude: 118.78 });
  for (const holder of [e, f]) {
    await holder.page.goto(`${cloud.url}/c/${merchant.merchantCode}/`);
    await expect(holder.page.locator('article.coupon-card')).toHaveCount(1);
  }

  const d = await signedInPhone(browser, merchant, false);
  await d.page.goto(`${cloud.url}/c/${merchant.merchantCode}/s/${merchant.store.id}`);
  await d.page.getByRole('button', { name: '向附近的人要一张' }).click();
  await expect(d.page.getByRole('status')).toContainText('已向附近 2 位持券人发出请求');

  // E sees it first in rank (same 商圈, 300 m); neither sees who asked.
  await e.page.reload();
  const asked = e.page.getByTestId('incoming-ask');
  await expect(asked).toContainText('（同一商圈）');
  await expect(asked).toContainText('距你约 300米');
  await f.page.reload();
  await expect(f.page.getByTestId('incoming-ask')).not.toContainText('同一商圈');
  await screenshot(e.page, 'wallet-ask-incoming');
  await asked.getByRole('button', { name: '送给TA' }).click();
  await expect(e.page.getByRole('status')).toHaveText('已送出，对方领取后券会转给对方');

  // D's page shows the gift within seconds; D takes it on its share page.
  const offer = d.page.getByTestId('ask-offer');
  await expect(offer).toContainText('有人送你一张「新客满100减20」', { timeout: 10_000 });
  await screenshot(d.page, 'wallet-ask-offer');
  await offer.getByRole('button', { name: '去领取' }).click();
  await d.page.getByRole('button', { name: '领取这张券' }).click();
  await expect(d.page.getByRole('status')).toHaveText('领取成功，已放入券包');
  for (const phone of [d, e, f]) await phone.context.close();
});
