import { expect, test, type Page } from '@playwright/test';
import { loginAs, logout, scan, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { startCapturePrinter } from '../support/capture-printer';

// The till as a cashier uses it, keyboard only: three goods and a coupon scanned, ¥100 cash, the
// change on screen, the receipt (and the drawer pulse) and the coupon it earned on the capture
// printer; a return by the original tender; a handover ¥5 short that needs the manager; the
// close slip balancing.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const CASHIER = { name: '李收银', pin: '135790' };
const GOODS = [
  { sku: 'APL-1', barcode: '6901234567892', name: '红富士苹果', priceFen: 1250 },
  { sku: 'MLK-1', barcode: '6901234567908', name: '纯牛奶 1L', priceFen: 2380 },
  { sku: 'OIL-1', barcode: '6901234567915', name: '花生油 900ml', priceFen: 3560 },
];

/** A person at the keyboard (a fast burst ending in Enter would be taken for a scan). */
const PERSON = { delay: 120 };

let printer: Awaited<ReturnType<typeof startCapturePrinter>>;
test.beforeAll(async () => {
  printer = await startCapturePrinter();
});
test.afterAll(async () => {
  await printer.close();
});

/** The local API with a session token, as a POS tool or the app itself calls it. */
async function api<T>(page: Page, token: string, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${server.url}/api/${method}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: input,
  });
  const result = (await response.json()) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data;
}

const sessionToken = (page: Page) =>
  page.evaluate(() => sessionStorage.getItem('storedesk.sessionToken')) as Promise<string>;

let ownerToken = '';
let couponCode = '';
let storeId = '';

test('the shop is set up: goods in stock, a coupon, the receipt printer, a cashier', async ({
  page,
}) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'XGYX-20',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  ownerToken = await sessionToken(page);
  const [store] = await api<{ id: string; terminals: { id: string }[] }[]>(
    page,
    ownerToken,
    'stores.list',
    {},
  );
  storeId = store!.id;
  for (const good of GOODS)
    await api(page, ownerToken, 'products.create', {
      sku: good.sku,
      barcodes: [good.barcode],
      name: good.name,
      priceFen: good.priceFen,
    });
  await api(page, ownerToken, 'stock.receive', {
    storeId,
    lines: GOODS.map((good) => ({ sku: good.sku, qty: 50 })),
  });
  const template = await api<{ id: string }>(page, ownerToken, 'coupons.createTemplate', {
    name: '满50减5',
    rule: { type: 'threshold', thresholdFen: 5000, amountFen: 500 },
    validity: { kind: 'relative', days: 30 },
  });
  await api(page, ownerToken, 'coupons.setTemplateStatus', { id: template.id, status: 'active' });
  const issued = await api<{ codes: { code: string }[] }>(page, ownerToken, 'coupons.issue', {
    templateId: template.id,
    count: 1,
  });
  couponCode = issued.codes[0]!.code;
  // Spend ¥50, get a coupon for next time (收银时自动送一张).
  const earned = await api<{ id: string }>(page, ownerToken, 'coupons.createTemplate', {
    name: '下次满30减3',
    rule: { type: 'threshold', thresholdFen: 3000, amountFen: 300 },
    validity: { kind: 'relative', days: 30 },
    issueOnSpendFen: 5000,
  });
  await api(page, ownerToken, 'coupons.setTemplateStatus', { id: earned.id, status: 'active' });
  const created = await api<{ id: string }>(page, ownerToken, 'printers.create', {
    name: '收银小票机',
    transport: { kind: 'tcp', ...printer.target },
    widthMm: 58,
  });
  await api(page, ownerToken, 'printers.setDefault', {
    terminalId: store!.terminals[0]!.id,
    printerId: created.id,
  });
  await api(page, ownerToken, 'staff.create', {
    name: CASHIER.name,
    role: 'cashier',
    pin: CASHIER.pin,
  });
});

