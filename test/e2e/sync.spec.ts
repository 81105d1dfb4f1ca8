import { expect, test, type Page } from '@playwright/test';
import { loginAs, screenshot, setUpShop } from '../support/e2e-app';
import { cloudForThisFile } from '../support/e2e-cloud';
import { serverForThisFile } from '../support/e2e-server';

// One shop and one real cloud for the file: paired through the UI, then synced.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();
const cloud = cloudForThisFile();

const OWNER = { name: '王店主', pin: '271828' };

async function openAsOwner(page: Page) {
  await page.goto(server.url);
  await loginAs(page, OWNER.name, OWNER.pin);
}

test('a manager pairs the shop with the cloud and watches it go from pending to synced', async ({
  page,
}) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'xgyx-01',
    storeName: '鲜果优选 新街口店',
    region: ['江苏省', '南京市', '玄武区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);

  // Not paired yet: the header says so, and the page offers the pairing form.
  await expect(page.getByTestId('header-sync')).toHaveAttribute('data-state', 'unpaired');
  await page.getByRole('menuitem', { name: '云端同步' }).click();
  await expect(page.getByRole('heading', { name: '云端同步' })).toBeVisible();
  // Setting the shop up already made changes the cloud must learn.
  await expect(page.getByTestId('sync-pending')).not.toHaveText('0');
  await screenshot(page, 'sync-01-unpaired', { fullPage: false });

  // Sync every 10 minutes, so the next test sees its change waiting until 立即同步; a
  // redemption waits at most half a second for the cloud.
  await expect(page.getByLabel('核销时等待云端确认')).toHaveValue('800');
  await page.getByLabel('自动同步间隔').fill('600');
  await page.getByLabel('核销时等待云端确认').fill('500');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('核销时等待云端确认')).toHaveValue('500');

  const merchant = await cloud.admin('POST', '/v1/admin/merchants', {
    name: '鲜果优选',
    code: 'XGYX-01',
  });
  await page.getByTestId('sync-cloud-url').fill(cloud.url);
  await page.getByTestId('sync-pairing-code').fill('0000-0000');
  await page.getByTestId('sync-device-name').fill('新街口店 1 号收银机');
  await page.getByTestId('sync-pair').click();
  await expect(page.getByText('配对码无效、已过期或已被使用')).toBeVisible();

  await page.getByTestId('sync-pairing-code').fill(await cloud.pairingCode(merchant.id));
  await page.getByTestId('sync-pair').click();
  await expect(page.getByText('配对成功，开始同步')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  await expect(page.getByTestId('sync-status')).toContainText('鲜果优选（XGYX-01）');
  await expect(page.getByTestId('header-sync')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('sync-last')).not.toHaveText('—');
  await screenshot(page, 'sync-02-synced', { fullPage: false });
  await page.mouse.wheel(0, 900);
  await screenshot(page, 'sync-03-lists', { fullPage: false });
});

