import { expect, test } from '@playwright/test';
import { loginAs, logout, screenshot } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { callAsTab, openNewShopAsOwner } from '../support/e2e-first-day';

// Login in a chain: this store's staff first, the last to log in at the top, a search; and
// weak PINs refused where a PIN is set.
const server = serverForThisFile();

test('login lists this store first and recent first, finds by name; weak PINs are refused', async ({
  page,
}) => {
  await openNewShopAsOwner(page, server.url);

  // A weak PIN is refused in the staff form, with the reason.
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill('钱收银');
  await dialog.getByLabel('PIN 码', { exact: true }).fill('123456');
  await dialog.getByLabel('再次输入 PIN 码').fill('123456');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('PIN 码太容易被猜到')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();

  // A chain: another store with its own staff, and a new cashier here.
  const stores = await callAsTab<{ id: string }[]>(page, 'stores.list', {});
  const other = await callAsTab<{ id: string }>(page, 'stores.create', {
    name: '便利优选 夫子庙店',
    districtCode: '320104',
  });
  for (const name of ['甲一', '甲二', '甲三', '甲四', '甲五', '甲六'])
    await callAsTab(page, 'staff.create', {
      name,
      role: 'cashier',
      pin: '975310',
      storeId: other.id,
    });
  for (const name of ['孙收银', '新来的小周'])
    await callAsTab(page, 'staff.create', {
      name,
      role: 'cashier',
      pin: '975310',
      storeId: stores[0]!.id,
    });
  await logout(page);

  const cards = page.getByRole('list', { name: '请选择员工登录' }).getByRole('button');
  // This store's staff as cards, the owner (who just logged in) first; the other store below.
  await expect(cards).toHaveText([/周店主/, /孙收银/, /新来的小周/]);
  await expect(page.getByRole('list', { name: '其他门店的员工' }).getByRole('button')).toHaveCount(
    6,
  );
  await loginAs(page, '新来的小周', '975310');
  await logout(page);
  await expect(cards.first()).toContainText('新来的小周');
  await screenshot(page, 'login', { fullPage: false });

  await page.getByPlaceholder('搜索员工姓名').fill('甲三');
  await expect(cards).toHaveText([/甲三/]);
  await page.getByPlaceholder('搜索员工姓名').fill('');
  await expect(cards).toHaveCount(3);
});
