// What goes on the paper: the shop logo and the end-of-day summary, read back from the bytes the
// capture printer received.
import { sellApples } from '../../support/cashback';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src-shared/slips/text';
import { capturePrinter } from '../../support/per-test-printer';
import { OWNER_PIN } from '../../support/core';
import { couponShop } from '../../support/coupons';
import { pngBase64, pngOf } from '../../support/png';

async function slipShop(widthMm: 58 | 80 = 58) {
  const printer = await capturePrinter();
  const shop = await couponShop();
  const created = await shop.ok(
    'printers.create',
    { name: '前台', transport: { kind: 'tcp', ...printer.target }, widthMm },
    shop.ownerToken,
  );
  const template = await shop.activeTemplate();
  return { ...shop, printer, printerId: created.id, template };
}

describe('slip logo', () => {
  it('prints the logo above the title, dithered to fit 58 and 80 mm paper', async () => {
    const shop = await slipShop();
    const { ok, ownerToken, cashierToken, printer, printerId, template } = shop;
    expect(await ok('printing.getLogo', {}, cashierToken)).toEqual({
      pngBase64: null,
      width: null,
      height: null,
    });
    const logo = pngBase64(pngOf(800, 200, (x) => [x < 400 ? 0 : 255, 255]));
    expect(await ok('printing.setLogo', { pngBase64: logo }, ownerToken)).toEqual({
      pngBase64: logo,
      width: 800,
      height: 200,
    });
    const issued = await ok(
      'coupons.issue',
      { templateId: template.id, count: 1, print: { printerId } },
      ownerToken,
    );
    await shop.core.services.printing.queue.finished(issued.printJobId!);
    const [slip] = await printer.waitForJobs(1);
    expect(slip!.images.map(({ width, height }) => ({ width, height }))).toEqual([
      { width: 384, height: 96 },
    ]);
    expect(slip!.items[0]!.kind).toBe('image');

    await ok('printers.update', { id: printerId, widthMm: 80 }, ownerToken);
    await ok('printing.printCoupons', { printerId, codes: [issued.codes[0]!.code] }, ownerToken);
    await shop.core.services.printing.queue.whenIdle();
    const [, wide] = await printer.waitForJobs(2);
    expect(wide!.images[0]).toMatchObject({ width: 576, height: 144 });

    await ok('printing.setLogo', { pngBase64: null }, ownerToken);
    await ok('printing.printCoupons', { printerId, codes: [issued.codes[0]!.code] }, ownerToken);
    await shop.core.services.printing.queue.whenIdle();
    expect((await printer.waitForJobs(3))[2]!.images).toEqual([]);
  });

  it('refuses what is not a PNG or is too large, with a translated error', async () => {
    const { fails, ok, ownerToken, cashierToken } = await slipShop();
    const notPng = await fails(
      'printing.setLogo',
      { pngBase64: Buffer.from('GIF89a not a png').toString('base64') },
      ownerToken,
    );
    expect(notPng).toMatchObject({ code: 'LOGO_INVALID', message: '标志图片不是有效的 PNG 文件' });
    expect((await fails('printing.setLogo', { pngBase64: '%%%' }, ownerToken)).code).toBe(
      'LOGO_INVALID',
    );
    const huge = pngBase64(pngOf(5000, 10, () => [0, 255]));
    expect(await fails('printing.setLogo', { pngBase64: huge }, ownerToken)).toMatchObject({
      code: 'LOGO_TOO_LARGE',
      message: '标志图片过大（上限 256 KB）',
    });
    const tooLong = 'A'.repeat(400_000);
    expect((await fails('printing.setLogo', { pngBase64: tooLong }, ownerToken)).code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await fails('printing.setLogo', { pngBase64: null }, cashierToken)).code).toBe(
      'FORBIDDEN',
    );
    // A data: URL from a file picker is taken as the PNG inside it.
    const small = pngBase64(pngOf(16, 16, () => [0, 255]));
    const set = await ok(
      'printing.setLogo',
      { pngBase64: `data:image/png;base64,${small}` },
      ownerToken,
    );
    expect(set).toEqual({ pngBase64: small, width: 16, height: 16 });
  });
});

