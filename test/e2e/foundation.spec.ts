import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  CASHIER_MENU,
  MANAGER_MENU,
  OWNER_MENU,
  loginAs,
  logout,
  menuItems,
  pickRegion,
  scan,
  screenshot,
  tapPin,
} from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// One shop for the whole file, built up test by test: set up, staff added, then checked.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const CASHIER = { name: '李收银', pin: '135790' };
const STORE_NAME = '鲜果优选 新街口店';

async function openApp(page: Page) {
  await page.goto(server.url);
}

async function openAsOwner(page: Page) {
  await openApp(page);
  await loginAs(page, OWNER.name, OWNER.pin);
}

test('first run: the wizard sets up merchant, store and owner', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveURL(/#\/setup$/);
  await expect(page.getByRole('heading', { name: '欢迎使用店务通' })).toBeVisible();
  await screenshot(page, '01-wizard');

  // Step 1: the form refuses what the contract refuses, in Chinese.
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('必填')).toHaveCount(2);
  await page.getByLabel('商户名称').fill('鲜果优选');
  await page.getByLabel('商户编码').fill('x');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('商户编码为 3–20 位字母、数字或连字符')).toBeVisible();
  await page.getByLabel('商户编码').fill('xgyx-01');
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 2: the first store, with its region picked from the GB/T 2260 cascader.
  await page.getByLabel('门店名称').fill(STORE_NAME);
  await pickRegion(page, page.getByLabel('所在地区'), ['江苏省', '南京市', '玄武区']);
  await expect(page.getByTitle('江苏省 / 南京市 / 玄武区')).toBeVisible();
  await page.getByLabel('详细地址').fill('中山路 18 号');
  // Coordinates and the time zone are folded under 高级, with the shop's zone already chosen.
  await expect(page.getByTitle('Asia/Shanghai')).toBeHidden();
  await screenshot(page, '02-wizard-store');
  await expect(page.getByRole('button', { name: '下一步' })).toBeInViewport();
  await page.getByText('高级：经纬度、时区（一般不用改）').click();
  await expect(page.getByTitle('Asia/Shanghai')).toBeVisible();
  // Coordinates read off a map say which: AMap/Tencent (GCJ-02) unless told Baidu or GPS.
  await expect(page.getByTitle('高德 / 腾讯地图')).toBeVisible();
  await screenshot(page, '02-wizard-store-advanced');
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 3: the owner, PIN twice.
  await page.getByLabel('店主姓名').fill(OWNER.name);
  await page.getByLabel('PIN 码', { exact: true }).fill(OWNER.pin);
  await page.getByLabel('再次输入 PIN 码').fill('161803');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('两次输入的 PIN 码不一致')).toBeVisible();
  await page.getByLabel('再次输入 PIN 码').fill(OWNER.pin);
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 4: everything once more before it is created.
  const summary = page.locator('.ant-descriptions');
  await expect(summary).toContainText('XGYX-01');
  await expect(summary).toContainText('江苏省 南京市 玄武区');
  await expect(summary).toContainText(OWNER.name);
  await screenshot(page, '03-wizard-confirm');
  // The last button is on screen at 1366×768, no scrolling.
  await expect(page.getByRole('button', { name: '完成设置' })).toBeInViewport();
  await page.getByRole('button', { name: '完成设置' }).click();

  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByRole('button', { name: /王店主/ })).toBeVisible();

  // Once set up, the wizard is never shown again.
  await page.goto(`${server.url}/#/setup`);
  await expect(page).toHaveURL(/#\/login$/);
});

