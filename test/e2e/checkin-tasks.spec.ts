import { expect, test, type Browser, type Page } from '@playwright/test';
import { convert } from '../../src-shared/geo/coordinates';
import {
  addStaff,
  callApi,
  loginAs,
  logout,
  scan,
  screenshot,
  setUpShop,
} from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { serverForThisFile } from '../support/e2e-server';
import { PHONE_IN_NANJING } from '../support/e2e-wallet';
import { freshPhone } from '../support/phones';

// 营销 → 打卡任务 (issue 26) at a shop paired with a real cloud: a manager writes a task for the
// shop's store through the form (a 5 m radius named by its rule, an unlocated store named by the
// cloud), funds it with 模拟支付 and publishes it; a phone (mobile context, geolocation set)
// accepts it 5 km away with half an hour to go and is warned, and after a sync the desktop says
// 可能迟到 in a notification and in the orders drawer; the phone moves to the store and checks in,
// the till scans its task QR: the reward is released from the pool and shows on the phone.
test.describe.configure({ timeout: 240_000 });
const server = serverForThisFile();
const cloud = cloudForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const MANAGER = { name: '刘店长', role: '店长' as const, pin: '314159' };
const MERCHANT_CODE = 'DKRW-26';
/** The store, as 高德 (GCJ-02) gives it: 新街口. */
const STORE_AT = { lat: 32.0415, lng: 118.7845 };
const TITLE = '新街口打卡领券';

/** A WGS-84 fix (what a phone's browser gives) `metres` north of the store. */
function northOfStore(metres: number, accuracy: number) {
  const here = convert(STORE_AT, 'gcj02', 'wgs84');
  return { latitude: here.lat + metres / 111_195, longitude: here.lng, accuracy };
}

/** A phone signed in to the merchant's wallet (its cookie), location shared in its consents. */
async function phoneAt(browser: Browser, where: ReturnType<typeof northOfStore>) {
  const phone = freshPhone();
  const base = `${cloud.url}/v1/consumers/${MERCHANT_CODE}`;
  const session = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, otp: await cloud.otpFor(MERCHANT_CODE, phone) }),
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
  const context = await browser.newContext({ ...PHONE_IN_NANJING, geolocation: where });
  await context.addCookies([{ name, value, url: `${base}/` }]);
  return context.newPage();
}

const taskRow = (page: Page) =>
  page.locator('.ant-table-tbody tr.ant-table-row', { hasText: TITLE });
/** A time in the store's zone (Asia/Shanghai, no daylight saving) as the picker reads it. */
const shanghai = (at: number) =>
  new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

