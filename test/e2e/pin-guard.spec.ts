import { expect, test, type Page } from '@playwright/test';
import { loginAs, logout, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// Issue 18 (items 4 and 12): a throttled login screen and a lock screen held by the server.
test.describe.configure({ mode: 'serial' });
const server = serverForThisFile();

const OWNER = { name: '王店主', pin: '271828' };
const SHOP = {
  merchantName: '鲜果优选',
  merchantCode: 'xgyx-01',
  storeName: '鲜果优选 新街口店',
  region: ['江苏省', '南京市', '玄武区'] as [string, string, string],
  owner: OWNER,
};

/** Calls the local API with this page's session, as a script on the page could. */
function callApi(page: Page, method: string, body: unknown) {
  return page.evaluate(
    async ({ method, body }) => {
      const token = sessionStorage.getItem('storedesk.sessionToken');
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, body },
  );
}

/** A wrong PIN at a person's pace, and its answer awaited (the pad clears for the next one). */
async function typeWrongPin(page: Page) {
  const answered = page.waitForResponse((response) =>
    /\/api\/auth\.(login|unlock)$/.test(new URL(response.url()).pathname),
  );
  await page.keyboard.type('000000', { delay: 60 });
  await answered;
  // The pad clears after the answer is shown; keys typed before that would be lost.
  await page.waitForTimeout(150);
}

test('the lock screen is held by the server: a reload or a script gets no further', async ({
  page,
}) => {
  await page.goto(server.url);
  await setUpShop(page, SHOP);
  await loginAs(page, OWNER.name, OWNER.pin);
  for (const name of ['李收银', '张收银'])
    expect(
      (await callApi(page, 'staff.create', { name, role: 'cashier', pin: '135790' })).status,
    ).toBe(200);

  await page.getByRole('button', { name: '锁屏' }).click();
  const lock = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(lock).toBeVisible();
  // The server says so too: every call but unlock and logout is refused.
  await expect
    .poll(async () => (await callApi(page, 'staff.list', {})).body.error?.code)
    .toBe('SESSION_LOCKED');
  const refused = await callApi(page, 'staff.list', {});
  expect(refused.status).toBe(423);
  expect(refused.body.error.message).toBe('屏幕已锁定，请先输入 PIN 码解锁');

  // Forget the page's own note of the lock: the reload still comes back locked, from the server.
  await page.evaluate(() => sessionStorage.removeItem('storedesk.locked'));
  await page.reload();
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('请输入 王店主 的 PIN 码解锁');
  await typeWrongPin(page);
  await expect(lock.getByText(/PIN 码错误，还可尝试 \d+ 次/)).toBeVisible();
  await screenshot(page, 'pin-guard-lock-screen', { fullPage: false });

  await page.keyboard.type(OWNER.pin, { delay: 100 });
  await expect(lock).toBeHidden();
  await expect(page.getByRole('heading', { name: '王店主，你好' })).toBeVisible();
  expect((await callApi(page, 'staff.list', {})).status).toBe(200);
  await logout(page);
});

test('PIN guesses from one place wait: "try again in N s", in Chinese and English', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/login$/);
  // Five wrong PINs lock 李收银 (as before)...
  await page.getByRole('button', { name: /李收银/ }).click();
  for (let i = 0; i < 5; i++) await typeWrongPin(page);
  await expect(page.getByText('连续输错 PIN 码，该员工已锁定，请 5 分钟后再试')).toBeVisible();
  await page.getByRole('button', { name: '换一位员工' }).click();
  // ...and wrong PINs on another person make this browser wait once it has typed ten (the
  // owner's wrong one on the lock screen in the test before counts too: same address).
  await page.getByRole('button', { name: /张收银/ }).click();
  for (let i = 0; i < 3; i++) {
    await typeWrongPin(page);
    await expect(page.getByText(/PIN 码错误，还可尝试 \d 次/)).toBeVisible();
  }
  await typeWrongPin(page);
  await expect(page.getByText('PIN 码错误次数过多，请 30 秒后再试')).toBeVisible();
  // Nobody else is locked by it: 张收银 can still be picked once the wait is over.
  await page.getByRole('button', { name: '换一位员工' }).click();
  await expect(page.getByRole('button', { name: /张收银/ })).toBeEnabled();
  await expect(page.getByRole('button', { name: /王店主/ })).toBeEnabled();
  await page.getByRole('button', { name: /王店主/ }).click();
  await page.keyboard.type(OWNER.pin, { delay: 60 });
  await expect(page.getByText(/PIN 码错误次数过多，请 \d+ 秒后再试/)).toBeVisible();
  await screenshot(page, 'pin-guard-login-throttled', { fullPage: false });

  await page.evaluate(() => localStorage.setItem('storedesk.language', 'en'));
  await page.reload();
  await page.getByRole('button', { name: /王店主/ }).click();
  await page.keyboard.type(OWNER.pin, { delay: 60 });
  await expect(page.getByText(/^Too many wrong PINs; please try again in \d+ s$/)).toBeVisible();
  await screenshot(page, 'pin-guard-login-throttled-en', { fullPage: false });
  await page.evaluate(() => localStorage.setItem('storedesk.language', 'zh-CN'));
});