test('the owner logs in with the PIN pad; a wrong PIN says how many tries are left', async ({
  page,
}) => {
  await openApp(page);
  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByRole('heading', { name: '请选择员工登录' })).toBeVisible();
  await expect(page.getByText('鲜果优选', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: /王店主/ }).click();
  await expect(page.getByText('请输入 PIN 码')).toBeVisible();
  await tapPin(page, '141421');
  await expect(page.getByText('PIN 码错误，还可尝试 4 次')).toBeVisible();
  await tapPin(page, '246');
  await expect(page.getByRole('img', { name: '已输入 3 位，共 6 位' })).toBeVisible();
  await screenshot(page, '05-login-pin-pad');
  await page.getByRole('button', { name: '清空' }).click();
  await expect(page.getByRole('img', { name: '已输入 0 位，共 6 位' })).toBeVisible();

  // A coupon scanned while the PIN pad is open is no PIN try: its burst of digits is dropped.
  await scan(page, '49291758362019485730');
  await expect(page.getByRole('img', { name: '已输入 0 位，共 6 位' })).toBeVisible();
  await expect(page.getByText('还可尝试 3 次')).toBeHidden();

  // The keyboard's digits work as well as the on-screen ones (a person types them, not at once
  // after the scanner).
  await page.waitForTimeout(300);
  await page.keyboard.type(OWNER.pin, { delay: 100 });
  await expect(page.getByRole('heading', { name: '王店主，你好' })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
  await expect(page.getByTestId('header-store')).toHaveText(STORE_NAME);
  await expect(page.getByTestId('header-terminal')).toHaveText('收银台 T01');
  await expect(page.getByTestId('header-staff')).toContainText('店主');
  expect(await menuItems(page)).toEqual(OWNER_MENU);
  await screenshot(page, '06-home-owner');
  // The same page on a 1920×1080 screen.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, '06-home-owner-1920');
});

test('the owner adds a cashier; bad input is refused with Chinese messages', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await expect(page).toHaveURL(/#\/staff$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);

  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill(CASHIER.name);
  await dialog.getByLabel('PIN 码', { exact: true }).fill('13579');
  await dialog.getByLabel('再次输入 PIN 码').fill('13579');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('PIN 码必须是 6 位数字')).toBeVisible();
  await screenshot(page, '08-staff-form-errors');

  await dialog.getByLabel('PIN 码', { exact: true }).fill(CASHIER.pin);
  await dialog.getByLabel('再次输入 PIN 码').fill(CASHIER.pin);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: CASHIER.name })).toContainText('收银员');
  await expect(rows.filter({ hasText: CASHIER.name })).toContainText('从未登录');

  // Edit: give the cashier a home store.
  await rows.filter({ hasText: CASHIER.name }).getByRole('button', { name: '编辑' }).click();
  const editDialog = page.getByRole('dialog', { name: `编辑员工：${CASHIER.name}` });
  await editDialog.getByLabel('所属门店').click();
  await page.locator('.ant-select-item-option', { hasText: STORE_NAME }).click();
  await editDialog.getByRole('button', { name: '保存' }).click();
  await expect(editDialog).toBeHidden();
  await expect(rows.filter({ hasText: CASHIER.name })).toContainText(STORE_NAME);

  // The same name again: the app's DUPLICATE_NAME, translated, next to the name field.
  await page.getByRole('button', { name: '新增员工' }).click();
  await dialog.getByLabel('姓名').fill(CASHIER.name);
  await dialog.getByLabel('PIN 码', { exact: true }).fill('975310');
  await dialog.getByLabel('再次输入 PIN 码').fill('975310');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText(`名称“${CASHIER.name}”已被使用`)).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(rows).toHaveCount(2);
  await screenshot(page, '07-staff-list');
});

test('a cashier sees neither staff, stores nor audit, and the API refuses too', async ({
  page,
}) => {
  await openAsOwner(page);
  await logout(page);
  await expect(page.getByText('已退出登录')).toBeVisible();

  await loginAs(page, CASHIER.name, CASHIER.pin);
  await expect(page.getByTestId('header-staff')).toContainText('收银员');
  expect(await menuItems(page)).toEqual(CASHIER_MENU);
  await expect(page.getByRole('heading', { name: '店铺管理' })).toHaveCount(0);
  await screenshot(page, '09-home-cashier');

  await page.goto(`${server.url}/#/staff`);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByText('当前账号（收银员）不能打开此页面')).toBeVisible();
  await screenshot(page, '10-cashier-no-permission');

  const answer = await page.evaluate(async () => {
    const token = sessionStorage.getItem('storedesk.sessionToken');
    const response = await fetch('/api/staff.list', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: await response.json() };
  });
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('heading', { name: '李收银，你好' })).toBeVisible();
  await logout(page);

  // Five wrong PINs in a row lock the cashier out; the picker says so.
  await page.getByRole('button', { name: /李收银/ }).click();
  for (const remaining of [4, 3, 2, 1]) {
    await page.keyboard.type('000000', { delay: 100 });
    await expect(page.getByText(`PIN 码错误，还可尝试 ${remaining} 次`)).toBeVisible();
  }
  await page.keyboard.type('000000', { delay: 100 });
  await expect(page.getByText('连续输错 PIN 码，该员工已锁定，请 5 分钟后再试')).toBeVisible();
  await page.getByRole('button', { name: '换一位员工' }).click();
  const lockedCard = page.getByRole('button', { name: /李收银/ });
  await expect(lockedCard).toBeDisabled();
  await expect(lockedCard).toContainText('已锁定');
  await expect(page.getByRole('button', { name: /王店主/ })).toBeEnabled();
  await screenshot(page, '04-login-staff-picker');
});

