import { expect, type Page } from '@playwright/test';
import { loginAs, setUpShop, type ShopSetup } from './e2e-app';

/** The shop the first-day specs start from (a strong owner PIN: weak ones are refused). */
export const FIRST_DAY_SHOP: ShopSetup = {
  merchantName: '便利优选',
  merchantCode: 'BLYX-01',
  storeName: '便利优选 总店',
  region: ['江苏省', '南京市', '玄武区'],
  owner: { name: '周店主', pin: '314159' },
};

/** The wizard on a fresh server, then the owner logged in on the home page. */
export async function openNewShopAsOwner(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await setUpShop(page, FIRST_DAY_SHOP);
  await loginAs(page, FIRST_DAY_SHOP.owner.name, FIRST_DAY_SHOP.owner.pin);
}

/** A contract call with the session of this tab (for set-up the spec does not look at). */
export async function callAsTab<T = unknown>(
  page: Page,
  method: string,
  input: unknown,
): Promise<T> {
  const result = await page.evaluate(
    async ({ method, input }) => {
      const token = window.sessionStorage.getItem('storedesk.sessionToken');
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: unknown };
    },
    { method, input },
  );
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.data as T;
}

/** Whether an element lies wholly inside the 1366×768 window, as a person sees it. */
export async function inWindow(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .last()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    });
}