test('a cashier, keyboard only: float, three goods and a coupon, ¥100 cash, change, receipt and drawer', async ({
  page,
}) => {
  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  // The shift opens with a ¥500 float.
  await page.goto(`${server.url}/#/till`);
  const float = page.getByLabel('备用金（元）');
  await float.focus();
  await page.keyboard.type('500', PERSON);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shift-expected')).toHaveText('¥500.00');

  await page.goto(`${server.url}/#/sale`);
  await expect(page.getByRole('heading', { name: '销售录单' })).toBeVisible();
  for (const good of GOODS) {
    await scan(page, good.barcode);
    await expect(page.locator('.ant-table-tbody tr', { hasText: good.name })).toBeVisible();
  }
  await scan(page, couponCode);
  await expect(page.getByTestId('sale-subtotal')).toHaveText('¥71.90');
  await expect(page.getByTestId('sale-coupon-discount')).toHaveText('-¥5.00');
  await expect(page.getByTestId('sale-payable')).toHaveText('¥66.90');

  await page.keyboard.press('F2');
  await expect(page.getByLabel('现金金额（元）')).toBeFocused();
  await page.keyboard.type('100', PERSON);
  await expect(page.getByTestId('tender-due')).toHaveText('¥66.90');
  await screenshot(page, 'till-sale-tenders', { fullPage: false });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-change')).toHaveText('¥33.10');
  await screenshot(page, 'till-sale-change', { fullPage: false });

  const [receipt] = await printer.waitForJobs(1, 10_000);
  expect(receipt!.drawerPulses).toEqual([0]);
  const text = receipt!.lines.map((line) => line.text);
  for (const good of GOODS) expect(text).toContain(good.name);
  expect(text).toEqual(
    expect.arrayContaining([
      '券 满50减5               -￥5.00',
      '实收                     ￥66.90',
      '现金                     ￥66.90',
      '收现金                  ￥100.00',
      '找零                     ￥33.10',
      '收银员                    李收银',
    ]),
  );
  // The sale earned a coupon for next time: its own slip after the receipt.
  await expect(page.getByText(/本单送券：下次满30减3/)).toBeVisible();
  const [, earnedSlip] = await printer.waitForJobs(2, 10_000);
  expect(earnedSlip!.lines.map((line) => line.text)).toContain('下次满30减3');
  // Enter starts the next sale.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-payable')).toHaveText('¥0.00');
});

test('a return goes back by the original tender; the handover ¥5 short needs the manager', async ({
  page,
}) => {
  const { items } = await api<{ items: { id: string; lines: { id: string; name: string }[] }[] }>(
    page,
    ownerToken,
    'sales.list',
    { storeId },
  );
  const sale = items[0]!;
  const apples = sale.lines.find((line) => line.name === GOODS[0]!.name)!;
  const back = await api<{ refundFen: number; refunds: { kind: string; amountFen: number }[] }>(
    page,
    ownerToken,
    'sales.return',
    { saleId: sale.id, lines: [{ saleLineId: apples.id, qty: 1 }], reason: '顾客退货' },
  );
  expect(back.refunds).toEqual([{ kind: 'cash', amountFen: back.refundFen }]);
  const expectedFen = 50000 + 6690 - back.refundFen;
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

  await page.goto(server.url);
  await loginAs(page, CASHIER.name, CASHIER.pin);
  await page.goto(`${server.url}/#/till`);
  await expect(page.getByTestId('shift-expected')).toHaveText(`¥${yuan(expectedFen)}`);
  await page.getByLabel('实点现金（元）').focus();
  await page.keyboard.type(yuan(expectedFen - 500), PERSON);
  await page.keyboard.press('Enter');
  // Over the ¥2 limit: the manager (the owner, first in the list) confirms with a PIN.
  await expect(page.getByText('差额超过限额，需要店长确认')).toBeVisible();
  await expect(page.getByLabel('店长 PIN')).toBeFocused();
  await page.keyboard.type(OWNER.pin, PERSON);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('handover-result')).toContainText('短款 ¥5.00');
  await logout(page);
});

test('the owner closes the day: the close slip balances to the fen', async ({ page }) => {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
  await page.goto(`${server.url}/#/till`);
  await expect(page.getByTestId('close-net')).toBeVisible();
  await page.getByRole('button', { name: '日结', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '日结', exact: true }).click();
  await expect(page.getByText(/已于 .* 日结（王店主）/)).toBeVisible();
  await screenshot(page, 'till-close', { fullPage: false });
  await page.getByRole('button', { name: '打印日结单' }).click();
  const jobs = await printer.waitForJobs(3, 10_000);
  const text = jobs[2]!.lines.map((line) => line.text);
  expect(text).toContain('日结单');
  expect(text.find((line) => line.startsWith('长短款合计'))).toMatch(/短款 ￥5\.00$/);
  expect(text.find((line) => line.startsWith('  差额'))).toMatch(/短款 ￥5\.00$/);
  // Net per tender adds up to the total, and the total is paid − refunds.
  const fen = (line: string) => Math.round(Number(/￥(\d+\.\d\d)$/.exec(line)![1]) * 100);
  const netStart = text.indexOf('净收款');
  const totalLine = text.find((line) => line.startsWith('合计'))!;
  const netLines = text.slice(netStart + 1, text.indexOf(totalLine));
  expect(netLines.reduce((sum, line) => sum + fen(line), 0)).toBe(fen(totalLine));
  const paid = fen(text.find((line) => line.startsWith('实收'))!);
  const refunded = fen(text.find((line) => line.startsWith('退现金'))!.replace('-', ''));
  expect(fen(totalLine)).toBe(paid - refunded);
});
