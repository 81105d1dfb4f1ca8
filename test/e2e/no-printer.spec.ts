import { expect, test } from '@playwright/test';
import { scan, screenshot } from '../support/e2e-app';
import { callAsTab, openNewShopAsOwner } from '../support/e2e-first-day';
import { serverForThisFile } from '../support/e2e-server';

// 打印小票 on a new shop with no slip printer at 1366×768: no cryptic refusal, but the preview,
// the way to the printers page, and an A4 sheet of the slips through the browser's print.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const server = serverForThisFile();
const VIEWPORT = { fullPage: false };
const TEMPLATE = '开业满50减10';

test('print slips without a slip printer: printers page or an A4 sheet', async ({ page }) => {
  await openNewShopAsOwner(page, server.url);
  const template = await callAsTab<{ id: string }>(page, 'coupons.createTemplate', {
    name: TEMPLATE,
    rule: { type: 'threshold', thresholdFen: 5000, amountFen: 1000 },
    validity: { kind: 'relative', days: 30 },
  });
  await callAsTab(page, 'coupons.setTemplateStatus', { id: template.id, status: 'active' });

  await page.goto(`${server.url}/#/coupons`);
  await page
    .locator('.ant-table-tbody tr.ant-table-row', { hasText: TEMPLATE })
    .getByRole('button', { name: '发券' })
    .click();
  const dialog = page.getByRole('dialog', { name: `发券：${TEMPLATE}` });
  await dialog.getByLabel('发券数量').fill('2');
  await dialog.getByRole('button', { name: '生成券码' }).click();
  await expect(dialog.getByText('已发出 2 张')).toBeVisible();
  await dialog.getByRole('button', { name: '打印小票' }).click();

  // The slip is still previewed; the notice says what is missing and offers both ways on.
  await expect(dialog.getByTestId('slip-printable')).toBeVisible();
  await expect(dialog.getByText('还没有设置小票打印机')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '去设置打印机' })).toBeVisible();
  await screenshot(page, 'no-printer-1-notice', VIEWPORT);

  // A4: every slip on one sheet, sent to the browser's print (the dialog itself stubbed).
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await dialog.getByRole('button', { name: '用普通打印机打印（A4）' }).click();
  const sheet = page.getByTestId('a4-slips');
  await expect(sheet.getByTestId('slip-printable')).toHaveCount(2);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(dialog.getByRole('button', { name: '去设置打印机' })).toBeHidden();
  await screenshot(page, 'no-printer-2-a4', VIEWPORT);
  await page.emulateMedia({ media: 'screen' });
  // The print dialog closed: the sheet goes.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(sheet).toHaveCount(0);

  // Or set a printer up.
  await dialog.getByRole('button', { name: '去设置打印机' }).click();
  await expect(page).toHaveURL(/#\/printers$/);

  // A sale at this till: the receipt cannot print, so it is shown, and printable on A4.
  await callAsTab(page, 'products.create', {
    sku: 'TEA-1',
    barcodes: ['6901234567892'],
    name: '龙井茶',
    priceFen: 3800,
  });
  const [store] = await callAsTab<{ id: string }[]>(page, 'stores.list', {});
  await callAsTab(page, 'stock.receive', { storeId: store!.id, lines: [{ sku: 'TEA-1', qty: 5 }] });
  await page.goto(`${server.url}/#/sale`);
  // The page listens for the scanner once it is shown.
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  await scan(page, '6901234567892');
  await expect(page.getByTestId('sale-payable')).toHaveText('¥38.00');
  await page.keyboard.press('F2');
  await expect(page.getByLabel('现金金额（元）')).toBeFocused();
  await expect(page.getByTestId('tender-due')).toHaveText('¥38.00');
  await page.keyboard.type('50', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-change')).toHaveText('¥12.00');
  // Said once, quietly (a shop without a slip printer sells all day); 补打 shows the receipt.
  await expect(page.getByText('本收银台没有小票打印机，小票未打印')).toBeVisible();
  await page.getByRole('button', { name: '补打小票' }).click();
  const receipt = page.getByRole('dialog', { name: '小票未打印' });
  await expect(receipt.getByText('还没有设置小票打印机')).toBeVisible();
  await expect(receipt.getByTestId('slip-printable')).toContainText('龙井茶');
  await screenshot(page, 'no-printer-3-receipt', VIEWPORT);
  await receipt.getByRole('button', { name: '用普通打印机打印（A4）' }).click();
  await expect(page.getByTestId('a4-slips').getByTestId('slip-printable')).toHaveCount(1);
});
