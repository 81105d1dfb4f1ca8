import fs from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import {
  CASHIER_MENU,
  OWNER_MENU,
  addStaff,
  loginAs,
  logout,
  menuItems,
  scan,
  screenshot,
  setUpShop,
} from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// Coupons end to end on one shop, test by test: products, templates, codes, the till, the void.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const CASHIER = { name: '李收银', pin: '135790', role: '收银员' } as const;
const MANAGER = { name: '赵店长', pin: '223607', role: '店长' } as const;
const PHONE = '13812345678';
const VIEWPORT = { fullPage: false };
const TEMPLATE = '国庆满100减20';

/** The code the owner issues and the cashier redeems, as printed ("1234 5678 …"). */
let issuedCode = '';
/** A code of the stackable 8.5折 coupon, used together with the first one. */
let percentCode = '';
/** …and as a scanner sends it: digits only. */
const scannedCode = () => issuedCode.replace(/\s/g, '');

async function openAs(page: Page, person: { name: string; pin: string }) {
  await page.goto(server.url);
  await loginAs(page, person.name, person.pin);
}

/** Clicks and waits for the file the click downloads; answers its text. */
async function downloadedText(page: Page, click: () => Promise<void>): Promise<[Download, string]> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return [download, fs.readFileSync(await download.path(), 'utf8')];
}

/** Picks a product in the form's product picker by typing its name, as a person would. */
async function pickProduct(page: Page, label: string, name: string) {
  const item = page.locator('.ant-drawer .ant-form-item', {
    has: page.locator('.ant-form-item-label label', { hasText: new RegExp(`^${label}$`) }),
  });
  const field = item.getByLabel(label);
  await field.click();
  await field.pressSequentially(name);
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(open.locator('.ant-select-item-option-active', { hasText: name })).toBeVisible();
  await field.press('Enter');
  await expect(item).toContainText(name);
}

/** A date in the store's zone (Asia/Shanghai, UTC+8 all year), `offset` days from today. */
const shanghaiDate = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

const templateRow = (page: Page, name: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });

test('the owner sets up the shop, its staff and its products', async ({ page }) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'XGYX-02',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  expect(await menuItems(page)).toEqual(OWNER_MENU);
  await addStaff(page, CASHIER);
  await addStaff(page, MANAGER);

  await page.getByRole('menuitem', { name: '商品' }).click();
  await expect(page).toHaveURL(/#\/products$/);
  await expect(page.getByText('还没有商品')).toBeVisible();
  const addProduct = async (product: {
    name: string;
    sku: string;
    barcode: string;
    category: string;
    price: string;
    cost?: string;
  }) => {
    await page.getByRole('button', { name: '新增商品' }).click();
    const dialog = page.getByRole('dialog', { name: '新增商品' });
    await dialog.getByLabel('商品名称').fill(product.name);
    await dialog.getByLabel('SKU').fill(product.sku);
    await dialog.getByLabel('条码').fill(product.barcode);
    await dialog.getByLabel('条码').press('Enter');
    await dialog.getByLabel('分类').fill(product.category);
    await dialog.getByLabel('售价').fill(product.price);
    if (product.cost) await dialog.getByLabel('成本价').fill(product.cost);
    await dialog.getByRole('button', { name: '保存' }).click();
    return dialog;
  };

  // Money is typed in yuan: a third decimal is a typo, not a price.
  const dialog = await addProduct({
    name: '红富士苹果',
    sku: '1001',
    barcode: '6901234567892',
    category: '水果',
    price: '5.005',
  });
  await expect(dialog.getByText('金额最多两位小数（精确到分）')).toBeVisible();
  await dialog.getByLabel('售价').fill('5.80');
  await dialog.getByLabel('成本价').fill('3.2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await addProduct({
    name: '环保购物袋',
    sku: '2001',
    barcode: '6900000000019',
    category: '日用',
    price: '2',
  });
  await addProduct({
    name: '有机香蕉',
    sku: '1002',
    barcode: '6901234567908',
    category: '水果',
    price: '12.5',
  });
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  const apple = rows.filter({ hasText: '红富士苹果' });
  await expect(apple).toContainText('6901234567892');
  await expect(apple).toContainText('¥5.80');
  await expect(apple).toContainText('¥3.20');
  await expect(rows.filter({ hasText: '有机香蕉' })).toContainText('¥12.50');

  // A scanned barcode finds its product, wherever the focus is.
  await page.locator('body').click();
  await scan(page, '6901234567908');
  await expect(page.getByText('已找到：有机香蕉 ¥12.50')).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel('搜索商品')).toHaveValue('6901234567908');
  await page.getByLabel('搜索商品').fill('');
  await expect(rows).toHaveCount(3);
  await screenshot(page, '2x-products', VIEWPORT);
});

