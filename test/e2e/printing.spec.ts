import { PNG } from 'pngjs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PAPER } from '../../src-shared/slips/model';
import { displayWidth } from '../../src-shared/slips/text';
import { callApi, loginAs, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { startCapturePrinter } from '../support/capture-printer';
import { type Printed } from '../support/escpos-decoder';

// Printing end to end: a network printer added on the printers page, its test page, the preview
// of a coupon slip in 58 and 80 mm, and 50 slips printed after issuing, on a capture printer.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const MERCHANT = '鲜果优选';
const TEMPLATE = '国庆满100减20';
const TERMS = '全场通用，特价商品除外；每单限用一张，不找零，不兑换现金。';
const VIEWPORT = { fullPage: false };

let printer: Awaited<ReturnType<typeof startCapturePrinter>>;
test.beforeAll(async () => {
  printer = await startCapturePrinter();
});
test.afterAll(async () => {
  await printer.close();
});

/** Every line of a decoded slip fits its paper: 32 or 48 columns, half that in double width. */
function expectLinesFit(slip: Printed, width: 58 | 80) {
  const columns = PAPER[width].columns;
  for (const line of slip.lines)
    expect(displayWidth(line.text), line.text).toBeLessThanOrEqual(
      line.big ? columns / 2 : columns,
    );
}

/** The whole slip as a picture (the dialog scrolls a long slip; the picture should not). */
async function slipShot(page: Page, preview: Locator, name: string) {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: 2400 });
  await preview.evaluate((figure) => (figure.parentElement!.style.maxHeight = 'none'));
  await preview.screenshot({ path: test.info().outputPath(`screenshots/${name}.png`) });
  await preview.evaluate((figure) => (figure.parentElement!.style.maxHeight = ''));
  await page.setViewportSize(viewport);
}

/** Nothing drawn in the preview reaches past the printable width of the paper. */
async function expectPreviewFits(preview: Locator, width: 58 | 80) {
  const printable = preview.getByTestId('slip-printable');
  // True size: one dot a pixel (polled, as a dialog zooms in when it opens).
  await expect
    .poll(async () => Math.round((await printable.boundingBox())?.width ?? 0))
    .toBe(PAPER[width].dots);
  const overflow = await printable.evaluate((area) => {
    const edge = area.getBoundingClientRect();
    return [...area.querySelectorAll('[data-testid=slip-line] span, canvas, svg')]
      .map((element) => element.getBoundingClientRect())
      .filter((r) => r.left < edge.left - 0.5 || r.right > edge.right + 0.5).length;
  });
  expect(overflow).toBe(0);
}

const row = (page: Page, text: string) =>
  page.locator('.ant-table-tbody tr.ant-table-row', { hasText: text });

test('a network printer added on the printers page prints its test page', async ({ page }) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: MERCHANT,
    merchantCode: 'XGYX-05',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  await page.getByRole('menuitem', { name: '打印机' }).click();
  await expect(page).toHaveURL(/#\/printers$/);
  await expect(page.getByText('还没有打印机')).toBeVisible();

  await page.getByRole('button', { name: '添加打印机' }).click();
  const dialog = page.getByRole('dialog', { name: '添加打印机' });
  await dialog.getByLabel('名称').fill('前台小票机');
  // USB lists the printers plugged in now: none on this machine (or no USB support at all).
  await dialog.getByText('USB', { exact: true }).click();
  await expect(dialog.getByText(/没有发现 USB 打印机|暂不支持该连接方式/)).toBeVisible();
  await screenshot(page, '4-printer-form-usb', VIEWPORT);
  await dialog.getByText('网络（网口）', { exact: true }).click();
  await expect(dialog.getByLabel('端口')).toHaveValue('9100');
  await dialog.getByLabel('IP 地址').fill('127.0.0.1');
  await dialog.getByLabel('端口').fill(String(printer.target.port));
  await expect(dialog.getByText('58 毫米 · 32 列')).toBeVisible();
  await screenshot(page, '4-printer-form', VIEWPORT);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  // The printers table (the first printer also became T01's default, in the tills table below).
  const printerRow = row(page, `127.0.0.1:${printer.target.port}`);
  await expect(printerRow).toContainText('前台小票机');
  await expect(row(page, 'T01 1号收银台')).toContainText('前台小票机');
  await expect(printerRow).toContainText('58 毫米');
  await expect(printerRow.getByTestId('printer-status')).toHaveText('在线');

  await printerRow.getByRole('button', { name: '测试页' }).click();
  const testDialog = page.getByRole('dialog', { name: /测试页预览/ });
  const preview = testDialog.getByRole('figure', { name: '小票预览（58 毫米）' });
  await expect(preview.getByText('中文：店务通 欢迎光临，谢谢惠顾！')).toBeVisible();
  await expectPreviewFits(preview, 58);
  await testDialog.getByRole('button', { name: '打印测试页' }).click();
  await expect(testDialog.getByText('测试页已打印')).toBeVisible();
  await screenshot(page, '4-test-page', VIEWPORT);

  const [testPage] = printer.printed();
  expect(printer.printed()).toHaveLength(1);
  expect(testPage!.lines.map((line) => line.text)).toContain('打印测试');
  expect(testPage!.qrs).toEqual(['STOREDESK-TEST']);
  expect(testPage!.barcodes).toEqual(['12345678901234567890']);
  expect(testPage!.cuts).toBe(1);
  expectLinesFit(testPage!, 58);
  await testDialog.getByRole('button', { name: '关闭' }).last().click();

  // The queue lists the test page as done.
  const job = row(page, '测试页');
  await expect(job.getByTestId('print-job-status')).toHaveText('已完成');
  await expect(job.getByTestId('print-job-progress')).toContainText('1/1');
  await screenshot(page, '4-printers-page', VIEWPORT);

  // English second.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Printers' })).toBeVisible();
  await expect(row(page, 'Test page').getByTestId('print-job-status')).toHaveText('Done');
  await screenshot(page, '4-printers-page-en', VIEWPORT);
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '打印机' })).toBeVisible();
});