test('stores: tills, and a terminal key whose secret is shown once', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '门店与收银台' }).click();
  const store = page.locator('.ant-card', { hasText: STORE_NAME });
  await expect(store).toContainText('江苏省 南京市 玄武区');
  await expect(store).toContainText('中山路 18 号');
  await expect(store).toContainText('Asia/Shanghai');
  await expect(store).toContainText('收银台（1）');

  await store.getByRole('button', { name: '新增收银台' }).click();
  const terminalDialog = page.getByRole('dialog');
  await terminalDialog.getByLabel('名称').fill('2号收银台');
  await terminalDialog.getByRole('button', { name: '保存' }).click();
  await expect(store).toContainText('收银台（2）');
  const terminals = store.locator('.ant-table-tbody tr.ant-table-row');
  await expect(terminals).toHaveCount(2);
  await expect(terminals.nth(1)).toContainText('T02');
  await expect(terminals.nth(1)).toContainText('2号收银台');

  await terminals.first().getByRole('button', { name: '终端密钥' }).click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('收银台 T01 的终端密钥');
  await expect(drawer).toContainText('这个收银台还没有终端密钥');
  await drawer.getByLabel('用途').fill('前台 POS 机');
  await drawer.getByRole('button', { name: '创建密钥' }).click();
  const secretDialog = page.getByRole('dialog', { name: '请立即复制并保存密钥' });
  await expect(secretDialog).toContainText('这是唯一一次显示完整密钥');
  const secret = await secretDialog.getByTestId('api-key-secret').innerText();
  expect(secret.trim()).toMatch(/^sdk_[A-Za-z0-9_-]{40,}$/);
  await screenshot(page, '11-stores-api-key-secret');
  await secretDialog.getByRole('button', { name: '我已保存，关闭' }).click();

  const keys = drawer.locator('.ant-table-tbody tr.ant-table-row');
  await expect(keys).toHaveCount(1);
  await expect(keys.first()).toContainText(secret.trim().slice(0, 10));
  await expect(keys.first()).toContainText('有效');
  await expect(keys.first()).toContainText('从未使用');
  await keys.first().getByRole('button', { name: '吊销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click();
  await expect(keys.first()).toContainText('已吊销');
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screenshot(page, '12-stores-api-keys');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // A second store: it gets its own first till, T01.
  await page.getByRole('button', { name: '新增门店' }).click();
  const storeDialog = page.getByRole('dialog', { name: '新增门店' });
  await storeDialog.getByLabel('门店名称').fill('鲜果优选 河西店');
  await pickRegion(page, storeDialog.getByLabel('所在地区'), ['江苏省', '南京市', '建邺区']);
  await storeDialog.getByRole('button', { name: '保存' }).click();
  await expect(storeDialog).toBeHidden();
  const secondStore = page.locator('.ant-card', { hasText: '鲜果优选 河西店' });
  await expect(secondStore).toContainText('S02');
  await expect(secondStore).toContainText('江苏省 南京市 建邺区');
  await expect(secondStore.locator('.ant-table-tbody tr.ant-table-row')).toHaveText([
    /T01.*1号收银台.*使用中/,
  ]);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await screenshot(page, '13-stores-terminals');
});

