import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { callApi, loginAs, logout, scan, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// Members at the till, one journey: a cashier signs a customer up with consent, the sale earns
// points, a second sale (the member found by the last four digits) pays partly with points and
// lifts the member to 银卡, a return gives the points back exactly; the owner reads the member's
// page, merges her second phone and undoes it; weeks later (the server's test clock) a birthday
// coupon appears on its day.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile({ testClock: true });
const DAY = 86_400_000;

const OWNER = { name: '王店主', pin: '271828' };
const CASHIER = { name: '李收银', pin: '135790' };
const APPLE = { sku: 'APL-1', barcode: '6901234567892', name: '红富士苹果', priceFen: 1250 };
const OIL = { sku: 'OIL-1', barcode: '6901234567915', name: '花生油 900ml', priceFen: 3560 };
/** Members pay ¥18.00 for it (a member price). */
const TEA = { sku: 'TEA-1', barcode: '6901234567922', name: '百花茶', priceFen: 2000 };
const PHONE = '13912345678';
const PERSON = { delay: 60 };

interface Balance {
  available: number;
  earned: number;
  spent: number;
  reversed: number;
}
let memberId = '';

/** The month and day (MM-DD) `days` from today in the shop's zone (Asia/Shanghai). */
const monthDayIn = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(5, 10);

const balance = (page: Page) => callApi<Balance>(page, server.url, 'points.balance', { memberId });

test('the shop is set up: goods in stock, 10 points per yuan, a cashier', async ({ page }) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'XGYX-22',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  const [store] = await callApi<{ id: string }[]>(page, server.url, 'stores.list', {});
  for (const good of [APPLE, OIL, TEA])
    await callApi(page, server.url, 'products.create', {
      sku: good.sku,
      barcodes: [good.barcode],
      name: good.name,
      priceFen: good.priceFen,
      ...(good === TEA ? { memberPriceFen: 1800 } : {}),
    });
  await callApi(page, server.url, 'stock.receive', {
    storeId: store!.id,
    lines: [
      { sku: APPLE.sku, qty: 50 },
      { sku: OIL.sku, qty: 50 },
      { sku: TEA.sku, qty: 50 },
    ],
  });
  // A ¥5.00 welcome coupon goes to every new member's phone.
  const welcome = await callApi<{ id: string }>(page, server.url, 'coupons.createTemplate', {
    name: '新会员礼',
    rule: { type: 'voucher', amountFen: 500 },
    validity: { kind: 'relative', days: 30 },
  });
  await callApi(page, server.url, 'coupons.setTemplateStatus', {
    id: welcome.id,
    status: 'active',
  });
  // And a ¥10.00 birthday coupon, given within 7 days before the birthday.
  const birthday = await callApi<{ id: string }>(page, server.url, 'coupons.createTemplate', {
    name: '生日礼券',
    rule: { type: 'voucher', amountFen: 1000 },
    validity: { kind: 'relative', days: 30 },
  });
  await callApi(page, server.url, 'coupons.setTemplateStatus', {
    id: birthday.id,
    status: 'active',
  });
  await callApi(page, server.url, 'memberSettings.save', {
    earnPointsPerYuan: 10,
    welcomeTemplateId: welcome.id,
    birthdayTemplateId: birthday.id,
    birthdayDaysBefore: 7,
  });
  await callApi(page, server.url, 'levels.save', {
    levels: [
      { name: '普通会员', thresholdFen: 0, multiplierPct: 100 },
      // Reached by the second sale: ¥30.60 + ¥10.50 paid otherwise than with points.
      { name: '银卡', thresholdFen: 4_000, multiplierPct: 150 },
    ],
  });
  await callApi(page, server.url, 'staff.create', {
    name: CASHIER.name,
    role: 'cashier',
    pin: CASHIER.pin,
  });
});

