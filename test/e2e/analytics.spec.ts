import fs from 'node:fs';
import path from 'node:path';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { loginAs, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';
import { DEMO_STAFF_PIN } from '../../src-shared/auth/demo';

// Analytics on a demo merchant, test by test: the empty dashboard's demo button, every chart
// drawn, the insights naming the store the demo makes decline, an export, the printable report.
test.describe.configure({ mode: 'serial' });
// A chart's first answer reads months of rollups; on a shared two-core build machine that can
// take longer than the usual ten seconds.
const expect = baseExpect.configure({ timeout: 30_000 });
const server = serverForThisFile();

/** The real shop's owner, who opens the demo shop; then the demo shop's owner (its PIN is shown). */
const SHOP_OWNER = { name: '周店主', pin: '258036' };
const OWNER = { name: '演示店主', pin: DEMO_STAFF_PIN };
/** The demo generator bends this store's sales down over the last three weeks. */
const DECLINING_STORE = '苏州姑苏店';
const VIEWPORT = { fullPage: false };

async function openAs(page: Page, person: { name: string; pin: string }) {
  await page.goto(server.url);
  await loginAs(page, person.name, person.pin);
}

/** A dashboard card by its `data-section`. */
const section = (page: Page, name: string) => page.locator(`[data-section="${name}"]`);

/** A picture of one card, under test-results/screenshots/, for people to look at. */
async function sectionShot(card: Locator, name: string) {
  const dir = path.join(test.info().project.outputDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // The app's header stays on top while the page scrolls: out of the picture of one card.
  const header = card.page().locator('.ant-layout-header');
  await header.evaluate((element: HTMLElement) => (element.style.visibility = 'hidden'));
  await card.scrollIntoViewIfNeeded();
  await card.page().waitForTimeout(600);
  await card.screenshot({ path: path.join(dir, `${name}.png`) });
  await header.evaluate((element: HTMLElement) => (element.style.visibility = ''));
}

/**
 * The chart in a card has drawn something: its canvas exists and enough of its pixels are
 * painted (axes alone, or an empty canvas, are far fewer), and ECharts described its series.
 */
async function expectChartDrawn(card: Locator) {
  const chart = card.locator('[data-chart]').first();
  await expect(chart.locator('canvas')).toBeVisible();
  await expect
    .poll(
      () =>
        chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
          const context = canvas.getContext('2d');
          if (!context || canvas.width === 0) return 0;
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
          return painted / (canvas.width * canvas.height);
        }),
      { message: 'the chart paints its data' },
    )
    .toBeGreaterThan(0.02);
  // ECharts' aria option writes what the chart shows into aria-label.
  await expect(chart).toHaveAttribute('aria-label', /.+/);
}

test('an empty shop offers the demo shop; its owner sees the charts fill', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '便利优选',
    merchantCode: 'BLYX-01',
    storeName: '便利优选 总店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: SHOP_OWNER,
  });
  await loginAs(page, SHOP_OWNER.name, SHOP_OWNER.pin);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  await expect(page).toHaveURL(/#\/analytics$/);
  await expect(page.getByText('还没有可以分析的数据')).toBeVisible();
  await screenshot(page, 'analytics-empty', VIEWPORT);

  // Demo data lives in its own demo shop (never in this one): the rest of this file is there.
  await page.getByRole('button', { name: '打开演示店' }).click();
  await page
    .getByRole('dialog', { name: '打开演示店？' })
    .getByRole('button', { name: '打开演示店' })
    .click();
  await expect(page.getByText('这是演示店，数据都是虚构的')).toBeVisible({ timeout: 200_000 });
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  await expect(page.getByRole('search', { name: '筛选条件' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '近30天' })).toBeChecked();
});

test('the store tab: insights name the declining store, every chart draws', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '数据分析' }).click();

  const insights = section(page, 'insights');
  const declines = insights.locator('[data-insights="decline"]');
  await expect(declines).toContainText(DECLINING_STORE);
  await expect(insights).toContainText('规则：');
  await screenshot(page, 'analytics-stores-tab', VIEWPORT);
  await sectionShot(insights, 'analytics-insights');

  const storeTrend = section(page, 'store-trend');
  await expectChartDrawn(storeTrend);
  await expect(storeTrend.locator('.ant-table-row', { hasText: DECLINING_STORE })).toBeVisible();
  await sectionShot(storeTrend, 'analytics-store-trend');
  // Every metric and grain draws.
  for (const metric of ['交易笔数', '客单价', '复购率']) {
    await storeTrend.getByTitle(metric).click();
    await expectChartDrawn(storeTrend);
  }
  await storeTrend.getByTitle('按周').click();
  await expectChartDrawn(storeTrend);
  await sectionShot(storeTrend, 'analytics-store-trend-repeat-weekly');

  const cashiers = section(page, 'cashiers');
  await expectChartDrawn(cashiers);
  await expect(cashiers.locator('.ant-table-row').first()).toBeVisible();
  await sectionShot(cashiers, 'analytics-cashiers');

  const coupons = section(page, 'coupon-effect');
  await expect(coupons.locator('.ant-table-row').first()).toBeVisible();
  // Issued, and of them the codes phones claimed, side by side.
  await expect(coupons.locator('.ant-table-thead th')).toContainText(['发放', '手机领取', '核销']);
  await expect(coupons).toContainText('¥');
  await sectionShot(coupons, 'analytics-coupon-effect');
});

