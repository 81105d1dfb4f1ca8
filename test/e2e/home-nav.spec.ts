import { expect, test } from '@playwright/test';
import { CASHIER_MENU, addStaff, loginAs, logout, menuItems, screenshot } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { inWindow, openNewShopAsOwner } from '../support/e2e-first-day';

// The home page is today's dashboard; at 1366×768 the menu fits for an owner and a cashier,
// the active entry is in sight, and a new page opens at its top.
const server = serverForThisFile();
const CASHIER = { name: '李收银', role: '收银员' as const, pin: '975310' };

test("home shows today per store; each role's menu fits the window; pages open at the top", async ({
  page,
}) => {
  await openNewShopAsOwner(page, server.url);
  const store = page.getByTestId('home-store');
  await expect(store).toContainText('便利优选 总店');
  await expect(store.getByTestId('home-takings')).toContainText('营业额');
  await expect(store.getByTestId('home-takings')).toContainText('¥0.00');
  await expect(store.getByTestId('home-redemptions')).toContainText('核销');
  await expect(store.getByTestId('home-alerts')).toContainText('待处理预警');
  await expect(page.getByTestId('home-sync')).toContainText('尚未连接云端');
  await screenshot(page, 'home-owner', { fullPage: false });

  // The whole owner's menu, in sections, above the fold.
  const menu = await menuItems(page);
  expect(menu).toContain('设置');
  expect(await inWindow(page, 'nav li.ant-menu-item')).toBe(true);
  const nav = page.getByRole('navigation', { name: '功能菜单' });
  expect(await nav.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  for (const title of ['收银', '商品与库存', '营销与经营', '系统'])
    await expect(nav.locator('.ant-menu-item-group-title', { hasText: title })).toBeVisible();

  // A link from the dashboard, and a long page left scrolled down: the next page opens at its top.
  await store.getByTestId('home-alerts').click();
  await expect(page).toHaveURL(/#\/alerts$/);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await expect(page).toHaveURL(/#\/audit$/);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  expect(await inWindow(page, 'nav .ant-menu-item-selected')).toBe(true);

  await addStaff(page, CASHIER);
  await logout(page);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  expect(await menuItems(page)).toEqual(CASHIER_MENU);
  expect(await inWindow(page, 'nav li.ant-menu-item')).toBe(true);
  await expect(page.getByTestId('home-store')).toHaveCount(1);
  await screenshot(page, 'home-cashier', { fullPage: false });
});
