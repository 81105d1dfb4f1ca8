import { expect, test } from '@playwright/test';
import { addDays, localDate } from '../../src-shared/time';
import { screenshot } from '../support/e2e-app';
import { callAsTab, openNewShopAsOwner } from '../support/e2e-first-day';
import { serverForThisFile } from '../support/e2e-server';

// The alert rules previewed on a shop's first day at 1366×768: the category form lists what the
// low level flags now and what the slow-moving rule would flag, and from when, saying plainly
// that the shop's history is shorter than the days instead of showing an empty list.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const server = serverForThisFile();
const VIEWPORT = { fullPage: false };

test('alert rules previewed on day one', async ({ page }) => {
  await openNewShopAsOwner(page, server.url);
  const stores = await callAsTab<{ id: string }[]>(page, 'stores.list', {});
  for (const [sku, name, qty] of [
    ['T-01', '百花茶', 40],
    ['T-02', '铁观音', 3],
    ['T-03', '龙井', 12],
  ] as const) {
    await callAsTab(page, 'products.create', { sku, name, category: '茶叶', priceFen: 3800 });
    await callAsTab(page, 'stock.receive', { storeId: stores[0]!.id, lines: [{ sku, qty }] });
  }

  await page.goto(`${server.url}/#/alerts`);
  await page.getByRole('tab', { name: '预警线设置' }).click();
  await page.getByRole('button', { name: '新增分类默认值' }).click();
  const dialog = page.getByRole('dialog', { name: '分类默认预警线' });
  const preview = dialog.getByTestId('rule-preview');
  await expect(preview).toContainText('填写补货线或积压线后');
  await dialog.getByLabel('分类').fill('茶叶');
  await dialog.getByLabel('补货线').fill('5');
  await dialog.getByLabel('积压线').fill('10');
  await dialog.getByLabel('滞销天数').fill('30');

  await expect(preview).toContainText('现在就会提醒补货（库存低于 5）：1 种');
  await expect(preview).toContainText('铁观音（库存 3）');
  await expect(preview).toContainText('本店今天才开始有库存记录，还不满 30 天');
  await expect(preview).toContainText('库存高于 10，若 30 天内卖不动将判为滞销：2 种');
  // Slow-moving from 30 days after the stock first came in: today in the store's zone + 30.
  const slowFrom = addDays(localDate(Date.now(), 'Asia/Shanghai'), 30).slice(5);
  await expect(preview).toContainText(`百花茶（库存 40） · ${slowFrom} 起`);
  await screenshot(page, 'alert-preview-day-one', VIEWPORT);

  // A higher line: said in words, not an empty list.
  await dialog.getByLabel('积压线').fill('50');
  await expect(preview).toContainText('没有商品的库存高于 50，暂无滞销风险');
});