test('50 coupon slips printed after issuing, previewed in 58 and 80 mm', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);

  // A 满减 template with terms long enough to wrap.
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await page.getByRole('button', { name: '新建券模板' }).click();
  const form = page.locator('.ant-drawer');
  await form.getByLabel('名称').fill(TEMPLATE);
  await form.getByRole('radio', { name: /^满减/ }).click();
  await form.getByLabel('说明', { exact: true }).fill(TERMS);
  await form.getByLabel('门槛（满多少）').fill('100');
  await form.getByLabel('减多少').fill('20');
  await form.getByLabel('有效天数').fill('30');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await row(page, TEMPLATE).getByRole('button', { name: '启用' }).click();
  await expect(row(page, TEMPLATE)).toContainText('进行中');

  // Issue 50 and print them at once on the network printer.
  await row(page, TEMPLATE).getByRole('button', { name: '发券' }).click();
  const dialog = page.getByRole('dialog', { name: `发券：${TEMPLATE}` });
  await dialog.getByLabel('发券数量').fill('50');
  await dialog.getByText('发券后立即打印小票').click();
  await expect(dialog.getByLabel('打印机')).toBeVisible();
  await dialog.getByRole('button', { name: '生成券码' }).click();

  const job = dialog.getByTestId('print-slips-job');
  await expect(job.getByTestId('print-job-progress')).toContainText('50/50', { timeout: 30_000 });
  await expect(job).toContainText('已完成');
  await expect(dialog.getByRole('button', { name: '补打 50 张' })).toBeEnabled();

  // The preview of the first slip, as on 58 mm paper, then as on 80 mm.
  const preview58 = dialog.getByRole('figure', { name: '小票预览（58 毫米）' });
  await expect(preview58.getByText(MERCHANT, { exact: false }).first()).toBeVisible();
  // The name says the rule (国庆满100减20): printed once, large.
  await expect(preview58.getByText(TEMPLATE, { exact: true })).toBeVisible();
  await expect(preview58.getByText('满100减20', { exact: true })).toHaveCount(0);
  await expectPreviewFits(preview58, 58);
  await slipShot(page, preview58, '4-coupon-slip-58');
  await screenshot(page, '4-print-after-issue', VIEWPORT);
  await dialog.locator('.ant-segmented').getByText('80 毫米').click();
  const preview80 = dialog.getByRole('figure', { name: '小票预览（80 毫米）' });
  await expect(preview80.getByText(TEMPLATE, { exact: true })).toBeVisible();
  await expectPreviewFits(preview80, 80);
  await slipShot(page, preview80, '4-coupon-slip-80');

  // The printer got 50 slips: one per code, Chinese readable, every line within 32 columns.
  const slips = printer.printed().slice(1);
  expect(slips).toHaveLength(50);
  const codes = new Set<string>();
  for (const slip of slips) {
    const text = slip.lines.map((line) => line.text).join('\n');
    expect(text).toContain(MERCHANT);
    expect(text).toContain(TEMPLATE);
    expect(text).toContain('满100减20');
    // Wrapped as Chinese is (a closing mark never starts a line), so read across the lines.
    expect(text.replaceAll('\n', '')).toContain('特价商品除外；');
    expect(slip.qrs).toHaveLength(1);
    expect(slip.barcodes).toHaveLength(1);
    expect(slip.cuts).toBe(1);
    expectLinesFit(slip, 58);
    codes.add(slip.barcodes[0]!);
  }
  expect(codes.size).toBe(50);

  // What the preview shows is what printed: the first slip's lines, in the same order (but the
  // issue time, which the preview takes from the moment the issue answered: a minute may turn).
  await dialog.locator('.ant-segmented').getByText('58 毫米').click();
  const lines = (texts: string[]) =>
    texts.map((text) => text.trim()).filter((text) => text && !text.startsWith('发券时间'));
  const shown = await preview58.getByTestId('slip-line').allTextContents();
  expect(lines(shown)).toEqual(lines(slips[0]!.lines.map((line) => line.text)));
});