test('a cashier signs the customer up with consent, uses the welcome coupon; the sale earns points', async ({
  page,
}) => {
  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  await page.goto(`${server.url}/#/sale`);
  // The page listens for the scanner once it is shown.
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  await scan(page, OIL.barcode);
  await expect(page.locator('.ant-table-tbody tr', { hasText: OIL.name })).toBeVisible();

  await page.getByRole('button', { name: '登记会员' }).click();
  const dialog = page.getByRole('dialog', { name: '登记会员' });
  await dialog.getByLabel('手机号').fill(PHONE);
  await dialog.getByLabel('姓名（选填）').fill('张小花');
  // Her birthday is in three days: the birthday coupon comes with the welcome one.
  await dialog.getByLabel('生日（选填，月-日）').fill(monthDayIn(3));
  await dialog.getByRole('checkbox', { name: '营销短信' }).check();
  await screenshot(page, 'members-till-sign-up', { fullPage: false });
  await dialog.getByRole('button', { name: '登记并选为本单会员' }).click();
  await expect(page.getByTestId('till-member')).toContainText('张小花 139****5678');
  await expect(page.getByTestId('till-member')).toContainText('普通会员');
  await expect(page.getByTestId('till-member')).toContainText('该会员有 2 张可用券');
  await page.getByRole('button', { name: '用券：新会员礼' }).click();
  await expect(page.getByTestId('sale-coupon-discount')).toHaveText('-¥5.00');
  await expect(page.getByTestId('sale-payable')).toHaveText('¥30.60');
  await screenshot(page, 'members-till-member', { fullPage: false });

  // Cash exact: ¥30.60 paid after the coupon earns 306 points.
  await page.getByRole('button', { name: '收款记账（Enter）' }).click();
  await expect(page.getByText('已记账', { exact: true }).first()).toBeVisible();
  const [found] = (
    await callApi<{ matches: { id: string }[] }>(page, server.url, 'members.lookup', {
      phone: PHONE,
    })
  ).matches;
  memberId = found!.id;
  expect(await balance(page)).toMatchObject({ available: 306, earned: 306, spent: 0 });
  // Someone whose birthday is a month away gets the welcome coupon only, for now.
  await callApi(page, server.url, 'members.create', {
    phone: '13912340000',
    birthday: monthDayIn(30),
  });
  const [monthAway] = (
    await callApi<{ matches: { couponCount: number }[] }>(page, server.url, 'members.lookup', {
      phone: '13912340000',
    })
  ).matches;
  expect(monthAway!.couponCount).toBe(1);
  const member = await callApi<{ consents: { purpose: string; granted: boolean }[] }>(
    page,
    server.url,
    'members.get',
    { id: memberId },
  );
  expect(member.consents.map((c) => [c.purpose, c.granted])).toEqual([
    ['location', false],
    ['marketingSms', true],
    ['profiling', false],
  ]);
});

test('the member found by the last four digits pays ¥2.00 with points; a return gives them back', async ({
  page,
}) => {
  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  await page.goto(`${server.url}/#/sale`);
  // The page listens for the scanner once it is shown.
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  await scan(page, APPLE.barcode);
  await expect(page.getByTestId('sale-payable')).toHaveText('¥12.50');

  await page.getByLabel('手机号、后 4 位或扫会员码').fill('5678');
  await page.getByLabel('手机号、后 4 位或扫会员码').press('Enter');
  await expect(page.getByTestId('till-member')).toContainText('可用积分 306，可抵 ¥3.06');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F8');
  await expect(page.getByTestId('tender-points')).toContainText('¥3.06');
  await page.keyboard.type('2', PERSON);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tender-due')).toHaveText('¥10.50');
  await screenshot(page, 'members-till-points', { fullPage: false });
  await page.keyboard.press('Enter');
  await expect(page.getByText('已记账', { exact: true }).first()).toBeVisible();

  // 200 points paid; only the ¥10.50 paid otherwise earns: 105 points (at the level the member
  // held when the sale began). That sale takes the 12-month spend to ¥41.10: 银卡 at once.
  expect(await balance(page)).toMatchObject({ available: 106 + 105, earned: 411, spent: 200 });
  await page.getByRole('button', { name: '下一单' }).click();
  await page.getByLabel('手机号、后 4 位或扫会员码').fill('5678');
  await page.getByLabel('手机号、后 4 位或扫会员码').press('Enter');
  await expect(page.getByTestId('till-member')).toContainText('银卡');

  await logout(page);
  await loginAs(page, OWNER.name, OWNER.pin);
  const { items } = await callApi<{ items: { id: string; lines: { id: string }[] }[] }>(
    page,
    server.url,
    'sales.list',
    {},
  );
  const refund = await callApi<{ refunds: { kind: string; amountFen: number }[] }>(
    page,
    server.url,
    'sales.return',
    { saleId: items[0]!.id, lines: [{ saleLineId: items[0]!.lines[0]!.id, qty: 1 }] },
  );
  expect(refund.refunds).toEqual(
    expect.arrayContaining([
      { kind: 'points', amountFen: 200 },
      { kind: 'cash', amountFen: 1050 },
    ]),
  );
  // The 105 earned are taken back and the 200 spent come back: as after the first sale.
  expect(await balance(page)).toMatchObject({
    available: 306,
    earned: 411,
    spent: 0,
    reversed: 105,
  });
});