test('coupon templates of every type, each summed up in one line', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await expect(page).toHaveURL(/#\/coupons$/);
  await expect(page.getByText('还没有券模板')).toBeVisible();

  // The order of application, from src-shared/coupons/pricing.ts.
  await page.getByText('多张券同时使用时的计算顺序').click();
  await expect(page.getByText('一张订单最多使用一张不可叠加的券')).toBeVisible();

  const form = page.locator('.ant-drawer');
  const newTemplate = async (name: string, type: RegExp) => {
    await page.getByRole('button', { name: '新建券模板' }).click();
    await form.getByLabel('名称').fill(name);
    await form.getByRole('radio', { name: type }).click();
  };
  // The form from its top: name, type and the type's own fields.
  const formShot = async (name: string) => {
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await page.mouse.move(0, 0);
    await form.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await screenshot(page, name, VIEWPORT);
  };
  const save = async () => {
    await form.getByRole('button', { name: '保存' }).click();
    await expect(form).toBeHidden();
  };

  // 满减: ¥20 off ¥100, valid for 30 days after issue. A bad amount is refused first.
  await newTemplate(TEMPLATE, /^满减/);
  await form.getByLabel('门槛（满多少）').fill('100');
  await form.getByLabel('减多少').fill('abc');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请输入金额，例如 12 或 12.50')).toBeVisible();
  await form.getByLabel('减多少').fill('20');
  await form.getByLabel('有效天数').fill('30');
  await expect(form.getByText('可叠加的券能和其他券同时用在一张订单上')).toBeVisible();
  await formShot('2x-template-form-threshold');
  await save();
  await expect(templateRow(page, TEMPLATE)).toContainText('满100减20');
  await expect(templateRow(page, TEMPLATE)).toContainText('领取后30天内有效');
  await expect(templateRow(page, TEMPLATE)).toContainText('草稿');

  // 满减 that repeats, with a cap.
  await newTemplate('周末每满100减10', /^满减/);
  await form.getByLabel('门槛（满多少）').fill('100');
  await form.getByLabel('减多少').fill('10');
  await form.getByLabel('每满都减').click();
  await form.getByLabel('最多减').fill('30');
  await save();
  await expect(templateRow(page, '周末每满100减10')).toContainText('每满100减10，最多减30');

  // 折扣, typed as 折, with fixed dates.
  await newTemplate('店庆八五折', /^折扣/);
  await form.getByLabel('折扣', { exact: true }).fill('8.5');
  await form.getByLabel('最多减').fill('50');
  await form.getByText('固定日期').click();
  await form.getByLabel('起止日期').click();
  await page.getByPlaceholder('开始日期').fill(shanghaiDate(0));
  await page.getByPlaceholder('结束日期').fill(shanghaiDate(60));
  await page.getByPlaceholder('结束日期').press('Enter');
  await form.getByLabel('可叠加').click();
  await formShot('2x-template-form-percent');
  await save();
  await expect(templateRow(page, '店庆八五折')).toContainText('8.5折，最多减50');
  await expect(templateRow(page, '店庆八五折')).toContainText(
    `${shanghaiDate(0)} 至 ${shanghaiDate(60)}`,
  );

  // 抵扣
  await newTemplate('10元代金券', /^抵扣/);
  await form.getByLabel('抵扣金额').fill('10');
  await form.getByLabel('最低消费').fill('50');
  await formShot('2x-template-form-voucher');
  // Customers may share it with friends in their wallet: copies per holder, hands it may pass.
  await form.getByText('可分享复制', { exact: true }).click();
  await expect(form.getByLabel('最多转手几次')).toHaveValue('2');
  await form.getByLabel('最多分享次数').fill('3');
  await form.getByLabel('最多转手几次').scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  await screenshot(page, '2x-template-form-share', VIEWPORT);
  await save();
  await expect(templateRow(page, '10元代金券')).toContainText('抵扣10元，满50可用');
  await expect(
    templateRow(page, '10元代金券').getByRole('button', { name: '分享记录' }),
  ).toBeVisible();

  // 单品
  await newTemplate('苹果第一件免费', /^单品/);
  await pickProduct(page, '优惠商品', '红富士苹果');
  await formShot('2x-template-form-item');
  await save();
  await expect(templateRow(page, '苹果第一件免费')).toContainText('红富士苹果 第1件免费');

  // 满赠
  await newTemplate('满50送购物袋', /^满赠/);
  await form.getByLabel('门槛（满多少）').fill('50');
  await pickProduct(page, '赠品', '环保购物袋');
  await formShot('2x-template-form-gift');
  await save();
  await expect(templateRow(page, '满50送购物袋')).toContainText('满50送 环保购物袋×1');

  // 返现, for apples.
  await newTemplate('苹果返现', /^返现/);
  await form.getByLabel('返现金额').fill('2');
  await pickProduct(page, '返现商品', '红富士苹果');
  await expect(form.getByText('适用范围')).toHaveCount(0);
  await formShot('2x-template-form-cashback');
  await save();
  await expect(templateRow(page, '苹果返现')).toContainText('返现 ¥2');

  // Draft → running: the row offers 发券 only then; 返现 codes come from the till, not from here.
  for (const name of [TEMPLATE, '店庆八五折', '苹果返现']) {
    await templateRow(page, name).getByRole('button', { name: '启用' }).click();
    await expect(templateRow(page, name)).toContainText('进行中');
  }
  await expect(templateRow(page, TEMPLATE).getByRole('button', { name: '发券' })).toBeVisible();
  await expect(templateRow(page, TEMPLATE).getByRole('button', { name: '暂停' })).toBeVisible();
  await expect(templateRow(page, '苹果返现').getByRole('button', { name: '发券' })).toHaveCount(0);
  await expect(templateRow(page, '满50送购物袋').getByRole('button', { name: '发券' })).toHaveCount(
    0,
  );
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(7);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '2x-templates-list', VIEWPORT);
});

