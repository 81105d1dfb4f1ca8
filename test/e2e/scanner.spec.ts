import { expect, test, type Page } from '@playwright/test';
import { loginAs, menuItems, OWNER_MENU, scan, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// The scanner settings page and scans landing where they should, on one shop, test by test.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const VIEWPORT = { fullPage: false };
const DEFAULTS = {
  mode: 'both',
  maxAverageGapMs: 30,
  humanGapMs: 80,
  minLength: 6,
  prefix: '',
  suffix: 'enter',
  customSuffix: '',
};
/** A coupon code issued over the API, as its bar code carries it (no spaces). */
let couponCode = '';

/** Calls the local API with the page's own session (sessionStorage), as the app does. */
async function apiCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('storedesk.sessionToken'));
  const response = await page.request.post(`${server.url}/api/${method}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: input,
  });
  const result = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function openAsOwner(page: Page) {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
}

test('the owner sets up the shop and issues a coupon', async ({ page }) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'XGYX-05',
    storeName: '鲜果优选 河西店',
    region: ['江苏省', '南京市', '建邺区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  expect(await menuItems(page)).toEqual(OWNER_MENU);
  const template = await apiCall<{ id: string }>(page, 'coupons.createTemplate', {
    name: '满50减10',
    rule: { type: 'threshold', thresholdFen: 5000, amountFen: 1000 },
    validity: { kind: 'relative', days: 30 },
  });
  await apiCall(page, 'coupons.setTemplateStatus', { id: template.id, status: 'active' });
  const issued = await apiCall<{ codes: { code: string }[] }>(page, 'coupons.issue', {
    templateId: template.id,
    count: 1,
  });
  couponCode = issued.codes[0]!.code.replace(/[\s-]/g, '');
  expect(couponCode.length).toBeGreaterThanOrEqual(12);
});

test('the live test area lists a 5 ms scan with its timing; 120 ms typing is no scan', async ({
  page,
}) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '扫码枪' }).click();
  await expect(page).toHaveURL(/#\/scanner$/);
  await expect(page.getByRole('heading', { name: '扫码枪' })).toBeVisible();
  await expect(page.getByText('还没有记录：请扫一个条码')).toBeVisible();
  await expect(page.getByText('没有发现 HID-POS 扫码枪，插上后会自动出现')).toBeVisible();

  // A note typed by a person in the focused field stays; the scan is taken back out of it.
  const field = page.getByLabel('测试输入框');
  await field.fill('note 1');
  await scan(page, '6901234567892');
  const entries = page.getByTestId('scan-test-entry');
  await expect(entries.first()).toHaveAttribute('data-kind', 'scan');
  await expect(entries.first()).toContainText('6901234567892');
  await expect(entries.first()).toContainText('键盘模式');
  await expect(entries.first()).toContainText('13 位');
  await expect(entries.first()).toContainText(/平均间隔 \d+(\.\d)? 毫秒/);
  await expect(entries.first()).toContainText(/共 \d+(\.\d)? 毫秒/);
  await expect(field).toHaveValue('note 1');

  // A person typing the same digits at 120 ms, then Enter: listed as typing, with the reason.
  await field.fill('');
  await page.keyboard.type('6901234567892', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(entries.first()).toHaveAttribute('data-kind', 'typing');
  await expect(entries.first()).toContainText('人工输入');
  await expect(entries.first()).toContainText('6901234567892');
  await expect(entries.first()).toContainText('按键太慢，是人在打字');
  await expect(page.locator('[data-kind="scan"]')).toHaveCount(1);
  await expect(field).toHaveValue('6901234567892');
  await screenshot(page, '5x-scanner-settings', VIEWPORT);
});

test('the decoder takes its thresholds from the saved settings', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '扫码枪' }).click();
  const saved = page.getByText('扫码枪设置已保存，本机所有窗口立即生效');
  const entries = page.getByTestId('scan-test-entry');
  // A minimum length of 10: an 8-character scan is not one...
  const minLength = page.getByLabel('最短长度');
  await minLength.fill('10');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(saved).toBeVisible();
  await page.getByLabel('测试输入框').click();
  await scan(page, '12345678');
  await expect(entries.first()).toHaveAttribute('data-kind', 'typing');
  // ...until it is 6 again; the setting outlives a reload (this PC's database).
  await minLength.fill('6');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(saved.first()).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('最短长度')).toHaveValue('6');
  await page.getByLabel('测试输入框').click();
  await scan(page, '12345678');
  await expect(entries.first()).toHaveAttribute('data-kind', 'scan');
  await expect(entries.first()).toContainText('12345678');
  await apiCall(page, 'scanner.updateSettings', DEFAULTS);
});

test('a coupon scanned on a page without a use for it opens its verification', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await expect(page).toHaveURL(/#\/staff$/);
  await scan(page, couponCode);
  await expect(page).toHaveURL(/#\/redeem$/);
  // Verified and on the order (it waits for an order amount of ¥50).
  await expect(page.getByLabel('本单的券')).toContainText('满50减10');
  await expect(page.getByTestId('order-summary')).toContainText('待满足使用条件');

  // With a dialog open, a scan is refused and the dialog's field keeps what was typed.
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  const name = dialog.getByLabel('姓名');
  await name.click();
  await page.keyboard.type('Li', { delay: 120 });
  await scan(page, couponCode);
  await expect(page.getByText('请先关闭当前对话框再扫码')).toBeVisible();
  await expect(name).toHaveValue('Li');
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/#\/staff$/);
});
