import { expect, test } from '@playwright/test';
import { loginAs, screenshot } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { FIRST_DAY_SHOP, openNewShopAsOwner } from '../support/e2e-first-day';

// The owner's settings page: shop texts kept, a backup taken and restored (with a restart).
const server = serverForThisFile();

test('the owner sets receipt texts and districts, backs up, and restores the backup', async ({
  page,
}) => {
  await openNewShopAsOwner(page, server.url);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByTestId('settings-about')).toContainText('0.1.0');
  await expect(page.getByTestId('settings-about')).toContainText('storedesk-e2e-');

  // A backup of the shop as it is now.
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份：storedesk-.*-manual\.db/)).toBeVisible();
  await expect(page.locator('.ant-table-row', { hasText: '手动' })).toHaveCount(1);

  await page.getByLabel('商户名称').fill('便利优选（玄武）');
  await page.getByLabel('小票页脚').fill('谢谢惠顾，7 天内凭小票退换');
  await page.getByLabel('营业日分界').fill('4:00');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('时间格式为 时:分，如 04:00')).toBeVisible();
  await page.getByLabel('营业日分界').fill('04:00');
  await page.getByLabel(FIRST_DAY_SHOP.storeName).fill('新街口商圈');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('小票页脚')).toHaveValue('谢谢惠顾，7 天内凭小票退换');
  await expect(page.getByLabel(FIRST_DAY_SHOP.storeName)).toHaveValue('新街口商圈');
  await expect(page.getByLabel('营业日分界')).toHaveValue('04:00');
  await screenshot(page, 'settings', { fullPage: true });

  // Restoring asks, keeps the current data aside, and restarts on the backup.
  await page
    .locator('.ant-table-row', { hasText: '手动' })
    .getByRole('button', { name: '恢复' })
    .click();
  const confirm = page.getByRole('dialog', { name: '用这份备份恢复店铺数据？' });
  await expect(confirm).toContainText('当前数据会先另存一份');
  await confirm.getByRole('button', { name: '恢复并重启' }).click();
  await expect(page).toHaveURL(/#\/login$/);
  await loginAs(page, FIRST_DAY_SHOP.owner.name, FIRST_DAY_SHOP.owner.pin);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByLabel('商户名称')).toHaveValue(FIRST_DAY_SHOP.merchantName);
  await expect(page.getByLabel('小票页脚')).not.toHaveValue('谢谢惠顾，7 天内凭小票退换');
  await expect(page.locator('.ant-table-row', { hasText: '恢复前' })).toHaveCount(1);
});