test('issue codes with their QR; a batch of 20,000 exported; edits once codes are out', async ({
  page,
}) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await templateRow(page, TEMPLATE).getByRole('button', { name: '发券' }).click();
  const dialog = page.getByRole('dialog', { name: `发券：${TEMPLATE}` });
  await dialog.getByLabel('发券数量').fill('3');
  await dialog.getByRole('button', { name: '生成券码' }).click();
  await expect(dialog.getByText('已发出 3 张')).toBeVisible();
  const codes = dialog.getByTestId('issued-code');
  await expect(codes).toHaveCount(3);
  for (const text of await codes.allInnerTexts()) expect(text.trim()).toMatch(/^(\d{4} ){4}\d{4}$/);
  await expect(dialog.getByRole('img', { name: /^券码 .+ 的二维码$/ })).toHaveCount(3);
  await expect(dialog.getByText(/^有效期至 \d{4}-\d{2}-\d{2}$/)).toHaveCount(3);
  issuedCode = (await codes.first().innerText()).trim();
  await screenshot(page, '2x-issue-dialog-qr', VIEWPORT);
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(templateRow(page, TEMPLATE)).toContainText('已发 3 · 核销 0');

  // One 8.5折 code, to a customer's phone.
  await templateRow(page, '店庆八五折').getByRole('button', { name: '发券' }).click();
  const percentDialog = page.getByRole('dialog', { name: '发券：店庆八五折' });
  await percentDialog.getByLabel('发券数量').fill('1');
  await percentDialog.getByLabel('发给顾客（选填）').fill('1381234');
  await percentDialog.getByRole('button', { name: '生成券码' }).click();
  await expect(percentDialog.getByText('请输入 11 位大陆手机号')).toBeVisible();
  await percentDialog.getByLabel('发给顾客（选填）').fill(PHONE);
  await percentDialog.getByRole('button', { name: '生成券码' }).click();
  await expect(percentDialog.getByTestId('issued-code')).toHaveCount(1);
  percentCode = (await percentDialog.getByTestId('issued-code').innerText()).trim();
  await percentDialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // 20,000 are made in the background, with live progress.
  await templateRow(page, TEMPLATE).getByRole('button', { name: '发券' }).click();
  await dialog.getByLabel('发券数量').fill('20000');
  await expect(dialog.getByText('数量较多，将在后台生成')).toBeVisible();
  await dialog.getByRole('button', { name: '开始后台生成' }).click();
  const progress = dialog.getByRole('progressbar', { name: '进度' });
  await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
  await expect(dialog).toContainText('20,000 / 20,000 张');
  await expect(dialog).toContainText('已完成');
  await screenshot(page, '2x-batch-progress', VIEWPORT);

  const [download, csv] = await downloadedText(page, () =>
    dialog.getByRole('button', { name: '导出 CSV' }).click(),
  );
  expect(download.suggestedFilename()).toMatch(/^coupons-\d{4}-\d{2}-\d{2}-\w+\.csv$/);
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(20_001);
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0])).size).toBe(20_000);
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  await expect(templateRow(page, TEMPLATE)).toContainText('已发 20,003 · 核销 0');

  // Codes are out: an edit that takes from their holders is refused with the app's reason…
  await templateRow(page, TEMPLATE).getByRole('button', { name: '编辑' }).click();
  const form = page.locator('.ant-drawer');
  await expect(form.getByText('已发出 20,003 张券')).toBeVisible();
  await form.getByLabel('适用门店').click();
  await page.locator('.ant-select-item-option', { hasText: '鲜果优选 新街口店' }).click();
  await form.getByText('编辑券模板').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('template-refusal')).toHaveText(
    '已发出的券会因此受损，不能这样修改：适用门店只能增加',
  );
  // …while a new amount makes a new rule version: the codes out keep theirs (¥20 off).
  await form.getByLabel('适用门店').press('Backspace');
  await form.getByLabel('减多少').fill('25');
  await form.getByRole('button', { name: '保存' }).click();
  const versioned = page.getByRole('dialog', { name: '已保存为第 2 版规则' });
  await expect(versioned).toContainText('已发出的 20,003 张券仍按原来的规则使用');
  await versioned.getByRole('button', { name: '确定' }).click();
  await expect(form).toBeHidden();
  await expect(templateRow(page, TEMPLATE)).toContainText('满100减25');

  // Background batches stay listed with their exports.
  await page.getByRole('tab', { name: '发券批次' }).click();
  const batches = page
    .getByRole('tabpanel', { name: '发券批次' })
    .locator('.ant-table-tbody tr.ant-table-row');
  // Codes issued directly are listed as finished batches too: the 3 above and the 8.5折 one.
  await expect(batches).toHaveCount(3);
  await expect(batches.nth(2)).toContainText('3 / 3 张 · 已完成');
  await expect(batches.first()).toContainText(TEMPLATE);
  await expect(batches.first()).toContainText('20,000 / 20,000 张 · 已完成');
  await expect(batches.first().getByRole('button', { name: '导出 Excel' })).toBeEnabled();
  await screenshot(page, '2x-batches', VIEWPORT);
});