test('the owner reads the member: points lots, history, consents; the settings', async ({
  page,
}) => {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
  await page.getByRole('menuitem', { name: '会员' }).click();
  await expect(page.getByRole('heading', { name: '会员' })).toBeVisible();
  await page.getByLabel('手机号、姓名、拼音首字母').fill('zxh');
  await page.getByLabel('手机号、姓名、拼音首字母').press('Enter');
  const row = page.locator('.ant-table-tbody tr', { hasText: '139****5678' });
  await expect(row).toContainText('张小花');
  // The return took the spend back under ¥40, but a level falls only at its review date.
  await expect(row).toContainText('银卡');
  await screenshot(page, 'members-list', { fullPage: false });
  await row.click();
  const detail = page.getByTestId('member-points');
  await expect(detail).toContainText('306');
  await expect(page.getByRole('dialog')).toContainText('消费获得');
  await expect(page.getByRole('dialog')).toContainText('同意接收本店的优惠活动短信');
  // The purchase profile from the rollups; no scores without consent to profiling.
  const profile = page.getByTestId('member-profile');
  await expect(profile).toContainText('到店次数2');
  await expect(profile).toContainText('不做评分与分群');
  await screenshot(page, 'members-detail', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: '撤回' }).click();
  await expect(page.getByText('授权已更新')).toBeVisible();

  // 导出资料: everything kept about her, readable (printed or saved as PDF) and as JSON.
  await page.getByRole('button', { name: '导出资料' }).click();
  const sheet = page.getByTestId('member-data-sheet');
  await expect(sheet).toContainText('张小花 的会员资料');
  await expect(sheet).toContainText('+8613912345678');
  await expect(sheet).toContainText('同意接收本店的优惠活动短信');
  await expect(sheet).toContainText('鲜果优选 新街口店');
  await expect(sheet).toContainText('生日礼券');
  await screenshot(page, 'members-data-sheet', { fullPage: false });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 JSON' }).click();
  expect((await download).suggestedFilename()).toBe(`member-${memberId}.json`);
  await page.locator('.ant-modal-close').last().click();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '积分与等级设置' }).click();
  await expect(page.getByLabel('等级名称').first()).toHaveValue('普通会员');
  await screenshot(page, 'members-settings', { fullPage: false });
  // Each level may give its members a coupon every month.
  await expect(page.getByLabel('每月等级券').first()).toBeVisible();
  await page.getByLabel('每月等级券').last().scrollIntoViewIfNeeded();
  await screenshot(page, 'members-levels', { fullPage: false });
});

test('the owner imports a member list (GBK CSV) through the wizard on 会员', async ({ page }) => {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
  await page.getByRole('menuitem', { name: '会员' }).click();
  await page.getByRole('button', { name: '导入会员' }).click();
  const wizard = page.getByRole('dialog', { name: '从 CSV / Excel 导入会员' });
  // As Excel on a Chinese Windows saves it: GBK. One phone is a member already, one is wrong.
  const list = [
    '手机号,姓名,生日,性别,标签,积分',
    '13800138001,陈小明,1988-07-01,男,常客，VIP,500',
    '13800138002,刘芳,5月12日,女,学生,',
    `${PHONE},张小花,,,,`,
    '12345,错号码,,,,',
  ].join('\r\n');
  await wizard
    .locator('.ant-upload input[type=file]')
    .setInputFiles({ name: '老会员.csv', mimeType: 'text/csv', buffer: iconv.encode(list, 'gbk') });
  await expect(wizard).toContainText('GBK 编码（已自动转换）');
  await wizard.getByRole('button', { name: '检查数据' }).click();
  await expect(wizard).toContainText('发现 1 处错误，本次不会导入任何会员');
  const issues = wizard.getByTestId('import-issues').locator('tr.ant-table-row');
  await expect(issues.first().locator('td')).toHaveText([
    '5',
    '手机号',
    '不是有效的手机号：“12345”',
  ]);
  await expect(wizard.getByTestId('member-import-consent')).toContainText(
    '导入的会员未记录营销授权，请在会员下次到店时补登',
  );
  await wizard.getByRole('checkbox', { name: /跳过有错误的行/ }).check();
  await expect(wizard.getByRole('button', { name: '只导入没有错误的 2 行' })).toBeEnabled();
  await expect(wizard.locator('tr.ant-table-row', { hasText: '139****5678' })).toContainText(
    '已是会员',
  );
  await screenshot(page, 'members-import-check', { fullPage: false });
  await wizard.getByRole('button', { name: '只导入没有错误的 2 行' }).click();
  await expect(wizard).toContainText('新建 2 位会员，更新 0 位，跳过已是会员的 1 位');
  await wizard.getByRole('button', { name: '完成' }).click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: '138****8001' })).toContainText(
    '陈小明',
  );
  await expect(page.locator('.ant-table-tbody tr', { hasText: '138****8002' })).toContainText(
    '刘芳',
  );
});