test('a change waits as pending, and 立即同步 sends it', async ({ page }) => {
  await openAsOwner(page);
  await page.getByRole('menuitem', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog', { name: '新增员工' });
  await dialog.getByLabel('姓名').fill('李收银');
  await dialog.getByLabel('PIN 码', { exact: true }).fill('135790');
  await dialog.getByLabel('再次输入 PIN 码').fill('135790');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('menuitem', { name: '云端同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('1');
  await syncNow(page);
  await expect(page.getByText('同步完成')).toBeVisible();
  await expect(page.getByTestId('sync-pending')).toHaveText('0');

  // Another store (a second device of the merchant) redeems a code this shop also redeems while
  // apart; the other store reached the cloud first: the conflict shows both sides.
  const api = async (method: string, input: unknown, token?: string) => {
    const response = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(input),
    });
    const answer = await response.json();
    if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const { staff } = await api('auth.loginOptions', {});
  const ownerId = staff.find((p: { name: string }) => p.name === OWNER.name).id;
  const { token } = await api('auth.login', { staffId: ownerId, pin: OWNER.pin });
  const template = await api(
    'coupons.createTemplate',
    {
      name: '满100减20',
      rule: { type: 'threshold', thresholdFen: 10000, amountFen: 2000 },
      validity: { kind: 'relative', days: 30 },
    },
    token,
  );
  await api('coupons.setTemplateStatus', { id: template.id, status: 'active' }, token);
  const { codes } = await api('coupons.issue', { templateId: template.id, count: 1 }, token);
  const code = codes[0].code as string;
  const stores = await api('stores.list', { includeInactive: false }, token);
  const storeId = stores[0].id as string;
  const other = await pairRawDevice(cloud, '中山路店 2 号收银机');
  const claimId = crypto.randomUUID();
  await pushClaim(cloud.url, other, {
    id: claimId,
    code,
    templateId: template.id,
    storeId: crypto.randomUUID(),
    customerPhone: '+8613912345678',
    subtotalFen: 15000,
    discountFen: 2000,
    createdAt: Date.now(),
  });
  // This till decides offline, as when its line is down (online, the cloud refuses it at once:
  // test/unit/sync/online-claims.test.ts).
  const settings = await api('sync.getSettings', {}, token);
  await api('sync.setSettings', { ...settings, onlineClaimTimeoutMs: 0 }, token);
  await api(
    'redemption.redeem',
    { code, order: { subtotalFen: 12000 }, idempotencyKey: `e2e-${code}`, storeId },
    token,
  );
  await syncNow(page);
  await expect(page.getByTestId('sync-conflict')).toBeVisible();
  await expect(page.getByTestId('sync-conflict')).toContainText('中山路店 2 号收银机');
  await expect(page.getByTestId('header-sync')).toContainText('1 项待处理');
  await page.getByTestId('sync-conflict').scrollIntoViewIfNeeded();
  await screenshot(page, 'sync-04-conflict', { fullPage: false });
  await page.getByRole('button', { name: '确认并撤销本机核销' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认并撤销本机核销' }).click();
  await expect(page.getByText('已处理，本机核销已撤销')).toBeVisible();
  await expect(page.getByTestId('sync-conflict')).toHaveCount(0);

  // The manager replaces this PC's token: syncing goes on with the new one.
  await page.getByTestId('sync-rotate-token').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '更换凭证' }).click();
  await expect(page.getByText('已更换本机凭证，旧凭证已失效')).toBeVisible();
  await syncNow(page);
  await expect(page.getByText('同步完成')).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'idle');
  await page.getByTestId('sync-status').scrollIntoViewIfNeeded();
  await screenshot(page, 'sync-04b-rotated', { fullPage: false });

  // A cashback code is paid to a consumer through the cloud and, before this till hears of it,
  // at the counter too: the manager sees both payouts and marks the one made here to recover.
  const apple = await api(
    'products.create',
    { sku: 'APL-1', barcodes: ['6901234567892'], name: '红富士苹果', priceFen: 1299 },
    token,
  );
  const cashbackTemplate = await api(
    'coupons.createTemplate',
    {
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [apple.id], categories: [] },
      validity: { kind: 'relative', days: 30 },
    },
    token,
  );
  await api('coupons.setTemplateStatus', { id: cashbackTemplate.id, status: 'active' }, token);
  // The code is for an apple sold at this till.
  await api('stock.receive', { storeId, lines: [{ sku: 'APL-1', qty: 1 }] }, token);
  await api(
    'sales.record',
    {
      terminalSaleId: 'E2E-SYNC-1',
      storeId,
      lines: [{ sku: 'APL-1', qty: 1, unitPriceFen: 1299 }],
    },
    token,
  );
  const slip = await api(
    'cashback.requestCode',
    { barcode: '6901234567892', terminalId: stores[0].terminals[0].id },
    token,
  );
  await syncNow(page);
  await expect(page.getByText('同步完成')).toBeVisible();
  // The consumer proves the phone with the code texted to it.
  const otp = await cloud.otpFor('XGYX-01', '13700000000');
  const consumer = await fetch(`${cloud.url}/v1/consumers/XGYX-01/cashback/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: slip.qrPayload, phone: '13700000000', otp }),
  });
  expect(consumer.status).toBe(200);
  await api('cashback.redeem', { code: slip.code, phone: '13900000000' }, token);
  await syncNow(page);
  const payout = page.locator('[data-testid="sync-conflict"][data-kind="cashback"]');
  await expect(payout).toBeVisible();
  await expect(payout).toContainText('顾客通过云端兑付');
  await expect(payout).toContainText('137****0000');
  await payout.scrollIntoViewIfNeeded();
  await screenshot(page, 'sync-04c-cashback-conflict', { fullPage: false });
  await payout.getByRole('button', { name: '以云端为准，本机兑付记为待追回' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: '以云端为准，本机兑付记为待追回' })
    .click();
  await expect(page.getByText('已处理，本机兑付已记为待追回')).toBeVisible();
  await expect(payout).toHaveCount(0);

  // The admin revokes this PC: the next sync shows the pairing ended, clearly.
  const merchants = await cloud.admin('GET', '/v1/admin/merchants');
  const merchant = (merchants.merchants ?? merchants).find(
    (m: { code: string }) => m.code === 'XGYX-01',
  );
  const devices = await cloud.admin('GET', `/v1/admin/merchants/${merchant.id}/devices`);
  const device = (devices.devices ?? devices).find(
    (d: { name: string }) => d.name === '新街口店 1 号收银机',
  );
  await cloud.admin('POST', `/v1/admin/merchants/${merchant.id}/devices/${device.id}/revoke`);
  await syncNow(page);
  await expect(page.getByTestId('sync-revoked')).toBeVisible();
  await expect(page.getByTestId('header-sync')).toHaveAttribute('data-state', 'revoked');
  await screenshot(page, 'sync-05-revoked', { fullPage: false });

  // English second: the same page, every text translated.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Cloud sync' })).toBeVisible();
  await expect(page.getByTestId('sync-revoked')).toContainText('pair again');
  await screenshot(page, 'sync-06-english', { fullPage: false });
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '云端同步' })).toBeVisible();
});

/** A second till of the merchant, as the cloud sees it (no desktop needed for this side). */
/**
 * 立即同步 once the round before it has ended: the button shows its round as loading and a click
 * on it meanwhile is lost (on a loaded machine the last round may still be pulling).
 */
async function syncNow(page: Page) {
  const button = page.getByTestId('sync-now');
  await expect(button).not.toHaveClass(/ant-btn-loading/);
  await button.click();
}

async function pairRawDevice(cloud: ReturnType<typeof cloudForThisFile>, name: string) {
  const merchants = await cloud.admin('GET', '/v1/admin/merchants');
  const merchant = merchants.merchants.find((m: { code: string }) => m.code === 'XGYX-01');
  const response = await fetch(`${cloud.url}/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode: await cloud.pairingCode(merchant.id), device: { name } }),
  });
  return (await response.json()).data.deviceToken as string;
}

async function pushClaim(base: string, token: string, claim: Record<string, unknown>) {
  const response = await fetch(`${base}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      events: [
        {
          id: crypto.randomUUID(),
          kind: 'redemption.completed',
          entityId: claim.id,
          occurredAt: Date.now(),
          payload: claim,
        },
      ],
    }),
  });
  const answer = await response.json();
  if (answer.data?.results?.[0]?.status !== 'accepted') throw new Error(JSON.stringify(answer));
}