describe('daily summary', () => {
  it('prints the store’s day: coupons issued, redeemed and voided, cashback, by cashier', async () => {
    const shop = await slipShop();
    const { ok, fails, ownerToken, cashierToken, printer, printerId, template, ids, clock } = shop;
    const { codes } = await ok('coupons.issue', { templateId: template.id, count: 3 }, ownerToken);
    const redeem = (code: string, key: string) =>
      ok(
        'redemption.redeem',
        { code, order: { subtotalFen: 12_000 }, idempotencyKey: key },
        cashierToken,
      );
    const first = await redeem(codes[0]!.code, 'sum-0001');
    await redeem(codes[1]!.code, 'sum-0002');
    await ok(
      'redemption.void',
      {
        redemptionId: first.redemption.id,
        managerId: ids.ownerId,
        managerPin: OWNER_PIN,
        reason: '顾客退货',
      },
      cashierToken,
    );
    await shop.activeTemplate({
      name: '苹果返现 2 元',
      rule: { type: 'cashback', rewardFen: 200 },
      scope: { productIds: [shop.products.apple.id], categories: [] },
    });
    await sellApples(ok, cashierToken, ids.storeId, 2);
    const cashback = await ok('cashback.requestCode', { sku: 'APL-1' }, cashierToken);
    await ok('cashback.requestCode', { sku: 'APL-1' }, cashierToken);
    await ok('cashback.redeem', { code: cashback.code, phone: '13900001111' }, cashierToken);

    expect(
      (await fails('printing.printDailySummary', { storeId: ids.storeId }, cashierToken)).code,
    ).toBe('FORBIDDEN');

    // Tomorrow's activity does not count on today's slip.
    clock.advance(24 * 3600_000);
    const { token } = await ok('auth.login', { staffId: ids.ownerId, pin: OWNER_PIN });
    await ok('coupons.issue', { templateId: template.id, count: 5 }, token);

    const job = await ok(
      'printing.printDailySummary',
      { storeId: ids.storeId, date: '2026-11-21', printerId },
      token,
    );
    expect(job).toMatchObject({ kind: 'summary', total: 1 });
    expect(await shop.core.services.printing.queue.finished(job.id)).toMatchObject({
      status: 'done',
    });
    const [slip] = await printer.waitForJobs(1);
    const text = slip!.lines.map((l) => l.text);
    expect(text).toEqual(
      expect.arrayContaining([
        '日结小票',
        '营业日 2026-11-21',
        '优惠券',
        expect.stringMatching(/^发放 +3 张$/),
        expect.stringMatching(/^核销 +2 张 {2}￥40\.00$/),
        expect.stringMatching(/^撤销核销 +1 张 {2}￥20\.00$/),
        '返现码',
        expect.stringMatching(/^发放 +2 张 {2}￥4\.00$/),
        expect.stringMatching(/^兑付 +1 张 {2}￥2\.00$/),
        expect.stringMatching(/^李收银 +1 张 {2}￥20\.00$/),
      ]),
    );
    for (const line of slip!.lines)
      expect(displayWidth(line.text)).toBeLessThanOrEqual(line.big ? 16 : 32);
    expect(slip!.cuts).toBe(1);

    // Today (the 22nd in Shanghai) when no date is given.
    const today = await ok(
      'printing.printDailySummary',
      { storeId: ids.storeId, printerId },
      token,
    );
    await shop.core.services.printing.queue.finished(today.id);
    const [, second] = await printer.waitForJobs(2);
    expect(second!.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(['营业日 2026-11-22', expect.stringMatching(/^发放 +5 张$/)]),
    );
    expect(
      (
        await fails(
          'printing.printDailySummary',
          { storeId: ids.storeId, date: '2026-13-40' },
          token,
        )
      ).code,
    ).toBe('VALIDATION_FAILED');
  });
});