test('the cashier scans the code once, then again: already redeemed', async ({ page }) => {
  await openAs(page, CASHIER);
  expect(await menuItems(page)).toEqual(CASHIER_MENU);
  // The home is today's dashboard: the cashier's own store only.
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible();
  await expect(page.getByTestId('home-store')).toHaveCount(1);
  await screenshot(page, '2x-home-cashier', VIEWPORT);
  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await expect(page).toHaveURL(/#\/redeem$/);
  await expect(page.getByText('请扫描或输入券码')).toBeVisible();
  await screenshot(page, '2x-redemption-idle', VIEWPORT);

  await page.getByLabel('订单金额（元）').fill('120');
  // The focus is in the phone field, not the code field: the scan still lands, and the phone
  // field keeps what it had.
  const phone = page.getByLabel('顾客手机号（选填）');
  await phone.fill(PHONE);
  await scan(page, scannedCode());
  const summary = page.getByTestId('order-summary');
  await expect(summary).toContainText('可以使用');
  await expect(summary).toContainText(TEMPLATE);
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥20.00');
  await expect(page.getByTestId('verdict-payable')).toContainText('¥100.00');
  await expect(phone).toHaveValue(PHONE);
  await expect(page.getByLabel('券码', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('本单的券')).toContainText('第1步');
  await expect(page.getByLabel('本单的券')).toContainText(issuedCode);
  await screenshot(page, '2x-redemption-valid', VIEWPORT);

  await page.getByRole('button', { name: /确认核销/ }).click();
  const success = page.getByTestId('redemption-success');
  await expect(success).toContainText('核销成功');
  // Words and numbers a cashier reads; no internal id.
  await expect(success).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await expect(success).toContainText(/核销时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(success).toContainText('¥100.00');
  await screenshot(page, '2x-redemption-success', VIEWPORT);

  // The same code again: refused, saying when, where and by whom.
  await scan(page, scannedCode());
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'ALREADY_REDEEMED');
  await expect(refusal).toContainText('已核销');
  await expect(refusal).toContainText(CASHIER.name);
  await expect(refusal).toContainText('鲜果优选 新街口店');
  await expect(refusal).toContainText('T01');
  await expect(refusal).toContainText(/此券已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 在/);
  await screenshot(page, '2x-redemption-already-redeemed', VIEWPORT);

  // Escape clears; a person typing the same digits slowly is no scanner.
  await page.keyboard.press('Escape');
  await expect(page.getByText('请扫描或输入券码')).toBeVisible();
  await phone.fill('');
  await phone.click();
  await page.keyboard.type(scannedCode(), { delay: 120 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await expect(phone).toHaveValue(scannedCode());
  await expect(page.getByText('请扫描或输入券码')).toBeVisible();
  await expect(page.getByTestId('refusal')).toHaveCount(0);
});

test('a manager finds the redemption and voids it with the owner PIN', async ({ page }) => {
  await openAs(page, MANAGER);
  await page.getByRole('menuitem', { name: '核销记录' }).click();
  await expect(page).toHaveURL(/#\/redemptions$/);
  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: issuedCode });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(TEMPLATE);
  await expect(row).toContainText(CASHIER.name);
  await expect(row).toContainText('T01');
  await expect(row).toContainText('138****5678');
  await expect(row).toContainText('¥120.00');
  await expect(row).toContainText('¥20.00');
  await expect(row).toContainText('已核销');
  // 撤销 is offered inside the void window only, with the time left.
  await expect(row).toContainText(/还可撤销 (30|29) 分钟/);
  await expect(page.getByText('核销后 30 分钟内，店长可以撤销')).toBeVisible();
  await screenshot(page, '2x-history', VIEWPORT);

  await row.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销核销' });
  // The reason comes first.
  await dialog.getByRole('button', { name: /王店主/ }).click();
  await expect(dialog.getByText('必填')).toBeVisible();
  await dialog.getByLabel('撤销原因').fill('顾客退货');
  await expect(dialog.getByRole('button', { name: /收银员/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: /王店主/ }).click();
  await expect(dialog.getByText('请输入 PIN 码')).toBeVisible();
  await page.keyboard.type('000000', { delay: 100 });
  // A manager PIN typed into another's action counts against the caller, not the owner.
  await expect(dialog.getByText(/PIN 码错误，还可尝试 \d+ 次/)).toBeVisible();
  await screenshot(page, '2x-void-dialog', VIEWPORT);
  await page.keyboard.type(OWNER.pin, { delay: 100 });
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已撤销');
  await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);

  const [download, csv] = await downloadedText(page, () =>
    page.getByRole('button', { name: '导出 CSV（全部符合条件的记录）' }).click(),
  );
  expect(download.suggestedFilename()).toMatch(/^redemptions-\d{8}-\d{4}\.csv$/);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, line] = csv.slice(1).trim().split('\r\n');
  expect(header).toContain('券码');
  expect(line).toContain(issuedCode);
  expect(line).toContain('120.00,20.00,已撤销');
  expect(line).toContain(OWNER.name);
  expect(line).toContain('顾客退货');

  // The audit log tells both as sentences, in yuan; ids stay behind 详情.
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const audit = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(audit.filter({ hasText: '撤销券' })).toContainText(
    `撤销券 ${issuedCode} 的核销（优惠 ¥20.00），授权人 王店主，原因：顾客退货`,
  );
  await expect(audit.filter({ hasText: /^.*核销“/ }).first()).toContainText(
    `券 ${issuedCode}，优惠 ¥20.00`,
  );
  for (const text of await audit.allInnerTexts())
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  // The coupon can be used again.
  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await page.getByLabel('订单金额（元）').fill('120');
  await page.getByLabel('券码', { exact: true }).fill(issuedCode);
  await page.getByLabel('券码', { exact: true }).press('Enter');
  await expect(page.getByTestId('order-summary')).toContainText('可以使用');
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥20.00');
});

test('two coupons on one order apply in order; one is voided from the till', async ({ page }) => {
  await openAs(page, MANAGER);
  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await page.getByLabel('订单金额（元）').fill('120');
  const codeField = page.getByLabel('券码', { exact: true });
  // Typed digits are grouped as the slip prints them.
  await codeField.pressSequentially('123456789');
  await expect(codeField).toHaveValue('1234 5678 9');
  await codeField.fill('');
  for (const code of [issuedCode, percentCode]) {
    await codeField.fill(code);
    await codeField.press('Enter');
    await expect(codeField).toHaveValue('');
  }
  // 8.5折 first (¥18 off ¥120), then 满100减20 on the ¥102 left.
  const stack = page.getByLabel('本单的券').locator('li');
  await expect(stack).toHaveCount(2);
  await expect(stack.nth(0)).toContainText('第1步');
  await expect(stack.nth(0)).toContainText('店庆八五折');
  await expect(stack.nth(0)).toContainText('-¥18.00');
  await expect(stack.nth(1)).toContainText('第2步');
  await expect(stack.nth(1)).toContainText(TEMPLATE);
  await expect(stack.nth(1)).toContainText('-¥20.00');
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥38.00');
  await expect(page.getByTestId('verdict-payable')).toContainText('¥82.00');
  await screenshot(page, '2x-redemption-stacked', VIEWPORT);

  await page.getByRole('button', { name: '确认核销（2 张券）' }).click();
  const success = page.getByTestId('redemption-success');
  await expect(success).toContainText('核销成功');
  await expect(success).toContainText('¥82.00');
  // Undone at once by the manager at the till: the coupon is usable again.
  const receipt = success.locator('li', { hasText: TEMPLATE });
  await receipt.getByRole('button', { name: '撤销核销' }).click();
  const dialog = page.getByRole('dialog', { name: '撤销核销' });
  await dialog.getByLabel('撤销原因').fill('核销错了券');
  await dialog.getByRole('button', { name: /赵店长/ }).click();
  await page.keyboard.type(MANAGER.pin, { delay: 100 });
  await expect(dialog).toBeHidden();
  await expect(receipt).toContainText('已撤销');
  await expect(success.locator('li', { hasText: '店庆八五折' })).toContainText('-¥18.00');
  // The panel no longer says the whole order was redeemed: the customer pays ¥20 more.
  await expect(success).toContainText('核销成功，其中 1 张已撤销');
  await expect(page.getByTestId('success-payable')).toContainText('撤销后应付');
  await expect(page.getByTestId('success-payable')).toContainText('¥102.00');
  await expect(stack.filter({ hasText: TEMPLATE })).toContainText('已撤销');
  await expect(success).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await screenshot(page, '2x-redemption-after-void', VIEWPORT);
});

test('an item coupon needs the goods line by line; a scanned barcode adds them', async ({
  page,
}) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await templateRow(page, '苹果第一件免费').getByRole('button', { name: '启用' }).click();
  await templateRow(page, '苹果第一件免费').getByRole('button', { name: '发券' }).click();
  const dialog = page.getByRole('dialog', { name: '发券：苹果第一件免费' });
  await dialog.getByLabel('发券数量').fill('1');
  await dialog.getByRole('button', { name: '生成券码' }).click();
  const itemCode = (await dialog.getByTestId('issued-code').innerText()).trim();
  await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

  // By amount, the till cannot know the order has apples: it says what to do.
  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await page.getByLabel('订单金额（元）').fill('20');
  const codeField = page.getByLabel('券码', { exact: true });
  await codeField.fill(itemCode);
  await codeField.press('Enter');
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'ITEM_NOT_IN_ORDER');
  await expect(refusal).toContainText('请切换到“按商品”录入订单');
  await expect(page.getByLabel('本单的券')).toContainText('订单中没有适用商品');
  await expect(page.getByRole('button', { name: /确认核销/ })).toBeDisabled();

  // A scanned apple switches to line entry and goes on the order; the coupon now fits.
  await page.locator('h3').first().click();
  await scan(page, '6901234567892');
  await expect(page.getByText('已加入：红富士苹果 ¥5.80')).toBeVisible();
  const line = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '红富士苹果' });
  await line.getByRole('spinbutton').fill('3');
  await line.getByRole('spinbutton').press('Tab');
  await expect(line).toContainText('¥17.40');
  await expect(line).toContainText('-¥5.80');
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥5.80');
  await expect(page.getByTestId('verdict-payable')).toContainText('¥11.60');
  await expect(page.getByTestId('refusal')).toHaveCount(0);
  await expect(codeField).toHaveValue('');
  await screenshot(page, '2x-redemption-lines', VIEWPORT);
  await page.getByRole('button', { name: /确认核销/ }).click();
  await expect(page.getByTestId('redemption-success')).toContainText('¥11.60');
});