test('the audit log shows setup, logins and staff changes at till T01', async ({ page }) => {
  await openAsOwner(page);
  // Pages of 8 instead of 50, so "load more" (the `before` cursor) has work to do here.
  await page.route('**/api/audit.list', (route) => {
    const input = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    return route.continue({ postData: JSON.stringify({ ...input, limit: 8 }) });
  });
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page).toHaveURL(/#\/audit$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(8);
  await expect(page.getByText('已加载 8 条')).toBeVisible();
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect(rows).toHaveCount(16);
  await page.getByRole('button', { name: '加载更多' }).click();
  await expect(page.getByRole('button', { name: '加载更多' })).toBeHidden();
  const total = await rows.count();
  expect(total).toBeGreaterThan(16);
  await expect(page.getByText(`已显示全部 ${total} 条记录`)).toBeVisible();
  // Newest first, across the pages.
  const times = await rows.locator('td:first-child').allInnerTexts();
  expect(times).toEqual([...times].sort().reverse());
  const row = (sentence: string | RegExp) => rows.filter({ hasText: sentence });
  const logins = rows.filter({ has: page.getByText('登录', { exact: true }) });

  // Each entry reads as a sentence; the ids stay behind 详情.
  await expect(row('完成首次设置：')).toHaveCount(1);
  await expect(row('完成首次设置：')).toContainText('T01');
  await expect(row('完成首次设置：')).toContainText('店主 王店主');
  await expect(row('新增员工')).toHaveCount(1);
  await expect(row('新增员工')).toContainText('新增员工 李收银（收银员）');
  // The owner logged in in every test so far and the cashier once, all at T01.
  await expect(logins.filter({ hasText: '李收银' })).toHaveCount(1);
  expect(await logins.filter({ hasText: '王店主' }).count()).toBeGreaterThanOrEqual(4);
  for (const text of await logins.allInnerTexts()) expect(text).toContain('T01');
  // Four for the cashier before the lock, one for the owner at the PIN pad.
  await expect(row(/的 PIN 码输错（连续第 \d 次）/)).toHaveCount(5);
  await expect(row(/李收银的 PIN 码输错/)).toHaveCount(4);
  await expect(row('李收银连续 5 次输错 PIN 码，已被暂时锁定')).toHaveCount(1);
  await expect(row('创建终端密钥')).toContainText('为收银台 T01 创建终端密钥“前台 POS 机”');
  for (const text of await rows.allInnerTexts())
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await row('新增员工').getByRole('button', { name: '详情' }).click();
  const technical = page.locator('.ant-popover', { hasText: '技术详情' });
  await expect(technical).toContainText('员工 · 李收银');
  await expect(technical).toContainText(/对象编号：[0-9a-f-]{36}/);
  await screenshot(page, '14-audit-log');

  await page.locator('.ant-select', { hasText: '全部操作' }).click();
  await page.keyboard.type('新增员工');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李收银');
  await expect(page.getByText('已显示全部 1 条记录')).toBeVisible();
});

test('the language switches to English, is remembered, and switches back', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.locator('.ant-table-tbody')).toContainText('Cashier');
  await expect(page.locator('.ant-table-tbody')).toContainText('Locked');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
  await expect(page.getByTestId('header-terminal')).toHaveText('Terminal T01');
  await screenshot(page, '15-english-staff');
  await page.getByRole('menuitem', { name: 'Audit log' }).click();
  await expect(page.locator('.ant-table-tbody')).toContainText(
    'Set up the shop: merchant “鲜果优选”, owner 王店主',
  );
  await screenshot(page, '16-english-audit');

  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '操作日志', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.evaluate(() => localStorage.getItem('storedesk.language'))).toBe('zh-CN');
});

