import { expect, test } from '@playwright/test';
import { loginAs, screenshot } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { FIRST_DAY_SHOP, openNewShopAsOwner } from '../support/e2e-first-day';

// Demo data lives in its own demo shop: asked for, marked 演示数据 everywhere, left untouched
// by and leaving the real shop untouched.
const server = serverForThisFile();

test('the owner opens the demo shop, sees it marked, and returns to the real shop untouched', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openNewShopAsOwner(page, server.url);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  await page.getByRole('button', { name: '打开演示店' }).click();
  // Switching asks first and says the real shop is not touched.
  const confirm = page.getByRole('dialog', { name: '打开演示店？' });
  await expect(confirm).toContainText('不会写入你的店铺');
  await confirm.getByRole('button', { name: '打开演示店' }).click();

  // The demo shop's own login, with its staff and the PIN they use.
  await expect(page.getByText('这是演示店，数据都是虚构的')).toBeVisible({ timeout: 120_000 });
  await expect(page).toHaveURL(/#\/login$/);
  const pin = /PIN 都是 (\d{6})/.exec(
    (await page.getByText('这是演示店，数据都是虚构的').innerText()) ?? '',
  )![1]!;
  await expect(page.getByRole('button', { name: /周店主/ })).toHaveCount(0);
  await screenshot(page, 'demo-shop-login', { fullPage: false });
  await page.getByPlaceholder('搜索员工姓名').fill('演示店主');
  await loginAs(page, '演示店主', pin);
  await expect(page.getByTestId('demo-shop-tag')).toHaveText('演示数据');
  await expect(page.getByTestId('demo-shop')).toContainText('演示数据');
  // Its figures end now: nothing stamped later than the clock.
  await expect(page.getByTestId('home-store').first()).toBeVisible();
  await screenshot(page, 'demo-shop-header', { fullPage: false });

  await page.getByTestId('demo-shop').getByRole('button', { name: '退出演示' }).click();
  await page
    .getByRole('dialog', { name: /退出演示店/ })
    .getByRole('button', { name: '回到我的店铺' })
    .click();
  await expect(page).toHaveURL(/#\/login$/);
  await expect(page.getByRole('button', { name: /周店主/ })).toBeVisible();
  await expect(page.getByText('这是演示店')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /演示店主/ })).toHaveCount(0);
  await loginAs(page, FIRST_DAY_SHOP.owner.name, FIRST_DAY_SHOP.owner.pin);
  await expect(page.getByTestId('demo-shop-tag')).toHaveCount(0);
  await expect(page.getByTestId('demo-shop')).toHaveCount(0);
  // The real shop has no sale: the demo never wrote into it.
  await expect(page.getByTestId('home-takings')).toContainText('¥0.00');
});