test('a member pays the member price; without the member, the price', async ({ page }) => {
  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  await page.goto(`${server.url}/#/sale`);
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  await scan(page, TEA.barcode);
  await expect(page.getByTestId('sale-payable')).toHaveText('¥20.00');
  await page.getByLabel('手机号、后 4 位或扫会员码').fill('5678');
  await page.getByLabel('手机号、后 4 位或扫会员码').press('Enter');
  await expect(page.getByTestId('member-price')).toHaveText('会员价 ¥18.00');
  await expect(page.getByTestId('sale-payable')).toHaveText('¥18.00');
  await screenshot(page, 'members-member-price', { fullPage: false });
  await page.getByRole('button', { name: '取消会员' }).click();
  await expect(page.getByTestId('member-price')).toHaveCount(0);
  await expect(page.getByTestId('sale-payable')).toHaveText('¥20.00');
});

test('the owner merges the customer’s second phone into her record, then undoes it', async ({
  page,
}) => {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
  // Her old number, a member of its own with 250 points (¥25.00 of apples at 10 per yuan).
  const OLD_PHONE = '13700001234';
  const [store] = await callApi<{ id: string }[]>(page, server.url, 'stores.list', {});
  const { member: old } = await callApi<{ member: { id: string } }>(
    page,
    server.url,
    'members.create',
    { phone: OLD_PHONE, name: '张小花' },
  );
  await callApi(page, server.url, 'sales.record', {
    terminalSaleId: 'MERGE-1',
    storeId: store!.id,
    memberId: old.id,
    lines: [{ sku: APPLE.sku, qty: 2, unitPriceFen: APPLE.priceFen }],
    tenders: [{ kind: 'cash', amountFen: 2 * APPLE.priceFen }],
  });
  const before = (await balance(page)).available;

  await page.getByRole('menuitem', { name: '会员' }).click();
  await page.getByLabel('手机号、姓名、拼音首字母').fill('5678');
  await page.getByLabel('手机号、姓名、拼音首字母').press('Enter');
  await page.locator('.ant-table-tbody tr', { hasText: '139****5678' }).click();
  await page.getByRole('button', { name: '合并会员' }).click();
  const dialog = page.getByRole('dialog', { name: '把另一位会员合并到本会员' });
  await dialog.getByLabel('对方手机号').fill(OLD_PHONE);
  await dialog.getByRole('button', { name: '查找' }).click();
  await expect(dialog.getByTestId('merge-found')).toHaveText('137****1234 张小花：可用积分 250');
  await dialog.getByLabel('原因（选填）').fill('顾客换了手机号');
  await screenshot(page, 'members-merge-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: '确认合并' }).click();
  await expect(page.getByText('已合并：转入积分 250，消费 ¥25.00')).toBeVisible();

  // One member now: her points together, her old number listed under her, and found at the till.
  await expect(page.getByTestId('member-points')).toContainText(String(before + 250));
  await expect(page.getByTestId('merged-in')).toContainText('137****1234');
  await screenshot(page, 'members-merged', { fullPage: false });
  const found = await callApi<{ matches: { id: string }[] }>(page, server.url, 'members.lookup', {
    phone: OLD_PHONE,
  });
  expect(found.matches.map((m) => m.id)).toEqual([memberId]);

  // Undone: the old record has its 250 points back.
  await page.getByTestId('merged-in').getByRole('button', { name: '撤销合并' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s?定/ })
    .click();
  await expect(page.getByText('已撤销合并，退回积分 250')).toBeVisible();
  await expect(page.getByTestId('member-points')).toContainText(String(before));
  await expect(page.getByTestId('merged-in')).toHaveCount(0);
});

test('24 days on (the server’s clock), the member whose birthday was a month away has her birthday coupon at the till', async ({
  page,
}) => {
  // Her birthday is now 6 days away: inside the 7 days before it, so the daily pass gives it.
  await server.advanceClock(24 * DAY);
  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  await page.goto(`${server.url}/#/sale`);
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  await page.getByLabel('手机号、后 4 位或扫会员码').fill('13912340000');
  await page.getByLabel('手机号、后 4 位或扫会员码').press('Enter');
  const member = page.getByTestId('till-member');
  await expect(member).toContainText('139****0000');
  await expect(member).toContainText('该会员有 2 张可用券');
  await expect(page.getByRole('button', { name: '用券：生日礼券' })).toBeVisible();
  await screenshot(page, 'members-birthday-coupon', { fullPage: false });
});