test('cashback: a code from the till is paid out once to a mobile number', async ({ page }) => {
  await openAs(page, CASHIER);
  // What a POS terminal does: record the sale of an apple, then ask for its cashback code.
  const cashbackCode = await page.evaluate(async () => {
    const token = sessionStorage.getItem('storedesk.sessionToken');
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return ((await response.json()) as { data: Record<string, unknown> }).data;
    };
    const session = await call('auth.session', {});
    const storeId = (session as { storeId: string }).storeId;
    await call('stock.receive', { storeId, lines: [{ sku: '1001', qty: 1 }] });
    await call('sales.record', {
      terminalSaleId: 'E2E-CASHBACK-1',
      storeId,
      lines: [{ sku: '1001', qty: 1, unitPriceFen: 1299 }],
    });
    return (await call('cashback.requestCode', { sku: '1001' })).code as string;
  });
  expect(cashbackCode).toMatch(/^\d{20}$/);

  await page.getByRole('menuitem', { name: '返现兑付' }).click();
  await expect(page.getByText('等待兑付')).toBeVisible();
  await scan(page, cashbackCode);
  await expect(page.getByLabel('返现码')).toHaveValue(cashbackCode);
  await page.getByLabel('顾客手机号').fill('1381234');
  await page.getByRole('button', { name: '兑付返现' }).click();
  await expect(page.getByText('请输入 11 位大陆手机号')).toBeVisible();
  await page.getByLabel('顾客手机号').fill(PHONE);
  await page.getByRole('button', { name: '兑付返现' }).click();
  const paid = page.getByTestId('cashback-paid');
  await expect(paid).toContainText('兑付成功');
  await expect(paid).toContainText('¥2.00');
  await expect(paid).toContainText('红富士苹果 · 已发放到 138****5678');
  await screenshot(page, '2x-cashback', VIEWPORT);

  await page.getByLabel('返现码').fill(cashbackCode);
  await page.getByLabel('顾客手机号').fill(PHONE);
  await page.getByRole('button', { name: '兑付返现' }).click();
  await expect(page.getByTestId('cashback-refused')).toContainText(
    /此返现码已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 兑付/,
  );
  await logout(page);
});

test('the coupon pages speak English too', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Coupons' }).click();
  await expect(templateRow(page, TEMPLATE)).toContainText('¥25 off ¥100');
  await expect(templateRow(page, TEMPLATE)).toContainText('For 30 days after issue');
  await expect(templateRow(page, '周末每满100减10')).toContainText(
    '¥10 off every ¥100, up to ¥30 off',
  );
  await expect(templateRow(page, '店庆八五折')).toContainText('Pay 85%, up to ¥50 off');
  await expect(templateRow(page, '满50送购物袋')).toContainText('Spend ¥50, get 环保购物袋 ×1');
  await screenshot(page, '2x-english-coupons', VIEWPORT);

  await page.getByRole('menuitem', { name: 'Redeem' }).click();
  await page.getByLabel('Order amount (¥)').fill('50');
  const codeField = page.getByLabel('Code', { exact: true });
  await codeField.fill(issuedCode);
  await codeField.press('Enter');
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'MIN_SPEND_NOT_MET');
  await expect(refusal).toContainText('Minimum spend not met: ¥50.00 more');
  await expect(refusal).toContainText('Short by');
  await screenshot(page, '2x-english-redemption', VIEWPORT);
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '核销', exact: true })).toBeVisible();
});
