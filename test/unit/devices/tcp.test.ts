import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { encodeSlip } from '../../../src-main/devices/printing/escpos';
import { queryTcpStatus, sendTcp } from '../../../src-main/devices/printing/tcp';
import { describeRule } from '../../../src-shared/coupons/describe';
import { couponSlip } from '../../../src-shared/slips/templates';
import { capturePrinter } from '../../support/per-test-printer';
import { couponShop } from '../../support/coupons';

describe('network printing (raw TCP, port 9100 style)', () => {
  it('prints a real coupon whose QR verifies at the till and whose barcode is the code', async () => {
    const printer = await capturePrinter();
    const { ok, cashierToken, activeTemplate, issueOne } = await couponShop();
    const template = await activeTemplate({ description: '全场通用，每单限用一张。' });
    const coupon = await issueOne(template.id);
    const slip = couponSlip(58, {
      merchantName: '鲜果优选',
      storeName: '鲜果优选 新街口店',
      templateName: template.name,
      ruleText: describeRule(template.rule),
      terms: template.description,
      code: coupon.code,
      display: coupon.display,
      qrPayload: coupon.qrPayload,
      validUntilText: '2026-12-20 23:59',
      issuedAtText: '2026-11-21 10:00',
    });
    await sendTcp(printer.target, encodeSlip(slip));
    const [printed] = await printer.waitForJobs(1);
    expect(printed!.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining(['鲜果优选', '满100减20', coupon.display]),
    );
    expect(printed!.barcodes).toEqual([coupon.code]);
    const verdict = await ok(
      'redemption.verify',
      { code: printed!.qrs[0]!, order: { subtotalFen: 12000 } },
      cashierToken,
    );
    expect(verdict).toMatchObject({ valid: true, discountFen: 2000 });
    expect(printed!.cuts).toBe(1);
  });

  it('says the printer is unreachable when nothing listens, and times out on a stalled printer', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(sendTcp({ host: '127.0.0.1', port }, Buffer.from('x'))).rejects.toMatchObject({
      code: 'PRINTER_UNREACHABLE',
    });

    const printer = await capturePrinter();
    printer.setStalled(true);
    const big = Buffer.alloc(32 * 1024 * 1024, 0x41); // more than the socket buffers hold
    await expect(sendTcp(printer.target, big, { writeTimeoutMs: 300 })).rejects.toMatchObject({
      code: 'PRINTER_TIMEOUT',
    });
  });

  it('asks the status first on the same connection and refuses a printer out of paper', async () => {
    const printer = await capturePrinter({ status: 'paperOut' });
    const slip = Buffer.from('hello\n');
    await expect(sendTcp(printer.target, slip)).rejects.toMatchObject({
      code: 'PRINTER_PAPER_OUT',
    });
    for (const [status, code] of [
      ['coverOpen', 'PRINTER_COVER_OPEN'],
      ['offline', 'PRINTER_OFFLINE'],
    ] as const) {
      printer.setStatus(status);
      await expect(sendTcp(printer.target, slip)).rejects.toMatchObject({ code });
      expect(await queryTcpStatus(printer.target)).toBe(status);
    }
    expect(printer.jobs).toEqual([]); // nothing reached the paper
    printer.setStatus('online');
    await sendTcp(printer.target, slip);
    expect((await printer.waitForJobs(1))[0]!.lines[0]!.text).toBe('hello');
    expect(printer.jobs[0]!.toString()).toBe('hello\n'); // the status query is not part of the job
    expect(printer.statusQueries()).toBe(3 * 4 + 3 * 2);
  });

  it('prints to a printer that does not answer status queries, after a short wait', async () => {
    const printer = await capturePrinter({ status: 'silent' });
    expect(await queryTcpStatus(printer.target, { statusTimeoutMs: 50 })).toBeNull();
    const started = Date.now();
    await sendTcp(printer.target, Buffer.from('quiet\n'), { statusTimeoutMs: 50 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect((await printer.waitForJobs(1))[0]!.lines[0]!.text).toBe('quiet');
  });
});
