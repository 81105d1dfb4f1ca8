import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * A screenshot under test-results/screenshots/<name>.png, for people to look at: the whole page
 * by default; `{ fullPage: false }` for pages with the fixed header and side menu, which a
 * full-page capture would draw in the middle of the picture.
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  const dir = path.join(test.info().project.outputDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // Let antd's motion (modals, messages, menus) settle so the picture shows the final state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

export interface ShopSetup {
  merchantName: string;
  merchantCode: string;
  storeName: string;
  /** Province, city, district as the cascader lists them. */
  region: [string, string, string];
  owner: { name: string; pin: string };
}

/**
 * Picks a district in a region cascader by searching for it: the cascader opens sub-menus on
 * hover, and a pointer moving across a scrolling menu can open the wrong province.
 */
export async function pickRegion(
  page: Page,
  field: Locator,
  region: readonly [string, string, string],
) {
  await field.pressSequentially(region[2]);
  await page.locator('.ant-cascader-menu-item', { hasText: region.join(' / ') }).click();
}

/** The first-run wizard, straight through (foundation.spec.ts checks its refusals). */
export async function setUpShop(page: Page, shop: ShopSetup): Promise<void> {
  await expect(page).toHaveURL(/#\/setup$/);
  await page.getByLabel('商户名称').fill(shop.merchantName);
  await page.getByLabel('商户编码').fill(shop.merchantCode);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('门店名称').fill(shop.storeName);
  await pickRegion(page, page.getByLabel('所在地区'), shop.region);
  await expect(page.getByTitle(shop.region.join(' / '))).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('店主姓名').fill(shop.owner.name);
  await page.getByLabel('PIN 码', { exact: true }).fill(shop.owner.pin);
  await page.getByLabel('再次输入 PIN 码').fill(shop.owner.pin);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page).toHaveURL(/#\/login$/);
}

/** From any page behind the login: adds a staff member on the staff page. */
export async function addStaff(
  page: Page,
  person: { name: string; role: '店长' | '收银员'; pin: string },
): Promise<void> {
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill(person.name);
  if (person.role !== '收银员') {
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: person.role }).click();
  }
  await dialog.getByLabel('PIN 码', { exact: true }).fill(person.pin);
  await dialog.getByLabel('再次输入 PIN 码').fill(person.pin);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.ant-table-tbody tr', { hasText: person.name })).toContainText(
    person.role,
  );
}

/** A manager's side navigation, section by section (会员与营销, still coming, is on the home page). */
export const MANAGER_MENU = [
  '首页',
  '核销',
  '返现兑付',
  '销售录单',
  '交班日结',
  '商品',
  '库存',
  '库存预警',
  '促销与调价',
  '优惠券',
  '领券二维码',
  '打卡任务',
  '会员',
  '精准营销',
  '核销记录',
  '数据分析',
  '经营报表',
  '员工管理',
  '门店与收银台',
  '打印机',
  '操作日志',
  '扫码枪',
  '云端同步',
];

/** An owner's: a manager's and the settings. */
export const OWNER_MENU = [...MANAGER_MENU, '设置'];

/** A cashier's side navigation. */
export const CASHIER_MENU = ['首页', '核销', '返现兑付', '销售录单', '交班日结', '商品', '库存'];

/** Presses the on-screen PIN pad digit by digit, as a finger would. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
}

/** From the login screen: pick the staff card, then the PIN on the keyboard, at a person's pace. */
export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await expect(page).toHaveURL(/#\/login$/);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByText('请输入 PIN 码')).toBeVisible();
  await page.keyboard.type(pin, { delay: 100 });
  await expect(page.getByRole('heading', { name: `${name}，你好` })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/#\/login$/);
}

/** The entries of the side menu, in order, the greyed-out ones still to come included. */
export async function menuItems(page: Page): Promise<string[]> {
  const texts = await page
    .getByRole('navigation', { name: '功能菜单' })
    .getByRole('menuitem')
    .allInnerTexts();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/**
 * A scanner: characters 5 ms apart, then Enter, as key events stamped with the scanner's own
 * times. On the shared build machines Playwright's `type(…, { delay: 5 })` keys can reach the
 * page 40–100 ms apart, which no scanner does; stamped events keep a scan's timing exact while
 * going through Chromium's real input path.
 */
/** Keys of a signed token's punctuation (a QR imager types them), by US layout code. */
const PUNCTUATION_KEYS: Record<string, [code: string, keyCode: number]> = {
  '.': ['Period', 190],
  '-': ['Minus', 189],
  _: ['Minus', 189],
  '/': ['Slash', 191],
  '+': ['Equal', 187],
  '=': ['Equal', 187],
  ':': ['Semicolon', 186],
};

export async function scan(page: Page, text: string) {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const key = async (type: 'keyDown' | 'keyUp', char: string) => {
    const enter = char === '\r';
    const [code, keyCode] = enter
      ? ['Enter', 13]
      : (PUNCTUATION_KEYS[char] ??
        (/\d/.test(char)
          ? [`Digit${char}`, char.charCodeAt(0)]
          : [`Key${char.toUpperCase()}`, char.toUpperCase().charCodeAt(0)]));
    await cdp.send('Input.dispatchKeyEvent', {
      type,
      key: enter ? 'Enter' : char,
      code,
      text: type === 'keyDown' ? char : undefined,
      windowsVirtualKeyCode: keyCode,
      timestamp: at,
    });
  };
  for (const char of [...text, '\r']) {
    await key('keyDown', char);
    await key('keyUp', char);
    at += 0.005;
  }
  await cdp.detach();
}

/** Calls the local API at `baseUrl` with the page's own session (sessionStorage), as the app does. */
export async function callApi<T>(
  page: Page,
  baseUrl: string,
  method: string,
  input: unknown,
): Promise<T> {
  const token = await page.evaluate(() => sessionStorage.getItem('storedesk.sessionToken'));
  const response = await page.request.post(`${baseUrl}/api/${method}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: input,
  });
  const result = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data;
}
