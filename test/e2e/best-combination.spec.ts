import { expect, test, type Page } from '@playwright/test';
import { callApi, loginAs, screenshot, setUpShop } from '../support/e2e-app';
import { serverForThisFile } from '../support/e2e-server';

// 自动选最优券 at the till (issue 29): a customer shows three codes, the till offers the pair
// that leaves the least to pay, one click puts it on the order, and the payable is right.
const server = serverForThisFile();
const OWNER = { name: '王店主', pin: '271828' };

async function issue(page: Page, fields: Record<string, unknown>): Promise<string> {
  const template = await callApi<{ id: string }>(page, server.url, 'coupons.createTemplate', {
    validity: { kind: 'relative', days: 30 },
    ...fields,
  });
  await callApi(page, server.url, 'coupons.setTemplateStatus', {
    id: template.id,
    status: 'active',
  });
  const issued = await callApi<{ codes: { display: string }[] }>(
    page,
    server.url,
    'coupons.issue',
    {
      templateId: template.id,
      count: 1,
    },
  );
  return issued.codes[0]!.display;
}

test('the till offers the best of three held coupons in one click', async ({ page }) => {
  await page.goto(server.url);
  await setUpShop(page, {
    merchantName: '鲜果优选',
    merchantCode: 'XGYX-29',
    storeName: '鲜果优选 仙林店',
    region: ['江苏省', '南京市', '栖霞区'],
    owner: OWNER,
  });
  await loginAs(page, OWNER.name, OWNER.pin);
  const tenOff = await issue(page, {
    name: '满100减10',
    rule: { type: 'threshold', thresholdFen: 10000, amountFen: 1000 },
  });
  const fiveOff = await issue(page, {
    name: '5元抵扣券',
    rule: { type: 'voucher', amountFen: 500 },
    stackable: true,
  });
  const eightyPercent = await issue(page, {
    name: '会员8折',
    rule: { type: 'percent', payPermille: 800 },
  });

  await page.getByRole('menuitem', { name: /核销$/ }).click();
  await page.getByLabel('订单金额（元）').fill('120');
  const codeField = page.getByLabel('券码', { exact: true });
  // In the order the customer hands them over: the 8折 comes last and cannot join 满100减10.
  for (const code of [tenOff, fiveOff, eightyPercent]) {
    await codeField.fill(code);
    await codeField.press('Enter');
  }
  await expect(page.getByTestId('verdict-payable')).toContainText('¥105.00');

  // 8折 (¥24) with the ¥5 voucher beats 满100减10 with it: ¥29 off instead of ¥15.
  const offer = page.getByTestId('best-combination');
  await expect(offer).toContainText('会员8折');
  await expect(offer).toContainText('5元抵扣券');
  await expect(offer).toContainText('¥91.00');
  const use = offer.getByRole('button', { name: '用这 2 张，共减 ¥29.00' });
  await expect(use).toBeVisible();
  await screenshot(page, 'best-combination-offer', { fullPage: false });

  await use.click();
  await expect(offer).toBeHidden();
  const stack = page.getByLabel('本单的券').locator('li');
  await expect(stack).toHaveCount(2);
  await expect(stack.nth(0)).toContainText('会员8折');
  await expect(stack.nth(0)).toContainText('-¥24.00');
  await expect(stack.nth(1)).toContainText('5元抵扣券');
  await expect(page.getByTestId('verdict-discount')).toHaveText('¥29.00');
  await expect(page.getByTestId('verdict-payable')).toContainText('¥91.00');

  await page.getByRole('button', { name: '确认核销（2 张券）' }).click();
  const success = page.getByTestId('redemption-success');
  await expect(success).toContainText('核销成功');
  await expect(success).toContainText('¥91.00');
});
