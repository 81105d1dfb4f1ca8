import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { callApi, loginAs, screenshot, setUpShop } from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { serverForThisFile } from '../support/e2e-server';

// Another store's stock on this PC: the other store's PC reports to the cloud (its events sent
// straight to the cloud here), this PC syncs and shows them on the stock page and in a transfer.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
const server = serverForThisFile();
const cloud = cloudForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const APPLE = { sku: '1001', name: '红富士苹果' };
const OTHER_STORE = '鲜果优选 河西店';

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');
const drawer = (page: Page) => page.locator('.ant-drawer');

test("a manager sees the other store's stock, as last synced, on the stock page and in a transfer", async ({
  page,
}) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'xgyx-02',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  const call = <T>(method: string, input: unknown) => callApi<T>(page, server.url, method, input);
  await call('products.create', { ...APPLE, category: '水果', unit: '斤', priceFen: 580 });
  const [store] = await call<{ id: string }[]>('stores.list', {});
  await call('stock.receive', { storeId: store!.id, lines: [{ sku: APPLE.sku, qty: 24 }] });

  // This PC pairs with the cloud; the other store's PC (河西店) reports its store and stock.
  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: '鲜果优选',
    code: 'XGYX-02',
  });
  await call('sync.pair', {
    cloudUrl: cloud.url,
    pairingCode: await cloud.pairingCode(merchant.id),
    deviceName: '新街口店 1 号收银机',
  });
  const pairing = await fetch(`${cloud.url}/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      pairingCode: await cloud.pairingCode(merchant.id),
      device: { name: '河西店收银机' },
      signingKeys: [],
    }),
  });
  const { data: other } = (await pairing.json()) as { data: { deviceToken: string } };
  const otherStore = randomUUID();
  const now = Date.now();
  const event = (kind: string, entityId: string, payload: Record<string, unknown>) => ({
    id: randomUUID(),
    kind,
    entityId,
    occurredAt: now,
    payload,
  });
  const receipt = randomUUID();
  const otherSale = randomUUID();
  const otherApple = randomUUID();
  const pushed = await fetch(`${cloud.url}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${other.deviceToken}` },
    body: JSON.stringify({
      events: [
        event('stores.changed', otherStore, {
          id: otherStore,
          code: 'S02',
          name: OTHER_STORE,
          provinceCode: '320000',
          cityCode: '320100',
          districtCode: '320105',
          address: '江东中路 1 号',
          lat: 32.0,
          lng: 118.73,
          businessDistrict: '河西万达商圈',
          timezone: 'Asia/Shanghai',
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
        event('stock.received', receipt, {
          documentId: receipt,
          movements: [
            {
              id: randomUUID(),
              storeId: otherStore,
              productId: otherApple,
              sku: APPLE.sku,
              qty: 36,
            },
          ],
        }),
        // 河西店 sells ¥88.00 of apples today: its takings reach this PC's analytics.
        event('sale.recorded', otherSale, {
          id: otherSale,
          storeId: otherStore,
          totalFen: 8800,
          discountFen: 0,
          soldAt: now,
          lines: [{ productId: otherApple, qty: 8 }],
          movements: [{ id: randomUUID(), productId: otherApple, sku: APPLE.sku, qty: -8 }],
        }),
      ],
    }),
  });
  expect(pushed.status).toBe(200);
  await call('sync.now', {});

  await page.getByRole('menuitem', { name: /库存$/ }).click();
  const apple = rows(page).filter({ hasText: APPLE.name }).first();
  await expect(apple).toContainText('24');
  await apple.getByRole('button', { name: '各店库存' }).click();
  const popover = page.getByTestId('chain-levels');
  await expect(popover).toContainText(OTHER_STORE);
  await expect(popover.locator('tr', { hasText: OTHER_STORE })).toContainText('28');
  await expect(popover.locator('tr', { hasText: '新街口店' })).toContainText('24');
  await expect(popover).toContainText('其他门店的库存来自云端');
  await screenshot(page, 'chain-01-stock-all-stores', { fullPage: false });
  await apple.getByRole('button', { name: '各店库存' }).click();

  // A transfer to 河西店 shows how many it holds.
  await page.getByRole('button', { name: '调拨' }).click();
  await drawer(page).getByLabel('调入门店').click();
  await page.locator('.ant-select-item-option', { hasText: OTHER_STORE }).click();
  const field = drawer(page).getByLabel('搜索商品名称、SKU 或条码加入');
  await field.click();
  await field.pressSequentially(APPLE.name);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: APPLE.name,
    })
    .click();
  const line = drawer(page).locator('.ant-table-tbody tr.ant-table-row', { hasText: APPLE.name });
  await expect(line).toContainText('28');
  await screenshot(page, 'chain-02-transfer-target', { fullPage: false });

  await page.keyboard.press('Escape');

  // 数据分析: the whole chain's takings, this PC's store live (a sale of ¥30.00 just now),
  // 河西店 from the cloud.
  await call('sales.record', {
    terminalSaleId: 'XJK-1',
    storeId: store!.id,
    lines: [{ sku: APPLE.sku, qty: 2, unitPriceFen: 1500 }],
  });
  await page.getByRole('menuitem', { name: '数据分析' }).click();
  const chain = page.locator('[data-section="chain-takings"]');
  await expect(chain).toContainText('全连锁各店营业');
  const otherRow = chain.locator('tr', { hasText: OTHER_STORE });
  await expect(otherRow).toContainText('云端');
  await expect(otherRow).toContainText('¥88.00');
  await expect(chain.locator('tr', { hasText: '新街口店' })).toContainText('¥30.00');
  await expect(chain.locator('tr', { hasText: '合计' })).toContainText('¥118.00');
  await chain.scrollIntoViewIfNeeded();
  await screenshot(page, 'chain-03-analytics-takings', { fullPage: false });
});