test('the screen locks when idle and opens again with the PIN', async ({ page }) => {
  await openApp(page);
  // The documented test hook: lock after 2 s without input (instead of 5 min).
  await page.evaluate(() => localStorage.setItem('storedesk.idleLockSeconds', '2'));
  await loginAs(page, OWNER.name, OWNER.pin);

  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible({ timeout: 6_000 });
  await expect(lock).toContainText(OWNER.name);
  await expect(lock).toContainText('请输入 王店主 的 PIN 码解锁');
  await screenshot(page, '17-lock-screen');

  await tapPin(page, '999999');
  // How many are left before this browser waits (wrong PINs here earlier count too).
  await expect(lock.getByText(/PIN 码错误，还可尝试 \d+ 次/)).toBeVisible();
  // A reload is no way past the lock.
  await page.reload();
  await expect(lock).toBeVisible();
  await page.keyboard.type(OWNER.pin, { delay: 100 });
  await expect(lock).toBeHidden();
  await expect(page.getByRole('heading', { name: '王店主，你好' })).toBeVisible();

  // "Switch user" from the lock screen goes back to the staff picker.
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(lock).toBeVisible();
  await lock.getByRole('button', { name: '切换用户' }).click();
  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByRole('heading', { name: '请选择员工登录' })).toBeVisible();
});

test('a new PIN lifts the lock; deactivating ends the open session of the cashier', async ({
  page,
  browser,
}) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  const cashierRow = page.locator('.ant-table-tbody tr', { hasText: CASHIER.name });
  await expect(cashierRow).toContainText('已锁定');
  await cashierRow.getByRole('button', { name: '重置 PIN' }).click();
  const dialog = page.getByRole('dialog', { name: `重置 ${CASHIER.name} 的 PIN 码` });
  await dialog.getByLabel('PIN 码', { exact: true }).fill('864200');
  await dialog.getByLabel('再次输入 PIN 码').fill('864200');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(cashierRow).not.toContainText('已锁定');

  // The cashier logs in at another window with the new PIN...
  const cashierPage = await openInNewWindow(browser);
  await loginAs(cashierPage, CASHIER.name, '864200');

  // ...and is sent back to the login screen the moment the owner deactivates them.
  await cashierRow.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: CASHIER.name })).toHaveCount(0);
  await expect(cashierPage).toHaveURL(/#\/login$/);
  await expect(
    cashierPage.getByText('您的登录已被结束（账号停用、PIN 重置或被锁定），请重新登录'),
  ).toBeVisible();
  await expect(cashierPage.getByRole('button', { name: /李收银/ })).toHaveCount(0);

  await page.getByText('显示已停用员工').click();
  await expect(cashierRow).toContainText('已停用');
  await expect(cashierRow.getByRole('button', { name: '启用' })).toBeVisible();
  await cashierPage.context().close();
});

async function openInNewWindow(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  await page.goto(server.url);
  return page;
}

test('a manager may add cashiers only, and cannot touch the owner', async ({ page, browser }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill('赵店长');
  await dialog.getByLabel('角色').click();
  const roleOptions = page.locator('.ant-select-item-option');
  await expect(roleOptions).toHaveText(['店主', '店长', '收银员']);
  await roleOptions.filter({ hasText: '店长' }).click();
  await dialog.getByLabel('PIN 码', { exact: true }).fill('223607');
  await dialog.getByLabel('再次输入 PIN 码').fill('223607');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const managerPage = await openInNewWindow(browser);
  await loginAs(managerPage, '赵店长', '223607');
  expect(await menuItems(managerPage)).toEqual(MANAGER_MENU);
  await managerPage.getByRole('menuitem', { name: '员工管理' }).click();
  const ownerRow = managerPage.locator('.ant-table-tbody tr', { hasText: OWNER.name });
  await expect(ownerRow.getByRole('button')).toHaveCount(0);
  await managerPage.getByRole('button', { name: '新增员工' }).click();
  const managerDialog = managerPage.getByRole('dialog', { name: '新增员工' });
  await expect(managerDialog).toContainText('店长只能新增收银员');
  await managerDialog.getByLabel('角色').click();
  await expect(managerPage.locator('.ant-select-item-option')).toHaveText(['收银员']);

  // Stores: a manager edits, only the owner opens new ones.
  await managerPage.keyboard.press('Escape');
  await managerDialog.getByRole('button', { name: '取消' }).click();
  await managerPage.getByRole('menuitem', { name: '门店与收银台' }).click();
  await expect(managerPage.getByRole('button', { name: '新增门店' })).toBeDisabled();
  const editButtons = managerPage.getByRole('button', { name: '编辑门店' });
  await expect(editButtons).toHaveCount(2);
  for (const button of await editButtons.all()) await expect(button).toBeEnabled();
  await managerPage.context().close();
});