test('a manager creates, funds and publishes a check-in task; a late phone is announced; the till’s scan releases its reward', async ({
  page,
  browser,
}) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'xgyx-26',
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
  });
  await call('coupons.setTemplateStatus', { id: template.id, status: 'active' });
  await addStaff(page, MANAGER);
  await logout(page);
  await loginAs(page, MANAGER.name, MANAGER.pin);

  // Not paired yet: the page says tasks need the cloud, and links to 云端同步.
  await page.getByRole('menuitem', { name: '打卡任务' }).click();
  await expect(page).toHaveURL(/#\/tasks$/);
  await expect(page.getByTestId('tasks-need-cloud')).toContainText('打卡任务需要云端');
  await expect(page.getByRole('button', { name: '新建打卡任务' })).toBeDisabled();
  // The manager's menu, one entry longer, still fits at 1366×768.
  const nav = page.getByRole('navigation', { name: '功能菜单' });
  expect(await nav.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  await screenshot(page, 'tasks-unpaired', { fullPage: false });
  await page.getByTestId('tasks-need-cloud').getByRole('button', { name: '前往云端同步' }).click();
  await expect(page).toHaveURL(/#\/sync$/);

  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: '鲜果优选',
    code: MERCHANT_CODE,
  });
  await call('sync.pair', {
    cloudUrl: cloud.url,
    pairingCode: await cloud.pairingCode(merchant.id),
    deviceName: '新街口店 1 号收银机',
  });
  await call('sync.now', {});
  await page.getByRole('menuitem', { name: '打卡任务' }).click();
  await expect(page.getByTestId('tasks-need-cloud')).toHaveCount(0);
  await expect(page.getByText('还没有打卡任务')).toBeVisible();

  // The form: the shop's store is the target; the template's face value is the cost per place.
  await page.getByRole('button', { name: '新建打卡任务' }).click();
  const form = page.getByTestId('task-form');
  await expect(form.getByLabel('门店', { exact: true })).toBeVisible();
  await expect(
    form.locator('.ant-select-content-has-value[title="鲜果优选 新街口店"]'),
  ).toBeVisible();
  await form.getByLabel('任务标题').fill(TITLE);
  await form.getByLabel('任务说明').fill('到新街口店门口定位打卡，再到收银台扫码领取满100减20券');
  const chosen = form.locator('.ant-select-content-has-value[title="满100减20"]');
  await expect(async () => {
    await form.getByLabel('券模板').click();
    await page.locator('.ant-select-item-option', { hasText: '满100减20' }).click();
    await expect(chosen).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(form.getByLabel('每个名额成本')).toHaveValue('20.00');
  await form.getByLabel('名额', { exact: true }).fill('5');
  // Half an hour to go: a phone 5 km away on foot cannot make it.
  const deadline = shanghai(Date.now() + 30 * 60_000);
  await form.getByLabel('截止时间').click();
  await form.getByLabel('截止时间').fill(deadline);
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('截止时间')).toHaveValue(deadline);
  await expect(form).toContainText('资金池需覆盖：5 个名额 × ¥20.00 = ¥100.00');

  // A 5 m radius is refused here, by the shared rule, before anything is sent.
  await form.getByLabel('打卡半径').fill('5');
  await page.getByRole('button', { name: '创建草稿' }).click();
  const failures = form.getByTestId('task-failures');
  await expect(failures).toContainText('打卡半径须在 30–5000 米之间');
  await expect(form.locator('.ant-form-item-explain-error')).toContainText([
    '打卡半径须在 30–5000 米之间',
  ]);
  await failures.scrollIntoViewIfNeeded();
  await screenshot(page, 'tasks-form-failures', { fullPage: false });

  // Corrected, it goes to the cloud, which knows the store has no coordinates yet (the form
  // said so already).
  await expect(form).toContainText('这家门店还没有填写经纬度');
  await form.getByLabel('打卡半径').fill('200');
  await expect(failures).toHaveCount(0);
  await page.getByRole('button', { name: '创建草稿' }).click();
  await expect(failures).toContainText('这家门店没有填写经纬度，请先在“门店与收银台”中填写并同步');
  await failures.scrollIntoViewIfNeeded();
  await screenshot(page, 'tasks-form-cloud-failure', { fullPage: false });

  // The store's position, from 高德, reaches the cloud with the next sync; then the draft is made.
  const [store] = await call<{ id: string }[]>('stores.list', {});
  await call('stores.update', { id: store!.id, ...STORE_AT, coordSystem: 'gcj02' });
  await call('sync.now', {});
  await page.getByRole('button', { name: '创建草稿' }).click();
  await expect(page.getByText(`已创建草稿“${TITLE}”`)).toBeVisible();
  const row = taskRow(page);
  await expect(row.getByTestId('task-status')).toHaveText('草稿');
  await expect(row.getByTestId('task-places')).toHaveText('5 / 5');

  // Publishing an unfunded task says how much is missing.
  await row.getByRole('button', { name: '发布' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
  await expect(page.getByText('还差 ¥100.00')).toBeVisible();

  // 充值 with 模拟支付: the pool covers the five places at once.
  await row.getByRole('button', { name: '充值' }).click();
  const fund = page.getByTestId('fund-form');
  await fund.getByText('模拟支付').click();
  await expect(fund.getByLabel('充值金额')).toHaveValue('100.00');
  await page.locator('.ant-modal').getByRole('button', { name: '充值' }).click();
  await expect(page.getByText('已充值 ¥100.00')).toBeVisible();
  await expect(row.getByTestId('pool-funded')).toContainText('¥100.00');
  await expect(row.getByTestId('pool-available')).toContainText('¥100.00');

  await row.getByRole('button', { name: '发布' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
  await expect(page.getByText(`“${TITLE}”已发布`)).toBeVisible();
  await expect(row.getByTestId('task-status')).toHaveText('已发布');
  await screenshot(page, 'tasks-list-published', { fullPage: false });
  // Published, only the words may change.
  await row.getByRole('button', { name: '编辑' }).click();
  await expect(form.getByText('任务已发布：只能修改标题和说明')).toBeVisible();
  await expect(form.getByLabel('打卡半径')).toBeDisabled();
  await expect(form.getByLabel('名额', { exact: true })).toBeDisabled();
  await form.getByLabel('任务说明').fill('到新街口店定位打卡，再到收银台扫码，领满100减20券一张');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`已保存“${TITLE}”`)).toBeVisible();
  await expect(row).toContainText('领满100减20券一张');
  const { tasks } = await call<{ tasks: { id: string; title: string }[] }>('tasks.list', {});
  const taskId = tasks.find((task) => task.title === TITLE)!.id;

  // 现场码: the rotating QR of this till's store, for phones that checked in by location.
  await row.getByRole('button', { name: '现场码' }).click();
  const site = page.getByTestId('site-code');
  await expect(site.getByRole('img', { name: '门店现场码' })).toBeVisible();
  await expect(site).toContainText('顾客在手机上定位打卡后，用手机扫这个二维码');
  expect(await site.getAttribute('data-url')).toMatch(
    new RegExp(`^${cloud.url}/c/${MERCHANT_CODE}/tasks/${taskId}/site\\?code=S1-`),
  );
  await screenshot(page, 'tasks-site-code', { fullPage: false });
  await page.locator('.ant-modal-close').click();
  await expect(site).toHaveCount(0);

  // A phone (its own browser context, mobile, geolocation set) signs in and accepts the task
  // 5 km north of the store on foot, from a coarse network fix: it is warned it will be late.
  const phonePage = await phoneAt(browser, northOfStore(5000, 1500));
  await phonePage.goto(`${cloud.url}/c/${MERCHANT_CODE}/tasks`);
  await phonePage.getByRole('button', { name: TITLE }).click();
  await phonePage.getByRole('button', { name: '接受任务' }).click();
  await expect(phonePage.getByText('已接受，待打卡')).toBeVisible();
  await expect(phonePage.getByRole('alert')).toContainText('可能迟到');
  await screenshot(phonePage, 'tasks-phone-late', { fullPage: false });

  // 立即同步 pulls the order: the notification says who may be late, and links to the orders.
  await page.getByRole('menuitem', { name: '云端同步' }).click();
  await page.getByRole('button', { name: '立即同步' }).click();
  const notice = page.locator('.ant-notification-notice', {
    hasText: `「${TITLE}」有顾客可能迟到`,
  });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/1\d{2}\*{4}\d{4}，预计 \d{2}:\d{2} 到达/);
  await screenshot(page, 'tasks-late-notification', { fullPage: false });
  await notice.getByRole('button', { name: '查看任务' }).click();
  await expect(page).toHaveURL(new RegExp(`#/tasks\\?orders=${taskId}$`));
  const drawer = page.locator('.ant-drawer', { hasText: `订单：${TITLE}` });
  await expect(drawer.getByTestId('orders-funnel')).toHaveText('接单 1 → 打卡 0 → 核验 0；失效 0');
  const order = drawer.locator('.ant-table-tbody tr.ant-table-row');
  await expect(order.getByTestId('order-state')).toContainText('已接单');
  await expect(order.getByTestId('order-state')).toContainText('可能迟到');
  await expect(order).toContainText(/\d(\.\d)? 公里/);
  // The sync's toast gone first, so the drawer's title shows in the picture.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screenshot(page, 'tasks-orders-drawer', { fullPage: false });
  await drawer.locator('.ant-drawer-close').click();
  await expect(drawer).toHaveCount(0);
  await expect(row.getByTestId('task-late-risk')).toContainText('可能迟到');
  await expect(row.getByTestId('pool-reserved')).toContainText('¥20.00');
  await screenshot(page, 'tasks-list-late-risk', { fullPage: false });

  // The phone reaches the store and checks in by location (the gate); its task QR shows.
  await phonePage.context().setGeolocation(northOfStore(20, 15));
  await phonePage.getByRole('button', { name: '我已到达，定位打卡' }).click();
  await expect(phonePage.getByText('已打卡，待核验')).toBeVisible();
  const orderQr = (await phonePage.locator('canvas.qr').getAttribute('data-token'))!;
  expect(orderQr).toMatch(/^T1-/);

  // The till scans it here: the order completes, the reward is released from the pool and
  // appears on the phone.
  await scan(page, orderQr);
  await expect(page.locator('.ant-message')).toContainText(`「${TITLE}」核验成功，奖励已发放`);
  await expect(row.getByTestId('pool-released')).toContainText('¥20.00');
  await expect(row.getByTestId('pool-available')).toContainText('¥80.00');
  await expect(row.getByTestId('task-places')).toHaveText('4 / 5');
  await screenshot(page, 'tasks-verified', { fullPage: false });
  await expect(phonePage.getByText('任务完成，奖励已发放')).toBeVisible();
  await expect(phonePage.locator('article.coupon-card')).toContainText('满100减20');
  await phonePage.context().close();
  // The same QR again gives nothing more, and says so.
  await scan(page, orderQr);
  await expect(page.locator('.ant-message')).toContainText(`「${TITLE}」已核验过`);

  // 结束: what the pool still holds goes back.
  await row.getByRole('button', { name: '结束' }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText('未完成的订单将全部失效，资金池剩余的 ¥80.00 退回');
  await confirm.getByRole('button', { name: '结束' }).click();
  await expect(page.getByText(`“${TITLE}”已结束，退回 ¥80.00`)).toBeVisible();
  await expect(row.getByTestId('task-status')).toHaveText('已结束');
  await expect(row.getByTestId('pool-refunded')).toContainText('¥80.00');

  // The page speaks English too.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Check-in tasks', exact: true })).toBeVisible();
  await expect(row.getByTestId('task-status')).toHaveText('Ended');
  await expect(row.getByTestId('pool-refunded')).toContainText('Refunded');
  await screenshot(page, 'tasks-list-english', { fullPage: false });
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '打卡任务', exact: true })).toBeVisible();
});
