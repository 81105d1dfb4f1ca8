import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/** A full-page screenshot under test-results/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(test.info().project.outputDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  // Let antd's motion (modals, messages, menus) settle so the picture shows the final state.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** Presses the on-screen PIN pad digit by digit, as a finger would. */
export async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
}

/** From the login screen: pick the staff card, then the PIN on the keyboard. */
export async function loginAs(page: Page, name: string, pin: string): Promise<void> {
  await expect(page).toHaveURL(/#\/login$/);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page.getByText('请输入 PIN 码')).toBeVisible();
  await page.keyboard.type(pin);
  await expect(page.getByRole('heading', { name: `${name}，你好` })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/#\/login$/);
}

/** The entries of the side menu, in order, the greyed-out ones still to come included. */
export async function menuItems(page: Page): Promise<string[]> {
  const texts = await page
    .getByRole('navigation', { name: '功能菜单' })
    .getByRole('menuitem')
    .allInnerTexts();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}