/** A logo PNG: a black frame and bar, a grey gradient that dithering turns into dots. */
function logoPng(): Buffer {
  const png = new PNG({ width: 240, height: 72 });
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const frame = x < 6 || y < 6 || x >= png.width - 6 || y >= png.height - 6;
      const bar = y > 28 && y < 44 && x > 20 && x < 120;
      const value = frame || bar ? 0 : x > 130 ? Math.round(((x - 130) / 110) * 255) : 255;
      png.data.set([value, value, value, 255], (y * png.width + x) * 4);
    }
  return PNG.sync.write(png);
}

/** The preview's logo canvas as 1-bit rows, packed like the printer's raster. */
async function previewLogoBits(preview: Locator): Promise<{ width: number; bits: number[] }> {
  return preview.getByRole('img', { name: '小票标志预览' }).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const { data, width, height } = canvas
      .getContext('2d')!
      .getImageData(0, 0, canvas.width, canvas.height);
    const bits = new Array<number>((width / 8) * height).fill(0);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        if (data[(y * width + x) * 4]! < 128) bits[y * (width / 8) + (x >> 3)]! |= 0x80 >> (x & 7);
    return { width, bits };
  });
}

test('the shop logo and a cashback slip from the cashback page, reprinted as 补打', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);

  // The till's default printer and the logo, on the printers page.
  await page.getByRole('menuitem', { name: '打印机' }).click();
  await page.getByLabel('收银台 T01 的默认打印机').click();
  await page.locator('.ant-select-item-option', { hasText: '前台小票机' }).click();
  await expect(row(page, `127.0.0.1:${printer.target.port}`)).toContainText('T01');
  await page.locator('input[type=file]').setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: logoPng(),
  });
  await expect(page.getByText('240 × 72 像素')).toBeVisible();
  await expect(page.getByRole('img', { name: '小票标志预览' })).toBeVisible();
  await screenshot(page, '4-printers-logo', VIEWPORT);

  // A product with a cashback campaign.
  await page.getByRole('menuitem', { name: '商品' }).click();
  await page.getByRole('button', { name: '新增商品' }).click();
  const product = page.getByRole('dialog', { name: '新增商品' });
  await product.getByLabel('商品名称').fill('红富士苹果');
  await product.getByLabel('SKU').fill('1001');
  await product.getByLabel('售价').fill('5.8');
  await product.getByRole('button', { name: '保存' }).click();
  await expect(product).toBeHidden();
  await page.getByRole('menuitem', { name: '优惠券' }).click();
  await page.getByRole('button', { name: '新建券模板' }).click();
  const form = page.locator('.ant-drawer');
  await form.getByLabel('名称').fill('苹果返现');
  await form.getByRole('radio', { name: /^返现/ }).click();
  await form.getByLabel('返现金额').fill('2');
  const productField = form.getByLabel('返现商品');
  await productField.click();
  await productField.pressSequentially('红富士');
  await page.locator('.ant-select-item-option', { hasText: '红富士苹果' }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await row(page, '苹果返现').getByRole('button', { name: '启用' }).click();
  await expect(row(page, '苹果返现')).toContainText('进行中');

  // An apple is sold at the till (a cashback code is for a unit sold).
  const { storeId } = await callApi<{ storeId: string }>(page, server.url, 'auth.session', {});
  await callApi(page, server.url, 'stock.receive', { storeId, lines: [{ sku: '1001', qty: 1 }] });
  await callApi(page, server.url, 'sales.record', {
    terminalSaleId: 'E2E-PRINT-1',
    storeId,
    lines: [{ sku: '1001', qty: 1, unitPriceFen: 580 }],
  });

  // 返现兑付 → 打印返现小票: the code is made and printed on the till's default printer.
  const before = printer.printed().length;
  await page.getByRole('menuitem', { name: '返现兑付' }).click();
  await page.getByRole('button', { name: '打印返现小票' }).click();
  const dialog = page.getByRole('dialog', { name: '打印返现小票' });
  const productPick = dialog.getByLabel('售出的商品');
  await productPick.click();
  await productPick.pressSequentially('红富士');
  await page.locator('.ant-select-item-option', { hasText: '红富士苹果' }).click();
  await expect(dialog.getByLabel('打印机')).toBeVisible();
  await dialog.getByRole('button', { name: '出返现码' }).click();
  const job = dialog.getByTestId('print-slips-job');
  await expect(job.getByTestId('print-job-progress')).toContainText('1/1');
  const preview = dialog.getByRole('figure', { name: '小票预览（58 毫米）' });
  await expect(preview.getByText('返现 ￥2.00', { exact: true })).toBeVisible();
  await slipShot(page, preview, '4-cashback-slip-58');

  await expect.poll(() => printer.printed().length).toBe(before + 1);
  const slip = printer.printed()[before]!;
  const text = slip.lines.map((line) => line.text);
  expect(text).toContain('返现 ￥2.00');
  expect(text).toContain('购买 红富士苹果');
  expectLinesFit(slip, 58);
  // The logo printed dot for dot as the preview draws it.
  expect(slip.images).toHaveLength(1);
  const shown = await previewLogoBits(preview);
  expect(shown.width).toBe(slip.images[0]!.width);
  expect(shown.bits).toEqual([...slip.images[0]!.bits]);

  // 补打: the same code again, marked so it cannot pass for a second slip.
  await dialog.getByRole('button', { name: '补打 1 张' }).click();
  await expect(job).toContainText('补打');
  await expect(job.getByTestId('print-job-progress')).toContainText('1/1');
  await expect(preview.getByText('【补打】', { exact: true })).toBeVisible();
  await expect.poll(() => printer.printed().length).toBe(before + 2);
  const reprint = printer.printed()[before + 1]!;
  expect(reprint.lines.map((line) => line.text)).toContain('【补打】');
  expect(reprint.qrs).toEqual(slip.qrs);

  // The queue on the printers page: both cashback jobs done, the second marked 补打; the first
  // can be reprinted from there too.
  await dialog.getByRole('button', { name: '关闭' }).last().click();
  await page.getByRole('menuitem', { name: '打印机' }).click();
  const cashbackJobs = row(page, '返现小票');
  await expect(cashbackJobs).toHaveCount(2);
  await expect(cashbackJobs.first()).toContainText('补打');
  await expect(cashbackJobs.nth(1).getByTestId('print-job-status')).toHaveText('已完成');
  await cashbackJobs.nth(1).getByRole('button', { name: '补打' }).click();
  await expect(page.getByText('补打任务已加入队列')).toBeVisible();
  await expect(cashbackJobs).toHaveCount(3);
  await expect.poll(() => printer.printed().length).toBe(before + 3);
  expect(printer.printed()[before + 2]!.lines.map((line) => line.text)).toContain('【补打】');
  // After a reload too: the app keeps each job's codes, not the window.
  await page.reload();
  await expect(cashbackJobs).toHaveCount(3);
  await cashbackJobs.last().getByRole('button', { name: '补打' }).click();
  await expect(page.getByText('补打任务已加入队列')).toBeVisible();
  await expect(cashbackJobs).toHaveCount(4);
  await expect.poll(() => printer.printed().length).toBe(before + 4);
  const afterReload = printer.printed()[before + 3]!;
  expect(afterReload.lines.map((line) => line.text)).toContain('【补打】');
  expect(afterReload.qrs).toEqual(slip.qrs);
  await screenshot(page, '4-print-queue', VIEWPORT);
});