test("a declining store's suggested coupon opens the template form filled in", async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  const decline = section(page, 'insights')
    .locator('[data-insights="decline"] .ant-list-item', { hasText: DECLINING_STORE })
    .first();
  await expect(decline).toBeVisible();
  const useCoupon = decline.getByRole('button', { name: '用这张券' });
  test.skip((await useCoupon.count()) === 0, 'the advice for this store is not a coupon');
  await useCoupon.click();
  const drawer = page.getByRole('dialog', { name: '新建券模板' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByLabel('名称', { exact: true })).toHaveValue(/.+/);
  await screenshot(page, 'analytics-insight-coupon', VIEWPORT);
  await drawer.getByRole('button', { name: '取消' }).click();
});

test('an export writes the chart data as a CSV with a header row', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  const storeTrend = section(page, 'store-trend');
  await expectChartDrawn(storeTrend);
  await storeTrend.getByRole('button', { name: '导出' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/门店/);
  expect(lines.length).toBeGreaterThan(2);
  expect(text).toContain(DECLINING_STORE);
});

test('the redemption and consumer tabs draw every chart', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  await page.getByRole('tab', { name: '核销分析' }).click();

  const provinces = section(page, 'region-provinces');
  await expectChartDrawn(provinces);
  await expect(provinces.locator('[data-chart]')).toHaveAttribute('aria-label', /江苏省/);
  await expect(provinces.locator('[data-chart]')).toHaveAttribute('aria-label', /北京市/);
  const cities = section(page, 'region-cities');
  await expectChartDrawn(cities);
  await expect(cities).toContainText('江苏省 各城市核销');
  await screenshot(page, 'analytics-redemptions-tab', VIEWPORT);
  await sectionShot(provinces, 'analytics-region-provinces');

  // A click on the ring at nine o'clock (the second province, 北京市, from twelve o'clock
  // clockwise) shows that province's cities. The ring: centre at 36 % of the width, radii
  // 38–68 % of half the shorter side.
  const pie = provinces.locator('[data-chart]');
  const box = (await pie.boundingBox())!;
  const ringRadius = (0.53 * Math.min(box.width, box.height)) / 2;
  await pie.click({ position: { x: box.width * 0.36 - ringRadius, y: box.height / 2 } });
  await expect(cities).toContainText('北京市 各城市核销');
  await expectChartDrawn(cities);
  await sectionShot(cities, 'analytics-region-cities');

  const trend = section(page, 'region-trend');
  await expectChartDrawn(trend);
  await sectionShot(trend, 'analytics-region-trend');
  await trend.getByTitle('每日').click();
  await expectChartDrawn(trend);

  const daily = section(page, 'daily-redemptions');
  await expectChartDrawn(daily);
  await sectionShot(daily, 'analytics-daily-redemptions');

  await page.getByText('近90天', { exact: true }).click();
  await expectChartDrawn(daily);

  await page.getByRole('tab', { name: '消费者' }).click();
  const consumer = section(page, 'consumer');
  await expect(consumer).toContainText('****');
  for (const chart of await consumer.locator('[data-chart]').all())
    await expectChartDrawn(chart.locator('..'));
  const top = section(page, 'top-consumers');
  await expect(top.locator('.ant-table-row').first()).toBeVisible();
  await screenshot(page, 'analytics-consumers-tab', VIEWPORT);
  await sectionShot(consumer, 'analytics-consumer');

  // A number nobody has: the consumer charts show the empty state, not blank axes.
  await consumer.getByLabel('手机号').fill('13900000000');
  await consumer.getByRole('button', { name: '查询' }).click();
  await expect(consumer.getByText('该顾客在所选范围内没有核销').first()).toBeVisible();
});

test('the monthly report fits one printable page', async ({ page }) => {
  await openAs(page, OWNER);
  await page.getByRole('menuitem', { name: '经营报表' }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await page.getByLabel('门店').click();
  await page.locator('.ant-select-item-option', { hasText: DECLINING_STORE }).click();
  const sheet = page.getByRole('article', { name: `${DECLINING_STORE} 经营日报` });
  await expect(sheet).toContainText('营业额');
  await screenshot(page, 'report-daily');

  await page.getByTitle('月报').click();
  const monthly = page.getByRole('article', { name: `${DECLINING_STORE} 经营月报` });
  await expect(monthly).toContainText('每日营业额');
  await expect(monthly.locator('svg').first()).toBeVisible();
  // The month under way is compared with the same days of last month, and says which days.
  await expect(monthly.getByTestId('report-compared')).toContainText(/上月 \d{4}\/\d{2}\/01–/);
  await screenshot(page, 'report-monthly');

  // On paper: only the sheet, without the menu, the header or the page's controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '功能菜单' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await screenshot(page, 'report-monthly-print');
  // What Electron's printToPDF would write: one A4 page.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages).toHaveLength(1);
});
